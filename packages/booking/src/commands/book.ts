import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { checkedChannel } from "../booking-channel";
import { channelInput, slotInputShape } from "../booking-inputs";
import type { WaitlistEntry } from "../booking-models";
import { type BookingOutcome, placeBooking } from "../place-booking";
import { joinWaitlist } from "../waitlist";

/** The outcome of `booking.book`: a booking or every reason, plus the waitlist entry when one was taken. */
export type BookOutcome = BookingOutcome & { readonly waitlistEntry?: WaitlistEntry };

/** The input of `book`, built once: every community shares it (and its compiled parser). */
const bookInput = z.object({
  ...slotInputShape,
  note: z.string().max(500).optional(),
  /** How the request reached the community: one of `booking.channels` (desk, phone, wechat, app). */
  channel: channelInput.optional(),
  /** When the only reason is a full slot, queue on the waitlist instead. @default false */
  waitlistIfFull: z.boolean().default(false),
});

/**
 * `booking.book`: books a resource (or zone) for the acting resident, or for `forResident`
 * (staff or a delegate booking by phone; both are recorded), or for nobody (staff blocking a
 * room). Returns the booking, or every violated rule with code, params and zh-CN/en message.
 * Capacity holds under concurrency. `channel` records how the request came in (`phone` for a
 * caller the desk books for); a channel not in `booking.channels` is `UNKNOWN_CHANNEL`.
 */
export const book = (engine: BookingEngine) =>
  defineCommand({
    input: bookInput,
    run: async (cx, input): Promise<BookOutcome> => {
      const residentId = cx.subject ?? null;
      const outcome = await placeBooking(cx, engine, {
        ...input,
        residentId,
        actorKind: cx.actor.kind,
        actorId: cx.actor.id,
        note: input.note ?? null,
        channel: checkedChannel(engine, input.channel),
      });
      if (!outcome.ok && outcome.waitlistable && input.waitlistIfFull && residentId) {
        const waitlistEntry = await joinWaitlist(cx, engine, { ...input, residentId });
        return { ...outcome, waitlistEntry };
      }
      return outcome;
    },
  });
