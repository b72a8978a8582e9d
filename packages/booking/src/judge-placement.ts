import type { CommandContext, ModelWhere } from "@linli/core";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import type { Booking, bookingModel } from "./booking-models";
import { occupyingBookings, residentBookingsSince } from "./booking-reads";
import { type BookingEvaluation, evaluateCheckedBooking } from "./evaluate-booking";
import { LinliError } from "@linli/core";
import { bufferUnder } from "./resource-terms";
import { loadRuleFacts } from "./rule-facts";
import type { RuleSnapshot } from "./rule-kind";

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

/** The interval a placement occupies, buffers included, and the buffers themselves. */
export interface PlacementBlock {
  readonly blockStart: Date;
  readonly blockEnd: Date;
  readonly buffer: { readonly beforeMs: number; readonly afterMs: number };
}

/** The occupied interval of a placement on its resource (its buffers around it). */
export function blockOf(engine: BookingEngine, p: Placement): PlacementBlock {
  const buffer = bufferUnder(engine.rules.rulesFor(p.resourceId), engine.rules.kinds);
  return {
    blockStart: new Date(p.start.getTime() - buffer.beforeMs),
    blockEnd: new Date(p.end.getTime() + buffer.afterMs),
    buffer,
  };
}

/**
 * The resource's bookings a placement is judged against: every block that could touch the
 * new one, its buffers included (`blockStart < to` and `blockEnd > from`).
 */
export function resourceWindow(block: PlacementBlock): { readonly from: Date; readonly to: Date } {
  return {
    from: new Date(block.blockStart.getTime() - block.buffer.afterMs),
    to: new Date(block.blockEnd.getTime() + block.buffer.beforeMs),
  };
}

/** The resident's bookings a placement is judged against start at or after this (quotas, no-shows). */
export function residentSince(now: Date, start: Date): Date {
  return new Date(Math.min(now.getTime(), start.getTime()) - RESIDENT_LOOKBACK_MS);
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
  if (p.end.getTime() <= p.start.getTime()) {
    throw LinliError.from(bookingErrors, "INVALID_INTERVAL", {
      start: p.start.toISOString(),
      end: p.end.toISOString(),
    });
  }
  // An unknown resource or zone is refused before any lock is taken.
  engine.rules.physicalCapacity(p.resourceId, p.zoneId);
  const block = blockOf(engine, p);
  if (options.lock) {
    await cx.tx.lock(lockKeys.resource(p.resourceId));
    if (p.residentId) await cx.tx.lock(lockKeys.resident(p.residentId));
  }
  const excluded: ModelWhere<typeof bookingModel>[] = p.replaces
    ? [{ field: "id", op: "ne", value: p.replaces.id }]
    : [];
  const window = resourceWindow(block);
  // Both reads are bounded (the block's window on the end-time index; the resident's
  // lookback) and read only the fields the rules see.
  const resourceBookings = await occupyingBookings(cx, p.resourceId, window.from, window.to, excluded);
  // The resident's lookback is read only when a rule of the resource reads it (`RuleKind.reads`).
  const residentBookings =
    p.residentId && engine.rules.needsResidentBookings(p.resourceId)
      ? await residentBookingsSince(cx, p.residentId, residentSince(cx.now, p.start), excluded)
      : [];
  return judgeOnSnapshot(cx, engine, p, { resourceBookings, residentBookings }, excluded);
}

/**
 * Evaluates every rule for a placement against bookings the caller has already loaded (under
 * the locks, exactly those {@link judgePlacement} would read): the series booking loads
 * them once for all its occurrences. Reads only the resident's groups at the start (when a
 * rule of the resource may read them).
 */
export async function judgeOnSnapshot(
  cx: CommandContext,
  engine: BookingEngine,
  p: Placement,
  snapshot: RuleSnapshot,
  excluded: readonly ModelWhere<typeof bookingModel>[] = [],
): Promise<PlacementJudgement> {
  const { rules } = engine;
  const { blockStart, blockEnd } = blockOf(engine, p);
  // The resident's groups are read only when a rule of the resource may look at them.
  const groups =
    p.residentId && rules.needsGroups(p.resourceId) ? await cx.groupsOf(p.residentId, p.start) : [];
  const facts = await loadRuleFacts(cx, rules.rulesFor(p.resourceId), rules.kinds, {
    resourceId: p.resourceId,
    residentId: p.residentId,
    start: p.start,
    end: p.end,
  });
  const evaluation = evaluateCheckedBooking({
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
    resource: rules.resource(p.resourceId),
    rules: rules.rulesFor(p.resourceId),
    kinds: rules.kinds,
    snapshot: { ...snapshot, facts },
    physicalCapacity: rules.physicalCapacity(p.resourceId, p.zoneId),
  });
  return { evaluation, blockStart, blockEnd, excluded };
}
