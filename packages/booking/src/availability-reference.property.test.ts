import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { kindsWith, ruleParser, testResource } from "../test/availability-fixtures";
import { availableSlots } from "./availability";
import { coveredBy, intersectIntervals, normalizeIntervals } from "./interval";
import type { BookingFacts, ResolvedRule } from "./rule-kind";
import { isOnSlotGrid } from "./slot-grid-points";

// The sweep (sorted boundaries in typed arrays, cursors, rules read once per window) against a
// plain reference written straight from the definitions: every minute of the window tried as a
// slot start, each rule asked about each slot, the units in use summed booking by booking at
// every instant where the sum can change.

const MINUTE = 60_000;
const kinds = kindsWith();
const resource = testResource("room", 3);
const rule = ruleParser(kinds, "room");

interface Case {
  readonly timeZone: string;
  readonly rules: ResolvedRule[];
  readonly bookings: BookingFacts[];
  readonly start: number;
  readonly end: number;
  readonly durationMinutes: number;
  readonly quantity: number;
  readonly zoneId: string | null;
}

/** Peak units in use over `[from, to)`: the sum at `from` and at every booking start inside. */
function peak(bookings: readonly BookingFacts[], zoneId: string | null, from: number, to: number): number {
  const blocked = bookings
    .filter((b) => zoneId === null || b.zoneId === zoneId)
    .map((b) => ({
      s: (b.blockStart ?? b.start).getTime(),
      e: (b.blockEnd ?? b.end).getTime(),
      q: b.quantity,
    }));
  const instants = [from, ...blocked.map((b) => b.s).filter((s) => s > from && s < to)];
  let most = 0;
  for (const at of instants) {
    let used = 0;
    for (const b of blocked) if (b.s <= at && b.e > at && b.s < b.e) used += b.q;
    most = Math.max(most, used);
  }
  return most;
}

function reference(c: Case): string[] {
  const duration = c.durationMinutes * MINUTE;
  const now = new Date(c.start);
  let allowed = [{ start: c.start, end: c.end + duration }];
  const window = {
    start: new Date(c.start),
    end: new Date(c.end + duration),
    now,
    timeZone: c.timeZone,
    resource,
    actorKind: "resident" as const,
    residentId: "me",
    groups: [],
  };
  let capacity = resource.capacity;
  let before = 0;
  let after = 0;
  let grid = { granularityMinutes: 15, offsetMinutes: 0 };
  let gridSet = false;
  for (const r of c.rules) {
    const kind = kinds.get(r.kind)!;
    if (kind.allowedIntervals)
      allowed = intersectIntervals(
        allowed,
        normalizeIntervals(kind.allowedIntervals(r.params, { ...window, rule: r })),
      );
    const cap = kind.capacity?.(r.params);
    if (cap !== undefined) capacity = Math.min(capacity, cap);
    const buf = kind.buffer?.(r.params);
    if (buf) {
      before = Math.max(before, buf.beforeMinutes * MINUTE);
      after = Math.max(after, buf.afterMinutes * MINUTE);
    }
    const g = kind.grid?.(r.params);
    if (g && !gridSet) {
      grid = g;
      gridSet = true;
    }
  }
  const out: string[] = [];
  if (c.quantity > capacity) return out;
  for (let t = c.start; t < c.end; t += MINUTE) {
    if (!isOnSlotGrid(t, grid, c.timeZone)) continue;
    const e = t + duration;
    if (!coveredBy(allowed, t, e)) continue;
    const remaining = capacity - peak(c.bookings, c.zoneId, t - before, e + after);
    if (remaining < c.quantity) continue;
    const request = {
      resourceId: resource.id,
      zoneId: c.zoneId,
      start: new Date(t),
      end: new Date(e),
      quantity: c.quantity,
      residentId: "me",
      actorKind: "resident" as const,
      groups: [],
    };
    const refused = c.rules.some((r) => {
      const kind = kinds.get(r.kind)!;
      if (kind.allowedIntervals || kind.capacity || kind.buffer) return false;
      const cx = {
        rule: r,
        request,
        now,
        timeZone: c.timeZone,
        resource,
        snapshot: { resourceBookings: [], residentBookings: [], facts: {} },
        capacity,
        buffer: { beforeMs: before, afterMs: after },
      };
      return kind.evaluate(r.params, cx).length > 0;
    });
    if (!refused) out.push(`${new Date(t).toISOString()}/${remaining}`);
  }
  return out;
}

const ZONES = ["UTC", "Asia/Shanghai", "Europe/London", "America/New_York", "Australia/Lord_Howe"];
// Days around DST changes (London and New York in March, Lord Howe in April) and an ordinary one.
const DAYS = ["2026-03-08T00:00:00Z", "2026-03-29T00:00:00Z", "2026-04-05T00:00:00Z", "2026-07-06T00:00:00Z"];

const arbCase: fc.Arbitrary<Case> = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    day: fc.constantFrom(...DAYS),
    startHour: fc.integer({ min: -6, max: 20 }),
    hours: fc.integer({ min: 1, max: 30 }),
    open: fc.option(
      fc.record({ from: fc.integer({ min: 0, max: 23 }), to: fc.integer({ min: 0, max: 23 }) }),
    ),
    grid: fc.option(
      fc.record({ g: fc.constantFrom(10, 15, 30, 45, 60), o: fc.integer({ min: 0, max: 59 }) }),
    ),
    durationSteps: fc.integer({ min: 1, max: 4 }),
    buffers: fc.option(fc.record({ b: fc.integer({ min: 0, max: 30 }), a: fc.integer({ min: 0, max: 30 }) })),
    cap: fc.option(fc.integer({ min: 1, max: 3 })),
    length: fc.option(
      fc.record({ min: fc.integer({ min: 10, max: 60 }), max: fc.integer({ min: 30, max: 180 }) }),
    ),
    quantity: fc.integer({ min: 1, max: 2 }),
    zoned: fc.boolean(),
    bookings: fc.array(
      fc.record({
        at: fc.integer({ min: -12 * 60, max: 40 * 60 }),
        len: fc.integer({ min: 0, max: 240 }),
        pad: fc.integer({ min: 0, max: 20 }),
        q: fc.integer({ min: 1, max: 3 }),
        zone: fc.constantFrom("a", "b"),
      }),
      { maxLength: 30 },
    ),
  })
  .map((r): Case => {
    const day = Date.parse(r.day);
    const start = day + r.startHour * 60 * MINUTE;
    const granularity = r.grid?.g ?? 15;
    const rules: ResolvedRule[] = [];
    if (r.open) {
      const hhmm = (h: number) => `${String(h).padStart(2, "0")}:00`;
      const range = [{ from: hhmm(r.open.from), to: hhmm(r.open.to) }];
      rules.push(
        rule("hours", "opening-hours", {
          weekly: Object.fromEntries(
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, range]),
          ),
        }),
      );
    }
    if (r.grid)
      rules.push(rule("grid", "slot-grid", { granularityMinutes: r.grid.g, offsetMinutes: r.grid.o }));
    if (r.buffers)
      rules.push(rule("buffers", "buffers", { beforeMinutes: r.buffers.b, afterMinutes: r.buffers.a }));
    if (r.cap) rules.push(rule("cap", "capacity", { maxPerSlot: r.cap }));
    if (r.length)
      rules.push(rule("length", "duration", { minMinutes: r.length.min, maxMinutes: r.length.max }));
    const bookings = r.bookings.map((b, i): BookingFacts => {
      const s = day + b.at * MINUTE;
      return {
        id: `b${i}`,
        resourceId: "room",
        zoneId: b.zone,
        residentId: "other",
        start: new Date(s),
        end: new Date(s + b.len * MINUTE),
        blockStart: new Date(s - b.pad * MINUTE),
        blockEnd: new Date(s + (b.len + b.pad) * MINUTE),
        quantity: b.q,
        status: "confirmed",
      };
    });
    return {
      timeZone: r.zone,
      rules,
      bookings,
      start,
      end: start + r.hours * 60 * MINUTE,
      durationMinutes: granularity * r.durationSteps,
      quantity: r.quantity,
      zoneId: r.zoned ? "a" : null,
    };
  });

describe("availableSlots against a plain reference", () => {
  test("property: the same slots and remaining units on random rules, bookings, zones and DST days", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const fast = availableSlots({
          resource,
          zoneId: c.zoneId,
          rules: c.rules,
          kinds,
          timeZone: c.timeZone,
          now: new Date(c.start),
          start: new Date(c.start),
          end: new Date(c.end),
          bookings: c.bookings,
          who: { actorKind: "resident", residentId: "me" },
          durationMinutes: c.durationMinutes,
          quantity: c.quantity,
          defaultGranularityMinutes: 15,
        }).map((s) => `${s.start.toISOString()}/${s.remaining}`);
        expect(fast).toEqual(reference(c));
      }),
      { numRuns: 150, seed: 20261130 },
    );
  });
});
