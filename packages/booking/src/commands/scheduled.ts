import { defineCommand } from "@linli/core";
import { z } from "zod";
import type { BookingEngine } from "../booking-engine";
import { dueReminders as remind, sweepBookings } from "../booking-sweep";

/** `booking.sweep`: time-driven transitions (offers expiring, missed check-ins, completions), for a scheduler. */
export const sweep = (engine: BookingEngine) =>
  defineCommand({
    allow: "staff",
    subject: "none",
    input: z.object({}),
    run: (cx) => sweepBookings(cx, engine),
  });

/** `booking.dueReminders`: emits `BookingReminderDue` for bookings starting within the lead. */
export const dueReminders = (engine: BookingEngine) =>
  defineCommand({
    allow: "staff",
    subject: "none",
    input: z.object({ leadMinutes: z.number().int().min(1).max(10_080).optional() }),
    run: (cx, input) => remind(cx, engine, input.leadMinutes),
  });
