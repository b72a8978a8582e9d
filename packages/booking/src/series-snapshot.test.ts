import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { cst, desk, wangjialong } from "../test/wangjialong-fixture";
import { occurrencesOf } from "./recurrence";

// A series reads the bookings once and judges every occurrence on that snapshot; the answer
// must be the one it would get by booking the occurrences one by one (each `book` reading
// the storage afresh): the same occurrences booked, in the same states, and the same
// reasons for the others. Checked on random existing bookings and rules, against quotas,
// buffers, approval, capacity, closures, the booking window and the future-bookings cap.

const RESIDENTS = ["wang", "li", "zhang"] as const;
const RESOURCES = ["dryer-1", "gym", "gallery-training-room", "library"] as const;

const slot = fc.record({
  who: fc.constantFrom(...RESIDENTS),
  resource: fc.constantFrom(...RESOURCES),
  day: fc.integer({ min: 0, max: 12 }),
  halfHour: fc.integer({ min: 16, max: 39 }), // 08:00–19:30 local
  // In half-hours; a whole day (48) makes a daily series meet its own turnover buffers.
  length: fc.constantFrom(1, 2, 3, 48),
});
const rule = fc.oneof(
  fc.integer({ min: 1, max: 8 }).map((n) => `FREQ=DAILY;COUNT=${n}`),
  fc.integer({ min: 1, max: 6 }).map((n) => `FREQ=DAILY;INTERVAL=2;COUNT=${n}`),
  fc.integer({ min: 1, max: 4 }).map((n) => `FREQ=WEEKLY;BYDAY=MO,WE,SA;COUNT=${n}`),
);

const local = (day: number, halfHour: number) => {
  const date = new Date(Date.UTC(2026, 6, 6 + day)).toISOString().slice(0, 10);
  return cst(`${date}T${String(Math.floor(halfHour / 2)).padStart(2, "0")}:${halfHour % 2 ? "30" : "00"}`);
};

describe("a series judged on one snapshot answers as bookings made one by one", () => {
  test("same bookings, states and reasons (fixed seed)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(slot, { maxLength: 14 }), slot, rule, async (existing, first, rrule) => {
        const twins = await Promise.all([wangjialong(), wangjialong()]);
        for (const { community } of twins) {
          for (const b of existing) {
            const start = local(b.day, b.halfHour);
            await community.booking.book({
              actor: desk,
              forResident: b.who,
              resourceId: b.resource,
              start,
              end: new Date(start.getTime() + b.length * 30 * 60_000),
            });
          }
        }
        const start = local(first.day, first.halfHour);
        const end = new Date(start.getTime() + first.length * 30 * 60_000);
        const [a, b] = twins.map((t) => t.community);
        const series = await a!.booking.bookSeries({
          actor: desk,
          forResident: first.who,
          resourceId: first.resource,
          rrule,
          start,
          end,
        });
        if (!series.ok) throw new Error("skip-and-report never refuses the series");
        const fromSeries = [
          ...series.booked.map((x) => [x.start.toISOString(), x.status]),
          ...series.skipped.map((x) => [x.start.toISOString(), x.violations.map((v) => v.code).join(",")]),
        ].sort();
        const firstStart = `${start.toISOString().slice(0, 10)}T${String((first.halfHour / 2) | 0).padStart(2, "0")}:${first.halfHour % 2 ? "30" : "00"}`;
        const oneByOne: string[][] = [];
        for (const o of occurrencesOf(
          { rrule, firstStart, durationMinutes: first.length * 30 },
          "Asia/Shanghai",
        )) {
          const outcome = await b!.booking.book({
            actor: desk,
            forResident: first.who,
            resourceId: first.resource,
            start: o.start,
            end: o.end,
          });
          oneByOne.push(
            outcome.ok
              ? [outcome.booking.start.toISOString(), outcome.booking.status]
              : [o.start.toISOString(), outcome.violations.map((v) => v.code).join(",")],
          );
        }
        expect(fromSeries).toEqual(oneByOne.sort());
      }),
      { seed: 20260706, numRuns: 40 },
    );
  });
});
