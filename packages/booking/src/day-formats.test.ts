import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { checkDayRange, isCalendarDay } from "./day-formats";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function problemsOf(range: { from: string; to?: string }): [string, string][] {
  const out: [string, string][] = [];
  checkDayRange(range, ["r"], (path, code) => out.push([path.join("."), code]));
  return out;
}

describe("calendar days", () => {
  test("days that do not exist are refused; 02-29 exists in leap years and every year", () => {
    for (const day of [
      "2026-02-30",
      "2026-13-01",
      "2026-00-10",
      "2026-04-31",
      "2027-02-29",
      "13-45",
      "02-30",
      "00-01",
    ])
      expect(isCalendarDay(day), day).toBe(false);
    for (const day of ["2026-02-28", "2028-02-29", "2000-02-29", "2026-12-31", "02-29", "12-31", "01-01"])
      expect(isCalendarDay(day), day).toBe(true);
    expect(isCalendarDay("2026-2-3")).toBe(false);
  });

  test("a YYYY-MM-DD exists exactly when the calendar round-trips it", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2100 }),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        (year, month, day) => {
          const text = `${year}-${pad(month)}-${pad(day)}`;
          const date = new Date(Date.UTC(year, month - 1, day));
          const roundTrips = month >= 1 && day >= 1 && date.toISOString().slice(0, 10) === text;
          expect(isCalendarDay(text)).toBe(roundTrips);
        },
      ),
      { seed: 20260701, numRuns: 500 },
    );
  });

  test("ranges: both ends exist, dates do not end before they start, yearly days may wrap", () => {
    expect(problemsOf({ from: "2026-10-07", to: "2026-10-01" })).toEqual([["r.to", "ENDS_BEFORE_START"]]);
    expect(problemsOf({ from: "2026-10-01", to: "2026-10-01" })).toEqual([]);
    expect(problemsOf({ from: "12-20", to: "01-05" })).toEqual([]);
    expect(problemsOf({ from: "2026-07-01", to: "08-31" })).toEqual([["r.to", "MIXED_DAY_FORMS"]]);
    expect(problemsOf({ from: "2026-02-30", to: "2026-02-31" })).toEqual([
      ["r.from", "INVALID_DATE"],
      ["r.to", "INVALID_DATE"],
    ]);
    expect(problemsOf({ from: "2026-02-30" })).toEqual([["r.from", "INVALID_DATE"]]);
  });
});
