import { type CommandContext, isLinliError, LinliError, type Violation, violation } from "@linli/core";
import type { WhereClause } from "@linli/core";
import { BOOKING_EVENTS, emitBookingEvent } from "./booking-events";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { type Booking, bookingModel, OCCUPYING_STATUSES } from "./booking-models";
import { evaluateBooking } from "./evaluate-booking";
import { bufferUnder } from "./resource-terms";

const DAY_MS = 86_400_000;
/** How far back a resident's bookings are read for quotas and no-show suspensions. */
const RESIDENT_LOOKBACK_MS = 366 * DAY_MS;

/** What to place. */
export interface Placement {
  readonly resourceId: string;
  readonly zoneId?: string | null;
  readonly start: Date;
  readonly end: Date;
  readonly quantity: number;
  /** The resident it is for (null: a staff booking for no resident). */
  readonly residentId: string | null;
  /** Who asked (kept on the booking: on-behalf bookings record both). */
  readonly actorKind: CommandContext["actor"]["kind"];
  readonly actorId: string;
  readonly note?: string | null;
  readonly seriesId?: string | null;
  /** The booking being rescheduled: not counted against the new one. */
  readonly replaces?: Booking;
  /** Place as a waitlist offer (holds capacity until accepted or expired). */
  readonly asOffer?: boolean;
}

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

/** Lock keys, always taken in this order (resident, then resource) so callers never deadlock. */
export const lockKeys = {
  resident: (residentId: string) => `booking:resident:${residentId}`,
  resource: (resourceId: string) => `booking:resource:${resourceId}`,
};

/**
 * Places a booking inside the caller's transaction: takes the resident's and the resource's
 * locks, loads the snapshot, evaluates every rule, and inserts through `tx.reserve` (the
 * storage contract's atomic primitive) so capacity holds under any concurrency. Emits
 * `BookingRequested`, then `BookingConfirmed` when it is confirmed at once. Shared by every
 * command that creates bookings; never calls another command.
 */
export async function placeBooking(
  cx: CommandContext,
  engine: BookingEngine,
  p: Placement,
): Promise<BookingOutcome> {
  const { rules } = engine;
  if (p.end.getTime() <= p.start.getTime()) {
    throw LinliError.from(bookingErrors, "INVALID_INTERVAL", {
      start: p.start.toISOString(),
      end: p.end.toISOString(),
    });
  }
  const resource = rules.resource(p.resourceId);
  const physicalCapacity = rules.physicalCapacity(p.resourceId, p.zoneId);
  const resolved = rules.rulesFor(p.resourceId);
  const buffer = bufferUnder(resolved, rules.kinds);
  const blockStart = new Date(p.start.getTime() - buffer.beforeMs);
  const blockEnd = new Date(p.end.getTime() + buffer.afterMs);

  if (p.residentId) await cx.tx.lock(lockKeys.resident(p.residentId));
  await cx.tx.lock(lockKeys.resource(p.resourceId));

  const excluded: WhereClause[] = p.replaces ? [{ field: "id", op: "ne", value: p.replaces.id }] : [];
  const resourceBookings = await cx.tx.findMany(bookingModel, {
    where: [
      { field: "resourceId", value: p.resourceId },
      { field: "status", op: "in", value: [...OCCUPYING_STATUSES] },
      // Every block that could touch the new one, its buffers included.
      { field: "blockStart", op: "lt", value: new Date(blockEnd.getTime() + buffer.beforeMs) },
      { field: "blockEnd", op: "gt", value: new Date(blockStart.getTime() - buffer.afterMs) },
      ...excluded,
    ],
  });
  const residentBookings = p.residentId
    ? await cx.tx.findMany(bookingModel, {
        where: [
          { field: "residentId", value: p.residentId },
          {
            field: "start",
            op: "gte",
            value: new Date(Math.min(cx.now.getTime(), p.start.getTime()) - RESIDENT_LOOKBACK_MS),
          },
          ...excluded,
        ],
      })
    : [];
  const groups = p.residentId ? await cx.groupsOf(p.residentId, p.start) : [];
  const evaluation = evaluateBooking({
    request: {
      resourceId: p.resourceId,
      zoneId: p.zoneId ?? null,
      start: p.start,
      end: p.end,
      quantity: p.quantity,
      residentId: p.residentId,
      actorKind: p.actorKind,
      groups,
    },
    now: cx.now,
    timeZone: engine.timeZone,
    resource,
    rules: resolved,
    kinds: rules.kinds,
    snapshot: { resourceBookings, residentBookings },
    physicalCapacity,
  });
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
        ...(p.zoneId ? [{ field: "zoneId", value: p.zoneId }] : []),
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
  await emitBookingEvent(cx, BOOKING_EVENTS.requested, booking, {
    status,
    actorKind: p.actorKind,
    actorId: p.actorId,
  });
  if (status === "confirmed") await emitBookingEvent(cx, BOOKING_EVENTS.confirmed, booking);
  return { ok: true, booking };
}

function refusal(violations: readonly Violation[]): BookingOutcome {
  return {
    ok: false,
    violations: violations as [Violation, ...Violation[]],
    waitlistable: violations.every((v) => CAPACITY_CODES.has(v.code)),
  };
}
