import { type CommandContext, isLinliError, type Violation, violation } from "@linli/core";
import { emitBookingEvent } from "./booking-events";
import { bookingEvents } from "./events";
import type { BookingEngine } from "./booking-engine";
import { type Booking, bookingModel, OCCUPYING_STATUSES } from "./booking-models";
import { judgePlacement, lockKeys, type Placement, type PlacementJudgement } from "./judge-placement";

export { lockKeys, type Placement };

/** The result of placing a booking: the booking, or every reason it was refused. */
export type BookingOutcome =
  | { readonly ok: true; readonly booking: Booking }
  | {
      readonly ok: false;
      readonly violations: readonly [Violation, ...Violation[]];
      /** True when the only reasons are capacity: the resident may join the waitlist. */
      readonly waitlistable: boolean;
    };

const CAPACITY_CODES = new Set(["CAPACITY_FULL", "TURNOVER_CONFLICT"]);

/**
 * Places a booking inside the caller's transaction: takes the resource's and the resident's
 * locks, loads the snapshot, evaluates every rule ({@link judgePlacement}), and inserts through `tx.reserve` (the
 * storage contract's atomic primitive) so capacity holds under any concurrency. Emits
 * `BookingRequested`, then `BookingConfirmed` when it is confirmed at once. Shared by every
 * command that creates bookings; never calls another command.
 */
export async function placeBooking(
  cx: CommandContext,
  engine: BookingEngine,
  p: Placement,
): Promise<BookingOutcome> {
  return commitPlacement(cx, p, await judgePlacement(cx, engine, p, { lock: true }));
}

/**
 * The second half of {@link placeBooking}: after the rules were judged under the locks,
 * inserts the booking through `tx.reserve` (refusing if the storage primitive finds the
 * capacity taken) and emits its events; or returns the judgement's refusal.
 */
export async function commitPlacement(
  cx: CommandContext,
  p: Placement,
  judgement: PlacementJudgement,
): Promise<BookingOutcome> {
  const { evaluation, blockStart, blockEnd, excluded } = judgement;
  if (!evaluation.decision.ok) return refusal(evaluation.decision.violations);

  const status = p.asOffer ? "offered" : evaluation.requiresApproval ? "pending-approval" : "confirmed";
  let booking: Booking;
  try {
    booking = await cx.tx.reserve(bookingModel, {
      key: lockKeys.resource(p.resourceId),
      capacity: evaluation.capacity,
      scope: [
        { field: "resourceId", value: p.resourceId },
        { field: "status", op: "in", value: [...OCCUPYING_STATUSES] },
        ...(p.zoneId ? [{ field: "zoneId", value: p.zoneId } as const] : []),
        ...excluded,
      ],
      interval: { startField: "blockStart", endField: "blockEnd", start: blockStart, end: blockEnd },
      quantityField: "quantity",
      quantity: p.quantity,
      data: {
        resourceId: p.resourceId,
        zoneId: p.zoneId ?? null,
        residentId: p.residentId,
        actorKind: p.actorKind,
        actorId: p.actorId,
        start: p.start,
        end: p.end,
        blockStart,
        blockEnd,
        quantity: p.quantity,
        status,
        seriesId: p.seriesId ?? null,
        note: p.note ?? null,
        createdAt: cx.now,
        confirmedAt: status === "confirmed" ? cx.now : null,
        rescheduledFrom: p.replaces?.id ?? null,
        channel: p.channel ?? null,
      },
    });
  } catch (error) {
    // The evaluation ran under the same lock, so this only happens if a rule kind
    // misjudged capacity; the storage primitive still has the last word.
    if (!isLinliError(error, "CAPACITY_EXCEEDED")) throw error;
    return refusal([
      violation(
        "CAPACITY_FULL",
        "capacity",
        { "zh-CN": "该时段已满（容量 {capacity}）", en: "This time is full (capacity {capacity})" },
        { capacity: evaluation.capacity },
      ),
    ]);
  }
  await emitBookingEvent(cx, bookingEvents.BookingRequested, booking, {
    status,
    actorKind: p.actorKind,
    actorId: p.actorId,
    channel: booking.channel,
  });
  if (status === "confirmed") await emitBookingEvent(cx, bookingEvents.BookingConfirmed, booking, {});
  return { ok: true, booking };
}

function refusal(violations: readonly Violation[]): BookingOutcome {
  return {
    ok: false,
    violations: violations as [Violation, ...Violation[]],
    waitlistable: violations.every((v) => CAPACITY_CODES.has(v.code)),
  };
}
