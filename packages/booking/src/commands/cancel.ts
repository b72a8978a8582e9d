import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { idInput } from "../booking-inputs";
import { cancelBooking } from "../booking-lifecycle";

/** The input of `cancel`, built once: every community shares it (and its compiled parser). */
const cancelInput = z.object({ bookingId: idInput, reason: z.string().max(500).optional() });

/** `booking.cancel`: cancels a booking; `refundable` follows the cancellation deadline. Emits `BookingCancelled`. */
export const cancel = (engine: BookingEngine) =>
  defineCommand({
    subject: "none",
    input: cancelInput,
    run: (cx, input) => cancelBooking(cx, engine, input.bookingId, input.reason ?? null),
  });
