import type { CommandContext, ModelWhere } from "@linli/core";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { type Booking, bookingModel, OCCUPYING_STATUSES } from "./booking-models";
import { type BookingEvaluation, evaluateBooking } from "./evaluate-booking";
import { LinliError } from "@linli/core";
import { bufferUnder } from "./resource-terms";
import { loadRuleFacts } from "./rule-facts";

const DAY_MS = 86_400_000;
/** How far back a resident's bookings are read for quotas and no-show suspensions. */
const RESIDENT_LOOKBACK_MS = 366 * DAY_MS;

/**
 * Lock keys. A placement takes the resource's lock, then the resident's (quotas and caps
 * span resources, so the resident's bookings are serialized too). Every command that holds
 * one resource takes its resident locks after it; only the sweep, which walks several
 * resources, may hold a resident lock while asking for another resource (an adapter with
 * per-key locks and deadlock detection, such as PostgreSQL, then fails one of the two
 * transactions and the caller retries with its idempotency key).
 */
export const lockKeys = {
  resident: (residentId: string) => `booking:resident:${residentId}`,
  resource: (resourceId: string) => `booking:resource:${resourceId}`,
};

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
  /** How the request reached the community, already checked against `booking.channels`. */
  readonly channel?: string | null;
  readonly seriesId?: string | null;
  /** The booking being rescheduled: not counted against the new one. */
  readonly replaces?: Booking;
  /** Place as a waitlist offer (holds capacity until accepted or expired). */
  readonly asOffer?: boolean;
}

/** What {@link judgePlacement} found: the rules' verdict and the interval the booking would occupy. */
export interface PlacementJudgement {
  readonly evaluation: BookingEvaluation;
  /** The occupied interval, buffers included. */
  readonly blockStart: Date;
  readonly blockEnd: Date;
  /** Where clauses leaving out the booking being replaced (reschedule). */
  readonly excluded: readonly ModelWhere<typeof bookingModel>[];
}

/**
 * Loads the snapshot a placement is judged on (bookings around it on the resource, the
 * resident's recent and future bookings, their groups at the start, and the facts other
 * plugins load for the rules that need them) and evaluates every rule. With `lock`, the resource's and the resident's locks are taken first, so the verdict
 * still holds when the booking is inserted in the same transaction.
 */
export async function judgePlacement(
  cx: CommandContext,
  engine: BookingEngine,
  p: Placement,
  options: { lock: boolean },
): Promise<PlacementJudgement> {
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
  if (options.lock) {
    await cx.tx.lock(lockKeys.resource(p.resourceId));
    if (p.residentId) await cx.tx.lock(lockKeys.resident(p.residentId));
  }
  const excluded: ModelWhere<typeof bookingModel>[] = p.replaces
    ? [{ field: "id", op: "ne", value: p.replaces.id }]
    : [];
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
  const since = new Date(Math.min(cx.now.getTime(), p.start.getTime()) - RESIDENT_LOOKBACK_MS);
  const residentBookings = p.residentId
    ? await cx.tx.findMany(bookingModel, {
        where: [
          { field: "residentId", value: p.residentId },
          { field: "start", op: "gte", value: since },
          ...excluded,
        ],
      })
    : [];
  const groups = p.residentId ? await cx.groupsOf(p.residentId, p.start) : [];
  const facts = await loadRuleFacts(cx, resolved, rules.kinds, {
    resourceId: p.resourceId,
    residentId: p.residentId,
    start: p.start,
    end: p.end,
  });
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
    snapshot: { resourceBookings, residentBookings, facts },
    physicalCapacity,
  });
  return { evaluation, blockStart, blockEnd, excluded };
}
