import { defineCommand, instantSchema, LinliError } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { bookingErrors } from "../booking-errors";
import { emitBookingEvent } from "../booking-events";
import { checkedChannel } from "../booking-channel";
import { channelInput, idInput } from "../booking-inputs";
import { judgeCancellation, loadBooking, requireBookingAccess } from "../booking-lifecycle";
import { bookingModel } from "../booking-models";
import { bookingEvents } from "../events";
import { type BookingOutcome, placeBooking } from "../place-booking";
import { offerFreedCapacity } from "../waitlist";

/** The input of `reschedule`, built once: every community shares it (and its compiled parser). */
const rescheduleInput = z.object({
  bookingId: idInput,
  start: instantSchema,
  end: instantSchema,
  channel: channelInput.optional(),
});

/**
 * `booking.reschedule`: moves a booking to a new time, atomically; a refused move leaves it
 * untouched. The new booking keeps the old one's channel unless `channel` says how this
 * request came in. The old booking is given back under the cancellation rule, as by
 * `booking.cancel`: after the deadline a resident's move is refused (`late: "refuse"`) or the
 * old booking is not refundable (`late: "allow"`), so its charge stands.
 */
export const reschedule = (engine: BookingEngine) =>
  defineCommand({
    subject: "none",
    input: rescheduleInput,
    run: async (cx, input): Promise<BookingOutcome> => {
      const channel = input.channel === undefined ? undefined : checkedChannel(engine, input.channel);
      const old = await loadBooking(cx, input.bookingId);
      await requireBookingAccess(cx, old);
      if (old.status !== "confirmed" && old.status !== "pending-approval") {
        throw LinliError.from(bookingErrors, "INVALID_TRANSITION", {
          bookingId: old.id,
          status: old.status,
          action: "rescheduled",
        });
      }
      // Moving a booking gives the old one back: judged by the cancellation rule at this
      // moment, as `cancel` is, so a move cannot turn a late cancellation into a refund.
      const late = judgeCancellation(cx, engine, old);
      const outcome = await placeBooking(cx, engine, {
        resourceId: old.resourceId,
        zoneId: old.zoneId,
        start: input.start,
        end: input.end,
        quantity: old.quantity,
        residentId: old.residentId,
        actorKind: cx.actor.kind,
        actorId: cx.actor.id,
        note: old.note,
        channel: channel ?? old.channel,
        replaces: old,
      });
      if (!outcome.ok) return outcome;
      const cancelled = await cx.tx.updateById(bookingModel, old.id, {
        status: "cancelled",
        cancelledAt: cx.now,
        cancelledBy: cx.actor.id,
        cancelReason: "rescheduled",
        refundable: !late,
      });
      await emitBookingEvent(cx, bookingEvents.BookingCancelled, cancelled, { refundable: !late });
      await emitBookingEvent(cx, bookingEvents.BookingRescheduled, cancelled, {
        newBookingId: outcome.booking.id,
      });
      await offerFreedCapacity(cx, engine, old.resourceId, old.start, old.end);
      return outcome;
    },
  });
