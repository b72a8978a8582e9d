import type { ActorKind, Resource } from "@linli/core";
import { coveredBy, type Interval, intersectIntervals, normalizeIntervals } from "./interval";
import { bufferUnder, capacityUnder, gridUnder } from "./resource-terms";
import type { RuleKinds } from "./rule-book";
import type { BookingFacts, BookingRequest, ResolvedRule, RuleContext, WindowContext } from "./rule-kind";
import { slotGridKind } from "./rules/slot-grid";
import { slotGridStarts } from "./slot-grid-points";
import { checkAvailabilityInput } from "./pure-input";
import type { RuleFacts } from "./rule-facts";

/** What {@link availableSlots} needs. */
export interface AvailabilityInput {
  readonly resource: Resource;
  /** A zone of the resource, when booking a zone. */
  readonly zoneId?: string | null;
  /** The rules that apply to the resource. */
  readonly rules: readonly ResolvedRule[];
  readonly kinds: RuleKinds;
  readonly timeZone: string;
  readonly now: Date;
  /** The window asked about. */
  readonly start: Date;
  readonly end: Date;
  /** Bookings holding capacity on the resource (any range; those outside the window are ignored). */
  readonly bookings: readonly BookingFacts[];
  /** Who would book: actor kind, resident and their groups (for eligibility, quotas, seasons). */
  readonly who: {
    readonly actorKind: ActorKind;
    readonly residentId?: string | null;
    readonly groups?: readonly string[];
  };
  /** The resident's own bookings, for quotas, caps and suspensions. @default [] */
  readonly residentBookings?: readonly BookingFacts[];
  /** Facts the rules read (`RuleSnapshot.facts`), loaded for the whole window. @default {} */
  readonly facts?: RuleFacts;
  /** Slot length. @default the grid's granularity */
  readonly durationMinutes?: number;
  /** Units wanted. @default 1 */
  readonly quantity?: number;
  /** Units before capacity rules (a zone's capacity). @default the resource's capacity */
  readonly physicalCapacity?: number;
  /** Grid step when no `slot-grid` rule applies. @default 15 */
  readonly defaultGranularityMinutes?: number;
}

/** A bookable slot and the units still free in it. */
export interface FreeSlot {
  readonly start: Date;
  readonly end: Date;
  /** Units still free over the whole slot (capacity minus the peak in use). */
  readonly remaining: number;
}

/** The occupancy of a resource as a step function: `levels[i]` holds on `[times[i], times[i+1])`. */
interface Steps {
  readonly times: number[];
  readonly levels: number[];
}

function occupancy(
  bookings: readonly BookingFacts[],
  zoneId: string | null,
  from: number,
  to: number,
): Steps {
  const points: Array<[number, number]> = [];
  for (const b of bookings) {
    if (zoneId !== null && b.zoneId !== zoneId) continue;
    const s = (b.blockStart ?? b.start).getTime();
    const e = (b.blockEnd ?? b.end).getTime();
    if (e <= from || s >= to) continue;
    points.push([s, b.quantity], [e, -b.quantity]);
  }
  points.sort((a, b) => a[0] - b[0]);
  const times: number[] = [Number.NEGATIVE_INFINITY];
  const levels: number[] = [0];
  let level = 0;
  for (let i = 0; i < points.length; ) {
    const t = points[i]![0];
    while (i < points.length && points[i]![0] === t) level += points[i++]![1];
    times.push(t);
    levels.push(level);
  }
  return { times, levels };
}

/** Peak of the step function over `[from, to)`, starting the search at `hint` (returned advanced). */
function peakOver(steps: Steps, from: number, to: number, hint: { i: number }): number {
  const { times, levels } = steps;
  // Slots come in increasing order: move the hint forward to the step containing `from`.
  while (hint.i + 1 < times.length && times[hint.i + 1]! <= from) hint.i++;
  while (hint.i > 0 && times[hint.i]! > from) hint.i--;
  let peak = levels[hint.i]!;
  for (let j = hint.i + 1; j < times.length && times[j]! < to; j++) if (levels[j]! > peak) peak = levels[j]!;
  return peak;
}

/** Ascending instants, asked about in ascending order (two cursors: slot starts and ends). */
interface SortedPoints {
  /** True when both `start` and `end` are points; calls must not decrease either. */
  has(start: number, end: number): boolean;
}

function sortedPoints(points: readonly number[]): SortedPoints {
  let i = 0;
  let j = 0;
  return {
    has(start, end) {
      while (i < points.length && points[i]! < start) i++;
      while (j < points.length && points[j]! < end) j++;
      return points[i] === start && points[j] === end;
    },
  };
}

/**
 * The free slots of one resource (or zone) in a window, honouring every rule for the given
 * resident, with the units still free in each. Pure.
 *
 * It works by interval sweep, not per-slot queries: the time rules (opening hours, closures,
 * seasons, booking window) each give their allowed intervals, which are intersected once;
 * existing bookings (with their buffers) become one occupancy step function; slots starting
 * on the slot grid (local wall times, see {@link slotGridStarts}: none in a skipped hour, twice
 * in a repeated one) are then read off both in one pass. Rule kinds without allowed intervals (quotas,
 * eligibility, suspensions, and any kind a plugin adds) are asked per slot by their pure
 * `evaluate`, so availability never offers what booking would refuse.
 */
export function availableSlots(input: AvailabilityInput): FreeSlot[] {
  checkAvailabilityInput(input);
  const { resource, rules, kinds, timeZone, now } = input;
  const zoneId = input.zoneId ?? null;
  const capacity = capacityUnder(rules, kinds, input.physicalCapacity ?? resource.capacity);
  const buffer = bufferUnder(rules, kinds);
  const grid = gridUnder(rules, kinds, input.defaultGranularityMinutes ?? 15);
  const quantity = input.quantity ?? 1;
  const duration = (input.durationMinutes ?? grid.granularityMinutes) * 60_000;
  const from = Math.max(input.start.getTime(), now.getTime());
  const to = input.end.getTime();
  if (from >= to || quantity > capacity) return [];

  let allowed: Interval[] = [{ start: from, end: to + duration }];
  const perSlot: ResolvedRule[] = [];
  // `slot-grid` rules are read off their grid points, listed once for the window: a slot is
  // refused exactly when its start or end is not one (what the rule's `evaluate` decides,
  // without a local-time conversion per slot).
  const gridPoints: SortedPoints[] = [];
  const window: Omit<WindowContext, "rule"> = {
    start: new Date(from),
    end: new Date(to + duration),
    now,
    timeZone,
    resource,
    actorKind: input.who.actorKind,
    residentId: input.who.residentId ?? null,
    groups: input.who.groups ?? [],
  };
  for (const rule of rules) {
    const kind = kinds.get(rule.kind);
    if (!kind) continue;
    if (kind.allowedIntervals) {
      const own = kind.allowedIntervals(rule.params, { ...window, rule });
      allowed = intersectIntervals(allowed, normalizeIntervals(own));
    } else if (kind === slotGridKind && kind.grid) {
      const own = kind.grid(rule.params);
      gridPoints.push(sortedPoints(slotGridStarts(from, to + duration + 1, own, timeZone)));
    } else if (!kind.capacity && !kind.buffer) perSlot.push(rule);
  }
  if (allowed.length === 0) return [];

  const steps = occupancy(
    input.bookings,
    zoneId,
    from - buffer.afterMs - duration,
    to + duration + buffer.beforeMs,
  );
  const hint = { i: 0 };
  const out: FreeSlot[] = [];
  const residentBookings = input.residentBookings ?? [];
  const facts = input.facts ?? {};
  for (const t of slotGridStarts(from, to, grid, timeZone)) {
    const e = t + duration;
    if (!coveredBy(allowed, t, e)) continue;
    if (gridPoints.length > 0 && !gridPoints.every((points) => points.has(t, e))) continue;
    const remaining = capacity - peakOver(steps, t - buffer.beforeMs, e + buffer.afterMs, hint);
    if (remaining < quantity) continue;
    if (perSlot.length > 0) {
      const request: BookingRequest = {
        resourceId: resource.id,
        zoneId,
        start: new Date(t),
        end: new Date(e),
        quantity,
        residentId: input.who.residentId ?? null,
        actorKind: input.who.actorKind,
        groups: input.who.groups ?? [],
      };
      const refused = perSlot.some((rule) => {
        const cx: RuleContext = {
          rule,
          request,
          now,
          timeZone,
          resource,
          snapshot: { resourceBookings: [], residentBookings, facts },
          capacity,
          buffer,
        };
        return kinds.get(rule.kind)!.evaluate(rule.params, cx).length > 0;
      });
      if (refused) continue;
    }
    out.push({ start: new Date(t), end: new Date(e), remaining });
  }
  return out;
}
