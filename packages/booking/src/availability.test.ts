import fc from "fast-check";
import { describe, expect, expectTypeOf, test } from "vitest";
import {
  bookingOn,
  slotLabels as iso,
  kindsWith,
  ruleParser,
  testResource,
} from "../test/availability-fixtures";
import { availableSlots, type EpochFreeSlot, type FreeSlot } from "./availability";
import { evaluateBooking } from "./evaluate-booking";

const kinds = kindsWith();
const resource = testResource("dryer", 2);
const rule = ruleParser(kinds, "dryer");
const booking = bookingOn("dryer");

describe("availableSlots", () => {
  const hours = rule("hours", "opening-hours", { weekly: { mon: [{ from: "08:00", to: "10:00" }] } });
  const base = {
    resource,
    kinds,
    timeZone: "UTC",
    now: new Date("2026-07-01T00:00:00Z"),
    start: new Date("2026-07-06T00:00:00Z"),
    end: new Date("2026-07-07T00:00:00Z"),
    who: { actorKind: "resident" as const, residentId: "me" },
    defaultGranularityMinutes: 30,
  };

  test("free slots with remaining capacity, from one sweep over the bookings", () => {
    const slots = availableSlots({
      ...base,
      rules: [hours, rule("capacity", "capacity", {})],
      bookings: [
        booking("2026-07-06T08:00:00Z", "2026-07-06T09:00:00Z"),
        booking("2026-07-06T08:30:00Z", "2026-07-06T09:00:00Z"),
      ],
    });
    // 08:00–08:30 has one unit in use, 08:30–09:00 both.
    expect(iso(slots)).toEqual(["08:00/1", "09:00/2", "09:30/2"]);
    const hour = availableSlots({
      ...base,
      rules: [hours],
      bookings: [booking("2026-07-06T08:00:00Z", "2026-07-06T08:30:00Z")],
      durationMinutes: 60,
    });
    expect(iso(hour)).toEqual(["08:00/1", "08:30/2", "09:00/2"]);
  });

  test("buffers widen every booking; a slot ending at closing time is offered", () => {
    const slots = availableSlots({
      ...base,
      rules: [
        hours,
        rule("turnover", "buffers", { afterMinutes: 30 }),
        rule("cap", "capacity", { maxPerSlot: 1 }),
      ],
      bookings: [
        booking("2026-07-06T08:00:00Z", "2026-07-06T08:30:00Z", {
          blockEnd: new Date("2026-07-06T09:00:00Z"),
        }),
      ],
    });
    // 08:30–09:00 is turnover; 09:30–10:00 ends exactly at closing time.
    expect(iso(slots)).toEqual(["09:00/1", "09:30/1"]);
  });

  test("per-resident rules are honoured: a used-up quota offers nothing", () => {
    const quota = rule("quota", "quota", { period: "day", max: 1 });
    const mine = booking("2026-07-06T06:00:00Z", "2026-07-06T06:30:00Z", { residentId: "me" });
    expect(
      availableSlots({ ...base, rules: [hours, quota], bookings: [], residentBookings: [mine] }),
    ).toEqual([]);
    expect(
      availableSlots({ ...base, rules: [hours, quota], bookings: [], residentBookings: [] }),
    ).toHaveLength(4);
  });

  test("DST days keep the local grid: Europe/London spring-forward day has 92 quarter-hours, fall-back 100", () => {
    const open = rule("open", "opening-hours", { alwaysOpen: true });
    const day = (start: string, end: string) =>
      availableSlots({
        ...base,
        now: new Date("2026-01-01T00:00:00Z"),
        timeZone: "Europe/London",
        rules: [open],
        bookings: [],
        start: new Date(start),
        end: new Date(end),
        defaultGranularityMinutes: 15,
      });
    const spring = day("2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z");
    expect(spring).toHaveLength(92);
    expect(spring[4]!.start.toISOString()).toBe("2026-03-29T01:00:00.000Z"); // 02:00 BST follows 00:45 GMT
    expect(day("2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z")).toHaveLength(100);
  });

  test("an offset grid offers its wall times on DST days too: Europe/London 00:10, 00:40, …", () => {
    const rules = [
      rule("open", "opening-hours", { alwaysOpen: true }),
      rule("grid", "slot-grid", { granularityMinutes: 30, offsetMinutes: 10 }),
    ];
    const day = (start: string, end: string) =>
      availableSlots({
        ...base,
        now: new Date("2026-01-01T00:00:00Z"),
        timeZone: "Europe/London",
        rules,
        bookings: [],
        start: new Date(start),
        end: new Date(end),
      }).map((s) => s.start.toISOString().slice(11, 16));
    // Spring forward: 01:10 and 01:40 do not exist; 00:40 GMT is followed by 02:10 BST (01:10Z).
    const spring = day("2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z");
    expect(spring).toHaveLength(46);
    expect(spring.slice(0, 4)).toEqual(["00:10", "00:40", "01:10", "01:40"]);
    // Fall back: 01:10 and 01:40 come in BST (00:10Z, 00:40Z) and again in GMT (01:10Z, 01:40Z).
    const autumn = day("2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z");
    expect(autumn).toHaveLength(50);
    expect(autumn.slice(0, 6)).toEqual(["23:10", "23:40", "00:10", "00:40", "01:10", "01:40"]);
  });

  test("America/New_York: opening 09:00–11:00 on the spring-forward Sunday starts at 13:00Z", () => {
    const sunday = rule("sun", "opening-hours", { weekly: { sun: [{ from: "09:00", to: "11:00" }] } });
    const slots = availableSlots({
      ...base,
      now: new Date("2026-01-01T00:00:00Z"),
      timeZone: "America/New_York",
      rules: [sunday],
      bookings: [],
      start: new Date("2026-03-08T05:00:00Z"),
      end: new Date("2026-03-09T04:00:00Z"),
      durationMinutes: 60,
      defaultGranularityMinutes: 60,
    });
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      "2026-03-08T13:00:00.000Z",
      "2026-03-08T14:00:00.000Z",
    ]);
  });

  test("property: every offered slot is one the evaluator allows", () => {
    const rules = [
      rule("hours", "opening-hours", {
        weekly: { mon: [{ from: "08:00", to: "12:00" }], tue: [{ from: "14:00", to: "18:00" }] },
      }),
      rule("grid", "slot-grid", { granularityMinutes: 30 }),
      rule("turnover", "buffers", { afterMinutes: 15 }),
      rule("quota", "quota", { period: "day", max: 2 }),
      rule("capacity", "capacity", {}),
    ];
    const arbBooking = fc.record({
      slot: fc.nat(96),
      len: fc.integer({ min: 1, max: 8 }),
      q: fc.integer({ min: 1, max: 2 }),
      mine: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(arbBooking, { maxLength: 12 }), (raw) => {
        const t0 = Date.parse("2026-07-06T00:00:00Z");
        const facts = raw.map((b, i) => {
          const start = new Date(t0 + b.slot * 30 * 60_000);
          const end = new Date(start.getTime() + b.len * 30 * 60_000);
          return booking(start.toISOString(), end.toISOString(), {
            id: `b${i}`,
            quantity: b.q,
            residentId: b.mine ? "me" : "other",
            blockStart: start,
            blockEnd: new Date(end.getTime() + 15 * 60_000),
          });
        });
        const window = {
          ...base,
          end: new Date("2026-07-08T00:00:00Z"),
          rules,
          bookings: facts,
          residentBookings: facts.filter((f) => f.residentId === "me"),
        };
        for (const slot of availableSlots(window)) {
          const verdict = evaluateBooking({
            request: {
              resourceId: "dryer",
              start: slot.start,
              end: slot.end,
              residentId: "me",
              actorKind: "resident",
            },
            now: base.now,
            timeZone: "UTC",
            resource,
            rules,
            kinds,
            snapshot: { resourceBookings: facts, residentBookings: window.residentBookings },
          });
          expect(verdict.decision.violations).toEqual([]);
        }
      }),
      { numRuns: 200, seed: 20261201 },
    );
  });

  test('slotInstants "epoch-ms" gives the same slots with epoch-millisecond instants', () => {
    const input = {
      ...base,
      rules: [hours, rule("capacity", "capacity", {})],
      bookings: [booking("2026-07-06T08:00:00Z", "2026-07-06T09:00:00Z")],
    };
    const dates = availableSlots(input);
    const numbers = availableSlots({ ...input, slotInstants: "epoch-ms" });
    expectTypeOf(dates).toEqualTypeOf<FreeSlot[]>();
    expectTypeOf(numbers).toEqualTypeOf<EpochFreeSlot[]>();
    expectTypeOf(availableSlots({ ...input, slotInstants: "date" })).toEqualTypeOf<FreeSlot[]>();
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers).toEqual(
      dates.map((s) => ({ start: s.start.getTime(), end: s.end.getTime(), remaining: s.remaining })),
    );
  });

  test("an unknown slotInstants form is refused with VALIDATION_FAILED", () => {
    const input = { ...base, rules: [hours], bookings: [], slotInstants: "iso" };
    // @ts-expect-error: only "date" and "epoch-ms" are forms
    expect(() => availableSlots(input)).toThrow(expect.objectContaining({ code: "VALIDATION_FAILED" }));
  });
});
