import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { idInput } from "../booking-inputs";
import { checkInBooking, completeBooking, loadBooking, recordNoShow } from "../booking-lifecycle";

/** The input of `checkIn`, built once: every community shares it (and its compiled parser). */
const checkInInput = z.object({ bookingId: idInput });

/** `booking.checkIn`: the resident (or staff) checks in within the check-in window. */
export const checkIn = (engine: BookingEngine) =>
  defineCommand({
    subject: "none",
    input: checkInInput,
    run: (cx, input) => checkInBooking(cx, engine, input.bookingId),
  });

/** `booking.complete`: staff mark a checked-in booking completed. */
export const complete = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ bookingId: idInput }),
  run: async (cx, input) => completeBooking(cx, await loadBooking(cx, input.bookingId)),
});

/** The input of `markNoShow`, built once: every community shares it (and its compiled parser). */
const markNoShowInput = z.object({ bookingId: idInput });

/** `booking.markNoShow`: staff record a no-show. Emits `NoShowRecorded`. */
export const markNoShow = (engine: BookingEngine) =>
  defineCommand({
    allow: "staff",
    subject: "none",
    input: markNoShowInput,
    run: async (cx, input) => recordNoShow(cx, engine, await loadBooking(cx, input.bookingId), "no-show"),
  });
