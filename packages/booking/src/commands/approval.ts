import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { idInput } from "../booking-inputs";
import { approveBooking, rejectBooking } from "../booking-lifecycle";

/** `booking.approve`: staff approve a booking awaiting approval. Emits `BookingConfirmed`. */
export const approve = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ bookingId: idInput }),
  run: async (cx, input) => {
    const booking = await approveBooking(cx, input.bookingId);
    cx.audit({ action: "booking.approved", residentId: booking.residentId, target: `booking:${booking.id}` });
    return booking;
  },
});

/** The input of `reject`, built once: every community shares it (and its compiled parser). */
const rejectInput = z.object({ bookingId: idInput, reason: z.string().max(500).optional() });

/** `booking.reject`: staff reject a booking awaiting approval. Emits `BookingRejected`. */
export const reject = (engine: BookingEngine) =>
  defineCommand({
    allow: "staff",
    subject: "none",
    input: rejectInput,
    run: async (cx, input) => {
      const booking = await rejectBooking(cx, engine, input.bookingId, input.reason ?? null);
      cx.audit({
        action: "booking.rejected",
        residentId: booking.residentId,
        target: `booking:${booking.id}`,
        reason: input.reason ?? null,
      });
      return booking;
    },
  });
