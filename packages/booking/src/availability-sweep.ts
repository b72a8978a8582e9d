import type { Interval } from "./interval";
import { intersectIntervals, normalizeIntervals } from "./interval";
import { type OccupancyFacts, OccupancyBuffers } from "./occupancy-steps";
import { type Buffer, bufferUnder, capacityUnder, gridUnder } from "./resource-terms";
import type { AvailabilityInput, EpochFreeSlot, FreeSlot } from "./availability";
import type { BookingRequest, ResolvedRule, RuleContext, WindowContext } from "./rule-kind";
import { durationKind } from "./rules/duration";
import { slotGridKind } from "./rules/slot-grid";
import { slotGridStarts } from "./slot-grid-points";

/**
 * The availability sweep behind `availableSlots` and `booking.availability`, without the
 * input check: the pure function checks its caller's input with zod first; the query has
 * checked its own input and builds this one from the config and from storage. The bookings
 * need only what the occupancy reads ({@link OccupancyFacts}), so the query reads four
 * columns of them, not the eleven of `BookingFacts`.
 *
 * @module
 */

/** What the sweep needs: an availability input whose bookings carry only their occupancy. */
export type SweepInput = Omit<AvailabilityInput, "bookings" | "slotInstants"> & {
  readonly bookings: readonly OccupancyFacts[];
};

/**
 * A `slot-grid` rule's points in the window, asked about by slots in ascending order: two
 * cursors (slot starts and slot ends) that only move forward.
 */
class GridCursor {
  private i = 0;
  private j = 0;
  constructor(private readonly points: readonly number[]) {}

  /** True when both `start` and `end` are points; calls must not decrease either. */
  has(start: number, end: number): boolean {
    const points = this.points;
    let i = this.i;
    let j = this.j;
    while (i < points.length && points[i]! < start) i++;
    while (j < points.length && points[j]! < end) j++;
    this.i = i;
    this.j = j;
    return points[i] === start && points[j] === end;
  }
}

/** The request for the slot `[t, e)` (epoch ms). No closure per call: these are module functions. */
function requestAt(request: Omit<BookingRequest, "start" | "end">, t: number, e: number): BookingRequest {
  return {
    resourceId: request.resourceId,
    zoneId: request.zoneId,
    start: new Date(t),
    end: new Date(e),
    quantity: request.quantity,
    residentId: request.residentId,
    actorKind: request.actorKind,
    groups: request.groups,
  };
}

/** What a per-slot rule's `evaluate` receives. */
function contextOf(
  scene: Omit<RuleContext, "rule" | "request">,
  rule: ResolvedRule,
  request: BookingRequest,
): RuleContext {
  return {
    rule,
    request,
    now: scene.now,
    timeZone: scene.timeZone,
    resource: scene.resource,
    snapshot: scene.snapshot,
    capacity: scene.capacity,
    buffer: scene.buffer,
  };
}

/** What an `allowedIntervals` receives: the window and the rule (one literal, not a spread). */
function windowContext(window: Omit<WindowContext, "rule">, rule: ResolvedRule): WindowContext {
  return {
    start: window.start,
    end: window.end,
    now: window.now,
    timeZone: window.timeZone,
    resource: window.resource,
    actorKind: window.actorKind,
    residentId: window.residentId,
    groups: window.groups,
    rule,
  };
}

/** The request of a slot, but for its instants. */
function requestOf(input: SweepInput, quantity: number): Omit<BookingRequest, "start" | "end"> {
  return {
    resourceId: input.resource.id,
    zoneId: input.zoneId ?? null,
    quantity,
    residentId: input.who.residentId ?? null,
    actorKind: input.who.actorKind,
    groups: input.who.groups ?? [],
  };
}

/** What every per-slot rule's context shares. */
function sceneOf(input: SweepInput, capacity: number, buffer: Buffer): Omit<RuleContext, "rule" | "request"> {
  return {
    now: input.now,
    timeZone: input.timeZone,
    resource: input.resource,
    snapshot: {
      resourceBookings: [],
      residentBookings: input.residentBookings ?? [],
      facts: input.facts ?? {},
    },
    capacity,
    buffer,
  };
}

const sharedBuffers = new OccupancyBuffers();
let sharedBuffersBusy = false;

/**
 * The free slots of the input (see `availableSlots`, which documents the method), their
 * instants as `Date`s or, with `epochMs`, as epoch milliseconds. The input is not checked.
 */
export function sweepSlots(input: SweepInput, epochMs: false): FreeSlot[];
export function sweepSlots(input: SweepInput, epochMs: boolean): (FreeSlot | EpochFreeSlot)[];
export function sweepSlots(input: SweepInput, epochMs: boolean): (FreeSlot | EpochFreeSlot)[] {
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

  // Built when a rule asks for them: the window for allowed intervals, the request and the
  // scene for per-slot rules (most configurations have none, and pay for none).
  let allowed: Interval[] | undefined;
  let perSlot: ResolvedRule[] | undefined;
  // `slot-grid` rules are read off their grid points, listed once for the window: a slot is
  // refused exactly when its start or end is not one (what the rule's `evaluate` decides,
  // without a local-time conversion per slot).
  let grids: GridCursor[] | undefined;
  let starts: readonly number[] | undefined;
  let window: Omit<WindowContext, "rule"> | undefined;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r]!;
    const kind = kinds.get(rule.kind);
    if (!kind) continue;
    if (kind.allowedIntervals) {
      window ??= {
        start: new Date(from),
        end: new Date(to + duration),
        now,
        timeZone,
        resource,
        actorKind: input.who.actorKind,
        residentId: input.who.residentId ?? null,
        groups: input.who.groups ?? [],
      };
      const own = normalizeIntervals(kind.allowedIntervals(rule.params, windowContext(window, rule)));
      allowed = intersectIntervals(allowed ?? [{ start: from, end: to + duration }], own);
    } else if (kind === slotGridKind && kind.grid) {
      const own = kind.grid(rule.params);
      const points = slotGridStarts(from, to + duration + 1, own, timeZone);
      // The rule that gives the slot grid gives the slot starts too (those before `to`).
      if (own.granularityMinutes === grid.granularityMinutes && own.offsetMinutes === grid.offsetMinutes)
        starts ??= points;
      grids ??= [];
      grids.push(new GridCursor(points));
    } else if (kind === durationKind) {
      // The built-in `duration` reads only the length, the same for every slot: asked once.
      const cx = contextOf(
        sceneOf(input, capacity, buffer),
        rule,
        requestAt(requestOf(input, quantity), from, from + duration),
      );
      if (kind.evaluate(rule.params, cx).length > 0) return [];
    } else if (!kind.capacity && !kind.buffer) {
      perSlot ??= [];
      perSlot.push(rule);
    }
  }
  allowed ??= [{ start: from, end: to + duration }];
  if (allowed.length === 0) return [];
  const request = perSlot ? requestOf(input, quantity) : undefined;
  const scene = perSlot ? sceneOf(input, capacity, buffer) : undefined;

  // One set of buffers serves every call; a call made while they are in use (a plugin rule
  // asking for availability from inside `evaluate`) gets its own.
  const shared = !sharedBuffersBusy;
  const buffers = shared ? sharedBuffers : new OccupancyBuffers();
  if (shared) sharedBuffersBusy = true;
  try {
    // Every booking that can meet a slot widened by the buffers: `[t - before, t + duration +
    // after)` for the slot starts `t` in `[from, to)`.
    const { times, levels, size } = buffers.occupancySteps(
      input.bookings,
      zoneId,
      from - buffer.beforeMs,
      to + duration + buffer.afterMs,
    );
    const { beforeMs, afterMs } = buffer;
    const out: (FreeSlot | EpochFreeSlot)[] = [];
    let a = 0; // the allowed interval holding the slot start (slots ascend)
    let h = 0; // the step holding the slot's blocked start
    starts ??= slotGridStarts(from, to, grid, timeZone);
    for (let i = 0; i < starts.length; i++) {
      const t = starts[i]!;
      if (t >= to) break;
      const e = t + duration;
      while (a + 1 < allowed.length && allowed[a + 1]!.start <= t) a++;
      const open = allowed[a]!;
      if (open.start > t || open.end < e) continue;
      if (grids) {
        let onGrid = true;
        for (let g = 0; g < grids.length && onGrid; g++) onGrid = grids[g]!.has(t, e);
        if (!onGrid) continue;
      }
      // The peak of the step function over the slot widened by the buffers.
      const lo = t - beforeMs;
      const hi = e + afterMs;
      while (h + 1 < size && times[h + 1]! <= lo) h++;
      while (h > 0 && times[h]! > lo) h--;
      let peak = levels[h]!;
      for (let j = h + 1; j < size && times[j]! < hi; j++) if (levels[j]! > peak) peak = levels[j]!;
      const remaining = capacity - peak;
      if (remaining < quantity) continue;
      if (perSlot) {
        const slot = requestAt(request!, t, e);
        let refused = false;
        for (let r = 0; r < perSlot.length && !refused; r++) {
          const rule = perSlot[r]!;
          refused = kinds.get(rule.kind)!.evaluate(rule.params, contextOf(scene!, rule, slot)).length > 0;
        }
        if (refused) continue;
      }
      out.push(
        epochMs ? { start: t, end: e, remaining } : { start: new Date(t), end: new Date(e), remaining },
      );
    }
    return out;
  } finally {
    if (shared) sharedBuffersBusy = false;
  }
}
