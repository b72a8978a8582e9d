import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { idInput } from "../booking-inputs";
import { cancelBooking } from "../booking-lifecycle";

/** `booking.cancel`: cancels a booking; `refundable` follows the cancellation deadline. Emits `BookingCancelled`. */
export const cancel = (engine: BookingEngine) =>
  defineCommand({
    subject: "none",
    input: z.object({ bookingId: idInput, reason: z.string().max(500).optional() }),
    run: (cx, input) => cancelBooking(cx, engine, input.bookingId, input.reason ?? null),
  });
