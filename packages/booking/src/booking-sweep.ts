import { type CommandContext, MAX_PAGE_SIZE, readPage } from "@linli/core";
import { emitBookingEvent } from "./booking-events";
import { bookingEvents } from "./events";
import type { BookingEngine } from "./booking-engine";
import { completeBooking, loadBooking, recordNoShow } from "./booking-lifecycle";
import { bookingModel, waitlistEntryModel } from "./booking-models";
import { lockKeys } from "./place-booking";
import { closeEntry } from "./waitlist";

/**
 * Locks the resources of `rows` in the global lock order: each once, by id in code-point
 * order (see `lockKeys`). A command that locks several resources takes them all this way
 * before any resident's lock.
 */
export async function lockResources(
  cx: CommandContext,
  rows: readonly { readonly resourceId: string }[],
): Promise<void> {
  const ids = [...new Set(rows.map((r) => r.resourceId))].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const id of ids) await cx.tx.lock(lockKeys.resource(id));
}

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
  /** Whether the batch was full somewhere: call again (with `after: next`) to go on. */
  readonly more: boolean;
  /** Where the scan of started bookings stopped: give it as `after` to the next call. */
  readonly next: string | undefined;
}

/** One sweep's bounds: at most `limit` rows of each kind, the started bookings after `after`. */
export interface SweepBatch {
  readonly limit: number;
  readonly after?: string | undefined;
}

/**
 * The time-driven part of the lifecycle, run by a scheduler (`booking.sweep`, system actor):
 * expire waitlist offers and pass them on; release (or record as no-show) confirmed bookings
 * whose check-in window closed without a check-in; complete checked-in bookings that ended.
 * In batches: at most `limit` offers, started bookings and ended bookings per call; the
 * report's `more` says to call again, with `after: next` to go on past the started bookings
 * already seen (those kept confirmed stay in that scan).
 */
export async function sweepBookings(
  cx: CommandContext,
  engine: BookingEngine,
  batch: SweepBatch,
): Promise<SweepReport> {
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
    limit: batch.limit,
  });
  const started = await readPage(cx.tx, bookingModel, {
    where: [
      { field: "status", value: "confirmed" },
      { field: "start", op: "lte", value: cx.now },
    ],
    order: { field: "start" },
    limit: batch.limit,
    after: batch.after,
  });
  const missed = started.filter((found) => {
    const terms = engine.rules.checkInTerms(found);
    return terms !== null && terms.onMissed !== "keep" && terms.closesAt.getTime() <= cx.now.getTime();
  });
  const ended = await cx.tx.findMany(bookingModel, {
    where: [
      { field: "status", value: "checked-in" },
      { field: "end", op: "lte", value: cx.now },
    ],
    orderBy: [{ field: "end" }, { field: "id" }],
    limit: batch.limit,
  });
  // Every resource of the batch is locked first, in the one global order (resources by id,
  // before any resident): passing on an expired offer locks the next resident in line, and a
  // resource locked after that could close a cycle with a booking for that resident.
  await lockResources(cx, [...offers, ...missed, ...ended]);
  for (const found of offers) {
    const entry = await cx.tx.get(waitlistEntryModel, found.id);
    if (entry.status !== "offered") continue;
    await closeEntry(cx, engine, entry, "expired");
    offersExpired++;
  }
  for (const found of missed) {
    const booking = await loadBooking(cx, found.id);
    if (booking.status !== "confirmed") continue;
    const terms = engine.rules.checkInTerms(booking);
    if (!terms || terms.onMissed === "keep" || terms.closesAt.getTime() > cx.now.getTime()) continue;
    await recordNoShow(cx, engine, booking, terms.onMissed === "release" ? "released" : "no-show");
    if (terms.onMissed === "release") released++;
    else noShows++;
  }
  for (const found of ended) {
    const booking = await loadBooking(cx, found.id);
    if (booking.status !== "checked-in") continue;
    await completeBooking(cx, booking);
    completed++;
  }
  const more = offers.length === batch.limit || started.next !== undefined || ended.length === batch.limit;
  return { offersExpired, released, noShows, completed, more, next: started.next };
}

/**
 * Emits `BookingReminderDue` once for each confirmed booking starting within the lead
 * (`reminderLeadMinutes`), and marks it reminded. Returns the bookings reminded: at most
 * `limit`, the soonest first; when `limit` came back, call again for the rest.
 */
export async function dueReminders(
  cx: CommandContext,
  engine: BookingEngine,
  leadMinutes = engine.options.reminderLeadMinutes,
  limit = MAX_PAGE_SIZE,
): Promise<string[]> {
  const due = await cx.tx.findMany(bookingModel, {
    where: [
      { field: "status", value: "confirmed" },
      { field: "remindedAt", value: null },
      { field: "start", op: "gt", value: cx.now },
      { field: "start", op: "lte", value: new Date(cx.now.getTime() + leadMinutes * 60_000) },
    ],
    orderBy: [{ field: "start" }, { field: "id" }],
    limit,
  });
  for (const booking of due) {
    const updated = await cx.tx.updateById(bookingModel, booking.id, { remindedAt: cx.now });
    await emitBookingEvent(cx, bookingEvents.BookingReminderDue, updated, { leadMinutes });
  }
  return due.map((b) => b.id);
}
