import { describe, expect, test } from "vitest";
import { codes, existing, judge } from "../../test/rule-harness";
import { futureBookingsCapKind } from "./future-bookings-cap";
import { quotaKind } from "./quota";

const at = (local: string) => new Date(`${local}:00+08:00`);

describe("quota", () => {
  const mine = (from: string, to: string, extra = {}) => existing(at(from), at(to), extra);

  test("per local day in bookings: the day ends at local midnight, not UTC midnight", () => {
    const rule = { period: "day", max: 1 };
    // 07:30 Shanghai is still the previous UTC day; the local day is what counts.
    const snapshot = { residentBookings: [mine("2026-07-06T07:30", "2026-07-06T08:00")] };
    expect(
      codes(
        judge(quotaKind, rule, { start: at("2026-07-06T23:00"), end: at("2026-07-06T23:30") }, { snapshot }),
      ),
    ).toEqual(["QUOTA_EXCEEDED"]);
    expect(
      judge(quotaKind, rule, { start: at("2026-07-07T00:00"), end: at("2026-07-07T00:30") }, { snapshot }),
    ).toEqual([]);
  });

  test("in minutes per ISO week, cancelled bookings not counted", () => {
    const rule = { period: "week", unit: "minutes", max: 120 };
    const snapshot = {
      residentBookings: [
        mine("2026-07-06T09:00", "2026-07-06T10:00"),
        mine("2026-07-07T09:00", "2026-07-07T10:00", { status: "cancelled" }),
        mine("2026-07-05T09:00", "2026-07-05T11:00"), // the Sunday before: another week
      ],
    };
    expect(
      judge(quotaKind, rule, { start: at("2026-07-12T09:00"), end: at("2026-07-12T10:00") }, { snapshot }),
    ).toEqual([]);
    const over = judge(
      quotaKind,
      rule,
      { start: at("2026-07-12T09:00"), end: at("2026-07-12T10:30") },
      { snapshot },
    );
    expect(codes(over)).toEqual(["QUOTA_EXCEEDED"]);
    expect(over[0]!.params).toMatchObject({ used: 60, asked: 90, max: 120 });
  });

  test("per month across a resource group, and per resource", () => {
    const snapshot = {
      residentBookings: [existing(at("2028-02-29T09:00"), at("2028-02-29T10:00"), { resourceId: "dryer-2" })],
    };
    const req = { resourceId: "dryer-1", start: at("2028-02-01T09:00"), end: at("2028-02-01T10:00") };
    const group = { targets: ["dryer-1", "dryer-2"], snapshot };
    expect(codes(judge(quotaKind, { period: "month", max: 1 }, req, group))).toEqual(["QUOTA_EXCEEDED"]);
    expect(judge(quotaKind, { period: "month", max: 1, scope: "resource" }, req, group)).toEqual([]);
    // Leap day belongs to February; March is a new month.
    expect(
      judge(
        quotaKind,
        { period: "month", max: 1 },
        { ...req, start: at("2028-03-01T00:00"), end: at("2028-03-01T01:00") },
        group,
      ),
    ).toEqual([]);
  });

  test("per day on the Europe/London fall-back day (25 hours long) is still one day", () => {
    const tz = "Europe/London";
    const snapshot = { residentBookings: [existing("2026-10-25T00:30:00Z", "2026-10-25T01:00:00Z")] }; // 01:30 BST
    expect(
      codes(
        judge(
          quotaKind,
          { period: "day", max: 1 },
          { start: new Date("2026-10-25T23:00:00Z"), end: new Date("2026-10-25T23:30:00Z") },
          { timeZone: tz, snapshot },
        ),
      ),
    ).toEqual(["QUOTA_EXCEEDED"]);
  });

  test("max-future-bookings counts bookings not yet ended", () => {
    const now = at("2026-07-06T12:00");
    const snapshot = {
      residentBookings: [
        mine("2026-07-06T09:00", "2026-07-06T10:00"),
        mine("2026-07-07T09:00", "2026-07-07T10:00"),
        mine("2026-07-08T09:00", "2026-07-08T10:00"),
      ],
    };
    const req = { start: at("2026-07-09T09:00"), end: at("2026-07-09T10:00") };
    expect(judge(futureBookingsCapKind, { max: 3 }, req, { now, snapshot })).toEqual([]);
    expect(codes(judge(futureBookingsCapKind, { max: 2 }, req, { now, snapshot }))).toEqual([
      "TOO_MANY_FUTURE_BOOKINGS",
    ]);
  });
});
