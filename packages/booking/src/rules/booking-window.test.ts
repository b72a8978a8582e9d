import { describe, expect, test } from "vitest";
import { codes, judge } from "../../test/rule-harness";
import { bookingWindowKind } from "./booking-window";

const at = (local: string) => new Date(`${local}:00+08:00`);

describe("booking-window", () => {
  const now = at("2026-07-06T10:00");
  test("lead time: exactly the lead is fine, one minute less is too soon", () => {
    const rule = { minLeadMinutes: 60 };
    expect(
      judge(bookingWindowKind, rule, { start: at("2026-07-06T11:00"), end: at("2026-07-06T12:00") }, { now }),
    ).toEqual([]);
    expect(
      codes(
        judge(
          bookingWindowKind,
          rule,
          { start: at("2026-07-06T10:59"), end: at("2026-07-06T12:00") },
          { now },
        ),
      ),
    ).toEqual(["TOO_SOON"]);
  });
  test("advance window in local days: 7 days ahead ends at local midnight", () => {
    const rule = { maxAdvanceDays: 7 };
    expect(
      judge(bookingWindowKind, rule, { start: at("2026-07-13T23:00"), end: at("2026-07-14T00:00") }, { now }),
    ).toEqual([]);
    const far = judge(
      bookingWindowKind,
      rule,
      { start: at("2026-07-14T00:00"), end: at("2026-07-14T01:00") },
      { now },
    );
    expect(codes(far)).toEqual(["TOO_FAR_AHEAD"]);
    expect(far[0]!.message.en).toBe("Bookings open at most 7 days ahead (until 2026-07-14 00:00)");
  });
  test("leap year: 1 day ahead from 2028-02-28 includes the leap day", () => {
    const rule = { maxAdvanceDays: 1 };
    const feb28 = at("2028-02-28T09:00");
    expect(
      judge(
        bookingWindowKind,
        rule,
        { start: at("2028-02-29T20:00"), end: at("2028-02-29T21:00") },
        { now: feb28 },
      ),
    ).toEqual([]);
    expect(
      codes(
        judge(
          bookingWindowKind,
          rule,
          { start: at("2028-03-01T08:00"), end: at("2028-03-01T09:00") },
          { now: feb28 },
        ),
      ),
    ).toEqual(["TOO_FAR_AHEAD"]);
  });
  test("advance window across the America/New_York spring-forward counts local days", () => {
    const tz = "America/New_York";
    const sat = new Date("2026-03-07T15:00:00Z"); // Sat 10:00 EST
    // One day ahead ends at Mon 00:00 EDT = 04:00Z, not 05:00Z.
    expect(
      judge(
        bookingWindowKind,
        { maxAdvanceDays: 1 },
        { start: new Date("2026-03-09T03:30:00Z"), end: new Date("2026-03-09T04:00:00Z") },
        { now: sat, timeZone: tz },
      ),
    ).toEqual([]);
    expect(
      codes(
        judge(
          bookingWindowKind,
          { maxAdvanceDays: 1 },
          { start: new Date("2026-03-09T04:00:00Z"), end: new Date("2026-03-09T04:30:00Z") },
          { now: sat, timeZone: tz },
        ),
      ),
    ).toEqual(["TOO_FAR_AHEAD"]);
  });
});
