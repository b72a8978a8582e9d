import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";
import { occurrencesOf } from "./recurrence";

describe("occurrencesOf", () => {
  test("weekly at 09:00 local stays at 09:00 across the Europe/London DST change; exceptions are dropped", () => {
    const out = occurrencesOf(
      {
        rrule: "FREQ=WEEKLY;BYDAY=SA;COUNT=4",
        firstStart: "2026-03-21T09:00",
        durationMinutes: 60,
        exceptions: ["2026-04-04"],
      },
      "Europe/London",
    );
    expect(out.map((o) => [o.date, o.start.toISOString()])).toEqual([
      ["2026-03-21", "2026-03-21T09:00:00.000Z"],
      ["2026-03-28", "2026-03-28T09:00:00.000Z"],
      ["2026-04-11", "2026-04-11T08:00:00.000Z"],
    ]);
  });
  test("monthly on the 29th skips February in a common year and keeps the leap day", () => {
    const dates = (start: string) =>
      occurrencesOf(
        { rrule: "RRULE:FREQ=MONTHLY;BYMONTHDAY=29;COUNT=3", firstStart: start, durationMinutes: 30 },
        "Asia/Shanghai",
      ).map((o) => o.date);
    expect(dates("2027-01-29T10:00")).toEqual(["2027-01-29", "2027-03-29", "2027-04-29"]);
    expect(dates("2028-01-29T10:00")).toEqual(["2028-01-29", "2028-02-29", "2028-03-29"]);
  });
  test("unbounded or malformed rules are refused", () => {
    expect(() =>
      occurrencesOf({ rrule: "FREQ=DAILY", firstStart: "2026-07-01T09:00", durationMinutes: 30 }, "UTC"),
    ).toThrow(expect.objectContaining({ code: "INVALID_RECURRENCE" }));
    expect(() =>
      occurrencesOf(
        { rrule: "FREQ=DAILY;COUNT=400", firstStart: "2026-07-01T09:00", durationMinutes: 30 },
        "UTC",
      ),
    ).toThrow(expect.objectContaining({ code: "INVALID_RECURRENCE" }));
    expect(() =>
      occurrencesOf(
        { rrule: "FREQ=DAILY;COUNT=2", firstStart: "2026-07-01 09:00", durationMinutes: 30 },
        "UTC",
      ),
    ).toThrow(expect.objectContaining({ code: "INVALID_RECURRENCE" }));
  });
});

describe("recurring bookings", () => {
  test("skip-and-report: Mrs Li's weekly dryer slot skips the day she has already used up, and says why", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    // She already has two uses on 2026-07-15.
    for (const h of ["09", "10"]) {
      await community.booking.book({
        actor: resident("li"),
        resourceId: "dryer-2",
        start: cst(`2026-07-15T${h}:00`),
        end: cst(`2026-07-15T${h}:30`),
      });
    }
    const outcome = await community.booking.bookSeries({
      actor: desk,
      forResident: "li",
      resourceId: "dryer-1",
      rrule: "FREQ=WEEKLY;BYDAY=WE;COUNT=4",
      start: cst("2026-07-08T15:00"),
      end: cst("2026-07-08T16:00"),
      exceptions: ["2026-07-22"],
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.booked.map((b) => b.start.toISOString())).toEqual([
      "2026-07-08T07:00:00.000Z",
      "2026-07-29T07:00:00.000Z",
    ]);
    expect(outcome.skipped.map((s) => [s.date, s.violations.map((v) => v.code)])).toEqual([
      ["2026-07-15", ["QUOTA_EXCEEDED"]],
    ]);
    expect(new Set(outcome.booked.map((b) => b.seriesId))).toEqual(new Set([outcome.seriesId]));
  });

  test("fail-series: one refused occurrence books nothing and lists the reasons", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const taken = await community.booking.book({
      actor: resident("wang"),
      resourceId: "dryer-1",
      start: cst("2026-07-15T15:00"),
      end: cst("2026-07-15T16:00"),
    });
    expect(taken.ok).toBe(true);
    const outcome = await community.booking.bookSeries({
      actor: resident("li"),
      resourceId: "dryer-1",
      rrule: "FREQ=WEEKLY;BYDAY=WE;COUNT=3",
      start: cst("2026-07-08T15:00"),
      end: cst("2026-07-08T16:00"),
      policy: "fail-series",
    });
    expect(outcome).toMatchObject({
      ok: false,
      refused: [{ date: "2026-07-15", violations: [{ code: "CAPACITY_FULL" }] }],
    });
    expect(await community.booking.list({ actor: resident("li") })).toEqual([]);
  });
});
