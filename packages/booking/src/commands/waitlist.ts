import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { idInput, slotInputShape } from "../booking-inputs";
import { acceptOffer, joinWaitlist, withdrawEntry } from "../waitlist";

/** The input of `join`, built once: every community shares it (and its compiled parser). */
const joinInput = z.object(slotInputShape);

/** `booking.waitlist.join`: queue for a slot (for the acting resident or `forResident`). Emits `WaitlistJoined`. */
export const join = (engine: BookingEngine) =>
  defineCommand({
    subject: "required",
    input: joinInput,
    run: (cx, input) => joinWaitlist(cx, engine, { ...input, residentId: cx.subject }),
  });

/** `booking.waitlist.accept`: accept an open offer; the held booking is confirmed. */
export const accept = defineCommand({
  subject: "none",
  input: z.object({ entryId: idInput }),
  run: (cx, input) => acceptOffer(cx, input.entryId),
});

/** The input of `withdraw`, built once: every community shares it (and its compiled parser). */
const withdrawInput = z.object({ entryId: idInput });

/** `booking.waitlist.withdraw`: leave the waitlist, or decline an offer (it passes to the next in line). */
export const withdraw = (engine: BookingEngine) =>
  defineCommand({
    subject: "none",
    input: withdrawInput,
    run: (cx, input) => withdrawEntry(cx, engine, input.entryId),
  });
