import type { CommandContext } from "@linli/core";
import { emitBookingEvent } from "./booking-events";
import { bookingEvents } from "./events";
import type { BookingEngine } from "./booking-engine";
import { completeBooking, loadBooking, recordNoShow } from "./booking-lifecycle";
import { bookingModel, waitlistEntryModel } from "./booking-models";
import { lockKeys } from "./place-booking";
import { closeEntry } from "./waitlist";

/** What one sweep did. */
export interface SweepReport {
  /** Waitlist offers that expired (and were passed on). */
  readonly offersExpired: number;
  /** Bookings released because nobody checked in. */
  readonly released: number;
  /** Bookings recorded as no-shows when their check-in window closed. */
  readonly noShows: number;
  /** Checked-in bookings whose end passed. */
  readonly completed: number;
}

/**
 * The time-driven part of the lifecycle, run by a scheduler (`booking.sweep`, system actor):
 * expire waitlist offers and pass them on; release (or record as no-show) confirmed bookings
 * whose check-in window closed without a check-in; complete checked-in bookings that ended.
 */
export async function sweepBookings(cx: CommandContext, engine: BookingEngine): Promise<SweepReport> {
  let offersExpired = 0;
  let released = 0;
  let noShows = 0;
  let completed = 0;
  const offers = await cx.tx.findMany(waitlistEntryModel, {
    where: [
      { field: "status", value: "offered" },
      { field: "offerExpiresAt", op: "lte", value: cx.now },
    ],
    orderBy: [{ field: "position" }],
  });
  for (const found of offers) {
    await cx.tx.lock(lockKeys.resource(found.resourceId));
    const entry = await cx.tx.get(waitlistEntryModel, found.id);
    if (entry.status !== "offered") continue;
    await closeEntry(cx, engine, entry, "expired");
    offersExpired++;
  }
  const started = await cx.tx.findMany(bookingModel, {
    where: [
      { field: "status", value: "confirmed" },
      { field: "start", op: "lte", value: cx.now },
    ],
    orderBy: [{ field: "start" }],
  });
  for (const found of started) {
    const terms = engine.rules.checkInTerms(found);
    if (!terms || terms.onMissed === "keep" || terms.closesAt.getTime() > cx.now.getTime()) continue;
    const booking = await loadBooking(cx, found.id);
    if (booking.status !== "confirmed") continue;
    await recordNoShow(cx, engine, booking, terms.onMissed === "release" ? "released" : "no-show");
    if (terms.onMissed === "release") released++;
    else noShows++;
  }
  const ended = await cx.tx.findMany(bookingModel, {
    where: [
      { field: "status", value: "checked-in" },
      { field: "end", op: "lte", value: cx.now },
    ],
  });
  for (const found of ended) {
    const booking = await loadBooking(cx, found.id);
    if (booking.status !== "checked-in") continue;
    await completeBooking(cx, booking);
    completed++;
  }
  return { offersExpired, released, noShows, completed };
}

/**
 * Emits `BookingReminderDue` once for each confirmed booking starting within the lead
 * (`reminderLeadMinutes`), and marks it reminded. Returns the bookings reminded.
 */
export async function dueReminders(
  cx: CommandContext,
  engine: BookingEngine,
  leadMinutes = engine.options.reminderLeadMinutes,
): Promise<string[]> {
  const due = await cx.tx.findMany(bookingModel, {
    where: [
      { field: "status", value: "confirmed" },
      { field: "remindedAt", value: null },
      { field: "start", op: "gt", value: cx.now },
      { field: "start", op: "lte", value: new Date(cx.now.getTime() + leadMinutes * 60_000) },
    ],
    orderBy: [{ field: "start" }],
  });
  for (const booking of due) {
    const updated = await cx.tx.updateById(bookingModel, booking.id, { remindedAt: cx.now });
    await emitBookingEvent(cx, bookingEvents.BookingReminderDue, updated, { leadMinutes });
  }
  return due.map((b) => b.id);
}
