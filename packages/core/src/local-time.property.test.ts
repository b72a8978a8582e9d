import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  addLocalDays,
  instantOfWall,
  localDate,
  localParts,
  localWeekStart,
  startOfLocalDay,
  wallMinuteOfDay,
  wallOf,
  zonedInstant,
} from "./local-time";

// The reference: local time computed with @date-fns/tz (zoned date objects built from their
// parts), as linli's time API did before it moved onto the offset table. Test-only.
const reference = {
  instant(date: string, time: string, timeZone: string): number {
    const [y, m, d] = date.split("-").map(Number) as [number, number, number];
    const [hh, mm] = time.split(":").map(Number) as [number, number];
    if (hh === 24 && mm === 0) return reference.instant(addLocalDays(date, 1), "00:00", timeZone);
    return new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime();
  },
  parts(instant: number, timeZone: string) {
    const d = new TZDate(instant, timeZone);
    const [year, month, day, hour, minute] = [
      d.getFullYear(),
      d.getMonth() + 1,
      d.getDate(),
      d.getHours(),
      d.getMinutes(),
    ];
    return {
      year,
      month,
      day,
      hour,
      minute,
      weekday: d.getDay() === 0 ? 7 : d.getDay(),
      minuteOfDay: hour * 60 + minute,
      date: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
    };
  },
};

// Whole-hour, half-hour (Lord Howe's DST is 30 minutes) and 45-minute offsets, both hemispheres.
const ZONES = [
  "Asia/Shanghai",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/St_Johns",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Asia/Kolkata",
  "UTC",
];

const hhmm = (minute: number) =>
  `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;

describe("the offset-table local time agrees with a @date-fns/tz reference", () => {
  test("wall time → instant, on random days and times (DST days included)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: 0, max: 3 * 366 }),
        fc.integer({ min: 0, max: 1440 }),
        (tz, dayOffset, minute) => {
          const date = addLocalDays("2026-01-01", dayOffset);
          expect(zonedInstant(date, hhmm(minute), tz).getTime()).toBe(
            reference.instant(date, hhmm(minute), tz),
          );
          expect(startOfLocalDay(date, tz).getTime()).toBe(reference.instant(date, "00:00", tz));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("the DST change hours themselves, minute by minute", () => {
    for (const [tz, date] of [
      ["Europe/London", "2026-03-29"],
      ["Europe/London", "2026-10-25"],
      ["Europe/Berlin", "2026-03-29"],
      ["Europe/Berlin", "2026-10-25"],
      ["America/New_York", "2026-03-08"],
      ["America/New_York", "2026-11-01"],
      ["Australia/Lord_Howe", "2026-04-05"],
      ["Australia/Lord_Howe", "2026-10-04"],
      ["Pacific/Chatham", "2026-04-05"],
      ["Pacific/Chatham", "2026-09-27"],
    ] as const) {
      for (let m = 0; m < 300; m++) {
        expect(zonedInstant(date, hhmm(m), tz).getTime(), `${tz} ${date} ${hhmm(m)}`).toBe(
          reference.instant(date, hhmm(m), tz),
        );
      }
    }
  });

  test("instant → local parts, date, week and minute (through wall numbers too)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2029, 0, 1) }),
        (tz, t) => {
          const expected = reference.parts(t, tz);
          expect(localParts(new Date(t), tz)).toEqual(expected);
          expect(localDate(new Date(t), tz)).toBe(expected.date);
          expect(localWeekStart(new Date(t), tz)).toBe(addLocalDays(expected.date, 1 - expected.weekday));
          expect(wallMinuteOfDay(wallOf(t, tz))).toBe(expected.minuteOfDay);
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("instant → wall number → instant: the same wall time, resolved like the reference", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.integer({ min: Date.UTC(2025, 0, 1) / 60_000, max: Date.UTC(2029, 0, 1) / 60_000 }),
        (tz, minute) => {
          const t = minute * 60_000;
          const back = instantOfWall(wallOf(t, tz), tz);
          // The identity, except in a repeated hour, where the wall time has two instants.
          expect(wallOf(back, tz)).toBe(wallOf(t, tz));
          const p = reference.parts(t, tz);
          expect(back).toBe(reference.instant(p.date, hhmm(p.minuteOfDay), tz));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
