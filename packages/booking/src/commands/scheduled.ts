import { defineCommand, pageInput } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { dueReminders as remind, sweepBookings } from "../booking-sweep";

/** The input of `sweep`, built once: every community shares it (and its compiled parser). */
const sweepInput = z.object(pageInput);

/**
 * `booking.sweep`: time-driven transitions (offers expiring, missed check-ins, completions),
 * for a scheduler, in batches of at most `limit` of each; while the report says `more`, call
 * again with `after: report.next`.
 */
export const sweep = (engine: BookingEngine) =>
  defineCommand({
    allow: "staff",
    subject: "none",
    input: sweepInput,
    run: (cx, batch) => sweepBookings(cx, engine, batch),
  });

/** The input of `dueReminders`, built once: every community shares it (and its compiled parser). */
const dueRemindersInput = z.object({
  leadMinutes: z.number().int().min(1).max(10_080).optional(),
  limit: pageInput.limit,
});

/** `booking.dueReminders`: emits `BookingReminderDue` for bookings starting within the lead. */
export const dueReminders = (engine: BookingEngine) =>
  defineCommand({
    allow: "staff",
    subject: "none",
    input: dueRemindersInput,
    run: (cx, input) => remind(cx, engine, input.leadMinutes, input.limit),
  });
