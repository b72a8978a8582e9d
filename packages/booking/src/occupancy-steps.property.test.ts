import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OccupancyBuffers } from "./occupancy-steps";
import type { BookingFacts } from "./rule-kind";

const MINUTE = 60_000;
const FROM = 0;
const TO = 600 * MINUTE;

interface Spec {
  readonly start: number;
  readonly length: number;
  readonly quantity: number;
  readonly zone: "a" | "b";
}

function facts(specs: readonly Spec[], unit = MINUTE): BookingFacts[] {
  return specs.map((s, i) => ({
    id: `b${i}`,
    resourceId: "room",
    zoneId: s.zone,
    residentId: null,
    start: new Date(s.start * unit),
    end: new Date((s.start + s.length) * unit),
    quantity: s.quantity,
    status: "confirmed",
  }));
}

/** The steps by definition: every distinct boundary of the bookings kept, and the units in use from it. */
function reference(bookings: readonly BookingFacts[], zoneId: string | null, from: number, to: number) {
  const kept = bookings.filter(
    (b) => (zoneId === null || b.zoneId === zoneId) && b.end.getTime() > from && b.start.getTime() < to,
  );
  const times = [...new Set(kept.flatMap((b) => [b.start.getTime(), b.end.getTime()]))].sort((x, y) => x - y);
  const levels = times.map((t) =>
    kept.reduce((sum, b) => sum + (b.start.getTime() <= t && b.end.getTime() > t ? b.quantity : 0), 0),
  );
  return { times: [Number.NEGATIVE_INFINITY, ...times], levels: [0, ...levels] };
}

/** Expects the buffers' steps of the bookings over `[from, to)` to be the reference's. */
function expectReferenceSteps(
  buffers: OccupancyBuffers,
  bookings: readonly BookingFacts[],
  zoneId: string | null,
  from = FROM,
  to = TO,
): void {
  const steps = buffers.occupancySteps(bookings, zoneId, from, to);
  const expected = reference(bookings, zoneId, from, to);
  expect(Array.from(steps.times.subarray(0, steps.size))).toEqual(expected.times);
  expect(Array.from(steps.levels.subarray(0, steps.size))).toEqual(expected.levels);
}

const spec = fc.record({
  start: fc.integer({ min: -60, max: 660 }),
  length: fc.integer({ min: 1, max: 120 }),
  quantity: fc.integer({ min: 1, max: 4 }),
  zone: fc.constantFrom("a" as const, "b" as const),
});

describe("occupancySteps", () => {
  it("gives the step function of the bookings, in any order, short or long, ordered or not", () => {
    const buffers = new OccupancyBuffers();
    fc.assert(
      fc.property(
        fc.array(spec, { maxLength: 400 }),
        fc.constantFrom("as given", "by start", "by start, reversed"),
        fc.constantFrom(null, "a"),
        fc.boolean(),
        (given, order, zoneId, sameUnits) => {
          // Every booking holding the same units (2) takes the path that orders the ends alone.
          const specs = sameUnits ? given.map((s) => ({ ...s, quantity: 2 })) : given;
          const ordered =
            order === "as given"
              ? specs
              : [...specs].sort((x, y) => (order === "by start" ? x.start - y.start : y.start - x.start));
          const bookings = facts(ordered);
          expectReferenceSteps(buffers, bookings, zoneId);
        },
      ),
      { numRuns: 300, seed: 20261130 },
    );
  });

  it("gives the same steps for lists nearly in order: a few bookings out of place, near or far", () => {
    // At most one booking in eight out of place keeps the starts' in-place insertion sort
    // (not the packed keys); moved far in long lists, it passes its budget and gives up.
    const buffers = new OccupancyBuffers();
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 16, maxLength: 400 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 50 }),
        fc.constantFrom(null, "a"),
        fc.boolean(),
        (given, moves, zoneId, sameUnits) => {
          const specs = (sameUnits ? given.map((s) => ({ ...s, quantity: 2 })) : given)
            .slice()
            .sort((x, y) => x.start - y.start);
          for (const [from, to] of moves.slice(0, Math.floor(specs.length / 16))) {
            const [moved] = specs.splice(from % specs.length, 1);
            specs.splice(to % specs.length, 0, moved!);
          }
          const bookings = facts(specs);
          expectReferenceSteps(buffers, bookings, zoneId);
        },
      ),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it("gives the same steps for bookings nested inside each other, whose ends come in reverse", () => {
    // Ordering the starts leaves the ends reversed: past the ends' budget for 300 bookings,
    // with the same units (the ends ordered alone) and with different ones.
    for (const quantity of [() => 1, (i: number) => 1 + (i % 3)]) {
      const specs: Spec[] = Array.from({ length: 300 }, (_, i) => ({
        start: i,
        length: 2 * (300 - i) + 1,
        quantity: quantity(i),
        zone: "a",
      }));
      for (const order of [specs, [...specs].reverse()]) {
        const bookings = facts(order);
        expectReferenceSteps(new OccupancyBuffers(), bookings, null);
      }
    }
  });

  it("gives the same steps when the starts lie too far apart to pack with their index", () => {
    // 10^11 ms (about three years) a unit: 720 units times a shift of 512 pass 2^53, so the
    // starts are ordered in place, not as packed keys.
    const unit = 1e11;
    const buffers = new OccupancyBuffers();
    fc.assert(
      fc.property(
        fc.array(spec, { minLength: 300, maxLength: 400 }),
        fc.constantFrom(null, "a"),
        (specs, zoneId) => {
          const bookings = facts(specs, unit);
          expectReferenceSteps(buffers, bookings, zoneId, FROM, (TO / MINUTE) * unit);
        },
      ),
      { numRuns: 30, seed: 20261201 },
    );
  });
});
