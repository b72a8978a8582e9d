import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { idInput } from "../booking-inputs";
import { checkInBooking, completeBooking, loadBooking, recordNoShow } from "../booking-lifecycle";

/** `booking.checkIn`: the resident (or staff) checks in within the check-in window. */
export const checkIn = (engine: BookingEngine) =>
  defineCommand({
    subject: "none",
    input: z.object({ bookingId: idInput }),
    run: (cx, input) => checkInBooking(cx, engine, input.bookingId),
  });

/** `booking.complete`: staff mark a checked-in booking completed. */
export const complete = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ bookingId: idInput }),
  run: async (cx, input) => completeBooking(cx, await loadBooking(cx, input.bookingId)),
});

/** `booking.markNoShow`: staff record a no-show. Emits `NoShowRecorded`. */
export const markNoShow = (engine: BookingEngine) =>
  defineCommand({
    allow: "staff",
    subject: "none",
    input: z.object({ bookingId: idInput }),
    run: async (cx, input) => recordNoShow(cx, engine, await loadBooking(cx, input.bookingId), "no-show"),
  });
