import { describe, expect, test } from "vitest";
import { type OccupancyFacts, OccupancyBuffers } from "./occupancy-steps";

// The occupancy reads a booking's blocked range (buffers included) when it has one, and a
// reused OccupancyBuffers forgets what an earlier, longer call left past the current count.

const MINUTE = 60_000;

const steps = (s: { times: Float64Array; levels: Float64Array; size: number }) => ({
  times: Array.from(s.times.subarray(0, s.size)),
  levels: Array.from(s.levels.subarray(0, s.size)),
});

describe("occupancySteps", () => {
  test("a booking with a blocked range occupies that range, not its start and end", () => {
    const buffers = new OccupancyBuffers();
    const booking: OccupancyFacts = {
      zoneId: null,
      quantity: 2,
      start: new Date(60 * MINUTE),
      end: new Date(120 * MINUTE),
      blockStart: new Date(45 * MINUTE),
      blockEnd: new Date(150 * MINUTE),
    };
    expect(steps(buffers.occupancySteps([booking], null, 0, 1000 * MINUTE))).toEqual({
      times: [Number.NEGATIVE_INFINITY, 45 * MINUTE, 150 * MINUTE],
      levels: [0, 2, 0],
    });
    // A stored booking read with only its blocked range.
    const stored: OccupancyFacts = {
      zoneId: "east",
      quantity: 1,
      blockStart: new Date(10 * MINUTE),
      blockEnd: new Date(20 * MINUTE),
    };
    expect(steps(buffers.occupancySteps([stored], "east", 0, 1000 * MINUTE))).toEqual({
      times: [Number.NEGATIVE_INFINITY, 10 * MINUTE, 20 * MINUTE],
      levels: [0, 1, 0],
    });
    // Its blocked range, not its start and end, decides whether it meets [from, to).
    expect(steps(buffers.occupancySteps([booking], null, 120 * MINUTE, 140 * MINUTE)).levels).toEqual([
      0, 2, 0,
    ]);
    expect(buffers.occupancySteps([booking], null, 150 * MINUTE, 160 * MINUTE).size).toBe(1);
  });

  test("a reused buffer ignores the bookings an earlier, longer call left behind", () => {
    const buffers = new OccupancyBuffers();
    const at = (start: number, end: number, quantity = 1): OccupancyFacts => ({
      zoneId: null,
      quantity,
      start: new Date(start * MINUTE),
      end: new Date(end * MINUTE),
    });
    // Ten early bookings, then three later ones: slots 3.. of the buffers still hold early
    // starts and ends, smaller than the new ones.
    buffers.occupancySteps(
      Array.from({ length: 10 }, (_, i) => at(i, i + 1, 5)),
      null,
      0,
      1000 * MINUTE,
    );
    const later = [at(500, 520), at(510, 530, 2), at(505, 540)];
    expect(steps(buffers.occupancySteps(later, null, 0, 1000 * MINUTE))).toEqual({
      times: [Number.NEGATIVE_INFINITY, 500, 505, 510, 520, 530, 540].map((m) => m * MINUTE),
      levels: [0, 1, 2, 4, 3, 1, 0],
    });
  });

  test("nested bookings of different sizes: ordered starts, ends far from ordered", () => {
    // The starts pass the insertion sort, the ends (in reverse) pass its budget: the native
    // sort must take each end off with its own booking's quantity.
    const buffers = new OccupancyBuffers();
    const count = 200;
    const nested: OccupancyFacts[] = Array.from({ length: count }, (_, i) => ({
      zoneId: null,
      quantity: 1 + (i % 3),
      start: new Date(i * MINUTE),
      end: new Date((1000 - i) * MINUTE),
    }));
    const times = [
      ...Array.from({ length: count }, (_, i) => i),
      ...Array.from({ length: count }, (_, i) => 1000 - count + 1 + i),
    ];
    let level = 0;
    const levels = times.map((m) => {
      if (m < count) level += 1 + (m % 3);
      else level -= 1 + ((1000 - m) % 3);
      return level;
    });
    expect(steps(buffers.occupancySteps(nested, null, 0, 2000 * MINUTE))).toEqual({
      times: [Number.NEGATIVE_INFINITY, ...times.map((m) => m * MINUTE)],
      levels: [0, ...levels],
    });
  });

  test("starts far from ordered, one shared end: the native sort keeps the boundaries distinct", () => {
    // The starts (descending) pass the insertion sort's budget, the ends are all equal.
    const buffers = new OccupancyBuffers();
    const count = 200;
    const descending: OccupancyFacts[] = Array.from({ length: count }, (_, i) => ({
      zoneId: null,
      quantity: 1 + (i % 3),
      start: new Date((count - i) * MINUTE),
      end: new Date(1000 * MINUTE),
    }));
    let level = 0;
    const levels = Array.from({ length: count }, (_, m) => {
      level += 1 + ((count - (m + 1)) % 3);
      return level;
    });
    expect(steps(buffers.occupancySteps(descending, null, 0, 2000 * MINUTE))).toEqual({
      times: [
        Number.NEGATIVE_INFINITY,
        ...Array.from({ length: count }, (_, m) => (m + 1) * MINUTE),
        1000 * MINUTE,
      ],
      levels: [0, ...levels, 0],
    });
  });
});
