import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { availabilitySchema, isSoundAvailabilityInput } from "./availability-input-check";

const T = Date.parse("2026-07-06T00:00:00Z");
const DAY = 86_400_000;

/** Mostly a sound value, sometimes one of the bad ones. */
const field = (good: readonly unknown[], bad: readonly unknown[]) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...good), weight: 14 },
    { arbitrary: fc.constantFrom(...bad), weight: 1 },
  );
const optional = (good: readonly unknown[], bad: readonly unknown[]) => field([undefined, ...good], bad);
const instants = [
  new Date(T),
  new Date(T + 3_600_000),
  new Date(T - 1),
  new Date(T + 367 * DAY),
  new Date(T + 367 * DAY + 1),
];
const notInstants = [new Date(Number.NaN), "2026-07-06T00:00:00Z", T, undefined, null];
const count = [1, 2, 15, 2 ** 40];
const notCount = [0, -1, 2.5, Number.POSITIVE_INFINITY, Number.NaN, 2 ** 60, "15", null];

const sparse: unknown[] = [];
sparse[1] = "a";

const input = fc.record({
  resource: field(
    [
      { id: "r", capacity: 2 },
      { id: "r", capacity: 1, name: "x" },
    ],
    [
      { id: "", capacity: 2 },
      { id: "r", capacity: 0 },
      { id: "r", capacity: 1.5 },
      { id: 3, capacity: 2 },
      { capacity: 2 },
      null,
      [],
      "r",
    ],
  ),
  zoneId: optional([null, "z", ""], [3, {}]),
  rules: field([[], [{}]], [{}, "x", undefined, null]),
  kinds: field([new Map()], [{}, undefined, new Set()]),
  timeZone: field(["Asia/Shanghai", "UTC", "Europe/London"], ["Mars/Olympus", "", 3, undefined]),
  now: field(instants, notInstants),
  start: field(instants, notInstants),
  end: field(instants, notInstants),
  bookings: field([[], [{ x: 1 }]], [{}, undefined, "x"]),
  who: field(
    [
      { actorKind: "resident" },
      { actorKind: "staff", residentId: null, groups: ["a", "b"] },
      { actorKind: "system", residentId: "p", groups: [] },
    ],
    [
      { actorKind: "robot" },
      { actorKind: "resident", groups: [1] },
      { actorKind: "resident", groups: "a" },
      { actorKind: "resident", groups: [undefined, "a"] },
      { actorKind: "resident", groups: sparse },
      { actorKind: "resident", residentId: 3 },
      {},
      null,
      [],
    ],
  ),
  residentBookings: optional([[]], [{}, null, "x"]),
  facts: optional([{}, { a: 1, b: [2] }, Object.create(null)], [[], null, "x", new Map(), new Date(T)]),
  durationMinutes: optional([...count.slice(0, 3), 100_000], [...notCount, 100_001]),
  quantity: optional(count, notCount),
  physicalCapacity: optional(count, notCount),
  defaultGranularityMinutes: optional([1, 15, 1440], [...notCount, 1441]),
  slotInstants: optional(["date", "epoch-ms"], ["epoch", null, 1]),
});

describe("isSoundAvailabilityInput", () => {
  it("gives zod's verdict on every input it is asked about, sound or not", () => {
    let sound = 0;
    fc.assert(
      fc.property(input, (value) => {
        const verdict = availabilitySchema.safeParse(value).success;
        expect(isSoundAvailabilityInput(value)).toBe(verdict);
        if (verdict) sound++;
      }),
      { numRuns: 1500, seed: 20261201 },
    );
    // Both verdicts were asked about, plenty of each.
    expect(sound).toBeGreaterThan(100);
    expect(sound).toBeLessThan(1400);
  });

  it("refuses what is not an object at all, as zod does", () => {
    for (const value of [undefined, null, [], "x", 3, new Date(T)])
      expect(isSoundAvailabilityInput(value)).toBe(availabilitySchema.safeParse(value).success);
  });
});
