import { type CommandContext, isStaffLike, LinliError } from "@linli/core";
import { emitBookingEvent } from "./booking-events";
import { bookingEvents } from "./events";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { type Booking, type BookingStatus, bookingModel } from "./booking-models";
import { errorAt } from "./local-time-label";
import { lockKeys } from "./place-booking";
import { offerFreedCapacity } from "./waitlist";

/**
 * The booking lifecycle after placement: requested → pending approval → confirmed →
 * checked in → completed; or cancelled, rejected, no-show, released. Each transition is a
 * function over the command's context, checked against the current state, writing the new
 * state and its event in the same transaction.
 */

/** Loads a booking under its resource's lock, or `BOOKING_NOT_FOUND`. */
export async function loadBooking(cx: CommandContext, bookingId: string): Promise<Booking> {
  const first = await cx.tx.findById(bookingModel, bookingId);
  if (!first) throw LinliError.from(bookingErrors, "BOOKING_NOT_FOUND", { bookingId });
  await cx.tx.lock(lockKeys.resource(first.resourceId));
  // Read again under the lock: another caller may have moved it meanwhile.
  return cx.tx.get(bookingModel, bookingId);
}

/**
 * Throws unless the actor may act for the booking's resident (staff for resident-less
 * bookings). Someone else's booking answers `BOOKING_NOT_FOUND`, exactly as a booking that
 * does not exist, so a guessed id reveals nothing.
 */
export async function requireBookingAccess(cx: CommandContext, booking: Booking): Promise<void> {
  const visible = booking.residentId ? await cx.mayActFor(booking.residentId) : isStaffLike(cx.actor);
  if (!visible) throw LinliError.from(bookingErrors, "BOOKING_NOT_FOUND", { bookingId: booking.id });
}

function requireStatus(booking: Booking, allowed: readonly BookingStatus[], action: string): void {
  if (!allowed.includes(booking.status)) {
    throw LinliError.from(bookingErrors, "INVALID_TRANSITION", {
      bookingId: booking.id,
      status: booking.status,
      action,
    });
  }
}

/**
 * Judges giving a booking back now by its cancellation rule, the same for every path that
 * gives one back (`cancel`, `reschedule`): returns whether it is late (a late give-back is
 * not refundable), and throws `CANCELLATION_TOO_LATE` when the rule refuses late
 * give-backs by residents. Staff may always give a booking back.
 */
export function judgeCancellation(cx: CommandContext, engine: BookingEngine, booking: Booking): boolean {
  const terms = engine.rules.cancellationTerms(booking);
  const late = terms !== null && cx.now.getTime() >= terms.deadline.getTime();
  if (late && terms.late === "refuse" && !isStaffLike(cx.actor)) {
    throw errorAt(bookingErrors, "CANCELLATION_TOO_LATE", {}, { deadline: terms.deadline }, engine.timeZone);
  }
  return late;
}

/**
 * Cancels a booking. `refundable` is true when it happens before the resource's cancellation
 * deadline (or there is none). A late cancellation by a resident is refused when the rule
 * says so; staff can always cancel. Freed capacity goes to the waitlist.
 */
export async function cancelBooking(
  cx: CommandContext,
  engine: BookingEngine,
  bookingId: string,
  reason: string | null,
): Promise<Booking> {
  const booking = await loadBooking(cx, bookingId);
  await requireBookingAccess(cx, booking);
  // A held waitlist offer is declined with `waitlist.withdraw`, which passes it on.
  requireStatus(booking, ["pending-approval", "confirmed"], "cancelled");
  const late = judgeCancellation(cx, engine, booking);
  const updated = await cx.tx.updateById(bookingModel, booking.id, {
    status: "cancelled",
    cancelledAt: cx.now,
    cancelledBy: cx.actor.id,
    cancelReason: reason,
    refundable: !late,
  });
  await emitBookingEvent(cx, bookingEvents.BookingCancelled, updated, { refundable: !late });
  await offerFreedCapacity(cx, engine, updated.resourceId, updated.start, updated.end);
  return updated;
}

/** Staff approve a booking awaiting approval: it becomes confirmed. */
export async function approveBooking(cx: CommandContext, bookingId: string): Promise<Booking> {
  cx.requireStaff("booking.approve");
  const booking = await loadBooking(cx, bookingId);
  requireStatus(booking, ["pending-approval"], "approved");
  const updated = await cx.tx.updateById(bookingModel, booking.id, {
    status: "confirmed",
    confirmedAt: cx.now,
    decidedBy: cx.actor.id,
  });
  await emitBookingEvent(cx, bookingEvents.BookingConfirmed, updated, {});
  return updated;
}

/** Staff reject a booking awaiting approval; its place goes to the waitlist. */
export async function rejectBooking(
  cx: CommandContext,
  engine: BookingEngine,
  bookingId: string,
  reason: string | null,
): Promise<Booking> {
  cx.requireStaff("booking.reject");
  const booking = await loadBooking(cx, bookingId);
  requireStatus(booking, ["pending-approval"], "rejected");
  const updated = await cx.tx.updateById(bookingModel, booking.id, {
    status: "rejected",
    decidedBy: cx.actor.id,
    cancelReason: reason,
  });
  await emitBookingEvent(cx, bookingEvents.BookingRejected, updated, { reason });
  await offerFreedCapacity(cx, engine, updated.resourceId, updated.start, updated.end);
  return updated;
}

/** The check-in window of a booking: its rule's, else from 15 minutes before the start to the end. */
export function checkInWindow(engine: BookingEngine, booking: Booking): { opensAt: Date; closesAt: Date } {
  const terms = engine.rules.checkInTerms(booking);
  if (terms) return terms;
  return { opensAt: new Date(booking.start.getTime() - 15 * 60_000), closesAt: booking.end };
}

/** Checks a resident in within the check-in window. */
export async function checkInBooking(
  cx: CommandContext,
  engine: BookingEngine,
  bookingId: string,
): Promise<Booking> {
  const booking = await loadBooking(cx, bookingId);
  await requireBookingAccess(cx, booking);
  requireStatus(booking, ["confirmed"], "checked in");
  const window = checkInWindow(engine, booking);
  const t = cx.now.getTime();
  if (t < window.opensAt.getTime() || t >= window.closesAt.getTime()) {
    throw errorAt(
      bookingErrors,
      "CHECK_IN_CLOSED",
      {},
      { opensAt: window.opensAt, closesAt: window.closesAt },
      engine.timeZone,
    );
  }
  const updated = await cx.tx.updateById(bookingModel, booking.id, {
    status: "checked-in",
    checkedInAt: cx.now,
  });
  await emitBookingEvent(cx, bookingEvents.BookingCheckedIn, updated, {});
  return updated;
}

/** Marks a checked-in booking as completed. */
export async function completeBooking(cx: CommandContext, booking: Booking): Promise<Booking> {
  requireStatus(booking, ["checked-in"], "completed");
  const updated = await cx.tx.updateById(bookingModel, booking.id, {
    status: "completed",
    completedAt: cx.now,
  });
  await emitBookingEvent(cx, bookingEvents.BookingCompleted, updated, {});
  return updated;
}

/**
 * Records that the resident did not come (`no-show`), or releases the booking (`released`,
 * also counted as a no-show) when its check-in window closed. Frees the rest of the slot for
 * the waitlist. Emits `NoShowRecorded` (and `BookingReleased` for a release).
 */
export async function recordNoShow(
  cx: CommandContext,
  engine: BookingEngine,
  booking: Booking,
  as: "no-show" | "released",
): Promise<Booking> {
  requireStatus(booking, ["confirmed"], as === "released" ? "released" : "recorded as a no-show");
  if (cx.now.getTime() < booking.start.getTime()) {
    throw LinliError.from(bookingErrors, "INVALID_TRANSITION", {
      bookingId: booking.id,
      status: "not started",
      action: "recorded as a no-show",
    });
  }
  const updated = await cx.tx.updateById(bookingModel, booking.id, {
    status: as,
    noShowAt: cx.now,
    ...(as === "released" ? { releasedAt: cx.now } : {}),
  });
  if (as === "released") await emitBookingEvent(cx, bookingEvents.BookingReleased, updated, {});
  await emitBookingEvent(cx, bookingEvents.NoShowRecorded, updated, { noShowAt: cx.now.toISOString() });
  if (updated.end.getTime() > cx.now.getTime()) {
    await offerFreedCapacity(cx, engine, updated.resourceId, cx.now, updated.end);
  }
  return updated;
}
