import { addLocalDays, localDate, localParts, startOfLocalDay, zonedInstant } from "./time";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { localDateOf, localInstant, localMidnight, localMinuteOf } from "./wall-clock";

const ZONES = ["Asia/Shanghai", "Europe/London", "America/New_York", "Australia/Lord_Howe", "UTC"];

describe("the fast wall clock agrees with the @date-fns/tz helpers of time.ts", () => {
  test("wall time → instant, on random days and times (DST days included)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.integer({ min: 0, max: 1439 }),
        (tz, dayOffset, minute) => {
          const date = addLocalDays("2026-01-01", dayOffset);
          const hhmm = `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
          expect(localInstant(date, minute, tz)).toBe(zonedInstant(date, hhmm, tz).getTime());
          expect(localMidnight(date, tz)).toBe(startOfLocalDay(date, tz).getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });

  test("the DST change hours themselves", () => {
    for (const [tz, date] of [
      ["Europe/London", "2026-03-29"],
      ["Europe/London", "2026-10-25"],
      ["America/New_York", "2026-03-08"],
      ["America/New_York", "2026-11-01"],
    ] as const) {
      for (let m = 0; m < 240; m += 15) {
        const hhmm = `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
        expect(localInstant(date, m, tz)).toBe(zonedInstant(date, hhmm, tz).getTime());
      }
    }
  });

  test("instant → local date and minute", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2029, 0, 1) }),
        (tz, t) => {
          const minute = Math.floor(t / 60_000) * 60_000;
          expect(localDateOf(minute, tz)).toBe(localDate(new Date(minute), tz));
          expect(localMinuteOf(minute, tz)).toBe(localParts(new Date(minute), tz).minuteOfDay);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

test("wall numbers: weekday and day of an instant", async () => {
  const { wallOf, wallDay, wallWeekday, instantOfWall } = await import("./wall-clock");
  const t = Date.parse("2026-07-06T23:30:00+08:00"); // a Monday evening in Shanghai
  expect(wallWeekday(wallOf(t, "Asia/Shanghai"))).toBe(1);
  expect(instantOfWall(wallDay(wallOf(t, "Asia/Shanghai")), "Asia/Shanghai")).toBe(
    Date.parse("2026-07-06T00:00:00+08:00"),
  );
  expect(wallWeekday(Date.UTC(2032, 1, 29))).toBe(7); // 2032-02-29 is a Sunday
});
