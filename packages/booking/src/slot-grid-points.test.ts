import { offsetTransitions } from "@linli/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { isOnSlotGrid, slotGridStarts } from "./slot-grid-points";

// slotGridStarts against its definition (every instant of [from, to) on which isOnSlotGrid
// holds, ascending), for windows that start and end anywhere (between minutes, on the grid,
// at local midnight, on the change itself) around the clock changes of zones with whole-,
// half- and quarter-hour offsets east and west of UTC, and isOnSlotGrid's whole-minute rule.
// slot-grid.property.test.ts checks the same grid through availability, whose windows start
// 26 hours from a change; these windows are the ones it does not reach.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const ZONES = [
  "America/Santiago", // changes at local midnight
  "America/Havana",
  "America/New_York",
  "America/St_Johns",
  "America/Nuuk", // changes at 23:00 local
  "Europe/London",
  "Australia/Lord_Howe", // half-hour changes
  "Pacific/Chatham",
  "Antarctica/Troll", // two-hour changes
  "Asia/Kathmandu", // no change, +05:45
  "Pacific/Kiritimati", // no change, +14:00
  "Pacific/Pago_Pago", // no change, -11:00
];

/** Changes of 2026 in each zone (or two fixed instants where it has none). */
const CENTRES = new Map(
  ZONES.map((zone) => {
    const changes = offsetTransitions(Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1), zone).map((c) => c.at);
    return [zone, changes.length > 0 ? changes : [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 13)]];
  }),
);

/** The grid points of `[from, to)` by definition: every whole minute checked. */
function byDefinition(
  from: number,
  to: number,
  grid: { granularityMinutes: number; offsetMinutes: number },
  zone: string,
) {
  const out: number[] = [];
  for (let t = Math.ceil(from / MINUTE) * MINUTE; t < to; t += MINUTE)
    if (isOnSlotGrid(t, grid, zone)) out.push(t);
  return out;
}

const arbCase = fc.record({
  zone: fc.constantFrom(...ZONES),
  centre: fc.nat(3),
  // Where the window starts relative to the change: anywhere within 30 hours, often on a
  // quarter hour (local midnights and grid points), sometimes between minutes.
  fromQuarters: fc.integer({ min: -120, max: 120 }),
  fromMs: fc.oneof(
    fc.constant(0),
    fc.integer({ min: 1, max: 59_999 }),
    fc.integer({ min: -HOUR, max: HOUR }),
  ),
  lengthQuarters: fc.integer({ min: -2, max: 240 }),
  lengthMs: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 59_999 })),
  granularity: fc.oneof(fc.constantFrom(15, 30, 45, 60, 90, 1440), fc.integer({ min: 1, max: 240 })),
  offset: fc.oneof(fc.constantFrom(0, 30, 45), fc.integer({ min: 0, max: 1439 })),
});

describe("slotGridStarts", () => {
  test("is every instant of [from, to) on the grid, ascending, for any window around a change", () => {
    fc.assert(
      fc.property(arbCase, (c) => {
        const centres = CENTRES.get(c.zone)!;
        const centre = centres[c.centre % centres.length]!;
        const from = centre + c.fromQuarters * 15 * MINUTE + c.fromMs;
        const to = from + c.lengthQuarters * 15 * MINUTE + c.lengthMs;
        const grid = { granularityMinutes: c.granularity, offsetMinutes: c.offset };
        expect(slotGridStarts(from, to, grid, c.zone)).toEqual(byDefinition(from, to, grid, c.zone));
      }),
      { seed: 20_261_201, numRuns: 400 },
    );
  });

  test("a fall-back at local midnight repeats the last hour of the date before", () => {
    // Santiago, 2026-04-05: at 00:00 local (-03) the clocks go back to 23:00 (-04) of the 4th,
    // so 23:00 and 23:30 of the 4th are each two instants an hour apart.
    const change = CENTRES.get("America/Santiago")!.find((t) => new Date(t).getUTCMonth() === 3)!;
    const grid = { granularityMinutes: 30, offsetMinutes: 0 };
    const from = change - HOUR;
    const to = change + HOUR;
    const points = slotGridStarts(from, to, grid, "America/Santiago");
    expect(points).toEqual([from, from + 30 * MINUTE, change, change + 30 * MINUTE]);
    expect(points).toEqual(byDefinition(from, to, grid, "America/Santiago"));
  });

  test("a window holding only one repeated point out of order still comes out ascending", () => {
    // London, 2026-10-25: at 01:00Z (02:00 BST) the clocks go back to 01:00 GMT. In
    // [00:30Z, 01:01Z) the grid time 01:00 is met as GMT (01:00Z) before 01:30 as BST (00:30Z).
    const grid = { granularityMinutes: 30, offsetMinutes: 0 };
    const from = Date.UTC(2026, 9, 25, 0, 30);
    const to = Date.UTC(2026, 9, 25, 1, 1);
    expect(slotGridStarts(from, to, grid, "Europe/London")).toEqual([from, Date.UTC(2026, 9, 25, 1)]);
  });

  test("an empty or reversed window has no points", () => {
    const grid = { granularityMinutes: 15, offsetMinutes: 0 };
    const t = Date.UTC(2026, 6, 6, 8);
    expect(slotGridStarts(t, t, grid, "Europe/London")).toEqual([]);
    expect(slotGridStarts(t + HOUR, t, grid, "Europe/London")).toEqual([]);
  });
});

describe("isOnSlotGrid", () => {
  test("only whole minutes are on the grid", () => {
    const grid = { granularityMinutes: 60, offsetMinutes: 0 };
    const eight = Date.UTC(2026, 6, 6, 8);
    expect(isOnSlotGrid(eight, grid, "UTC")).toBe(true);
    expect(isOnSlotGrid(eight + 30_000, grid, "UTC")).toBe(false);
    expect(isOnSlotGrid(eight + 1, grid, "UTC")).toBe(false);
    expect(isOnSlotGrid(Number.NaN, grid, "UTC")).toBe(false);
    expect(isOnSlotGrid(Number.POSITIVE_INFINITY, grid, "UTC")).toBe(false);
  });

  test("the day's first point is the offset, not a step before it", () => {
    const grid = { granularityMinutes: 90, offsetMinutes: 480 };
    const day = Date.UTC(2026, 6, 6);
    expect(isOnSlotGrid(day + 8 * HOUR, grid, "UTC")).toBe(true);
    expect(isOnSlotGrid(day + 6.5 * HOUR, grid, "UTC")).toBe(false);
    expect(isOnSlotGrid(day + 23 * HOUR, grid, "UTC")).toBe(true);
    expect(isOnSlotGrid(day, grid, "UTC")).toBe(false);
  });
});
