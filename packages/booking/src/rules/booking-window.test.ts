import { describe, expect, test } from "vitest";
import { codes, judge, room, undocumentedParams } from "../../test/rule-harness";
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

describe("booking-window: the refusals, the open window, the configuration", () => {
  const now = at("2026-07-06T10:00");
  const windowOf = (params: object, start: Date, end: Date) =>
    bookingWindowKind.allowedIntervals!(bookingWindowKind.params.parse(params), {
      rule: { id: "w", kind: "booking-window", params: {}, targets: new Set(["room"]) },
      start,
      end,
      now,
      timeZone: "Asia/Shanghai",
      resource: room,
      actorKind: "resident",
      groups: [],
    });

  test("too soon says the lead and the earliest start, in both languages", () => {
    const [v] = judge(
      bookingWindowKind,
      { minLeadMinutes: 60 },
      { start: at("2026-07-06T10:30"), end: at("2026-07-06T11:30") },
      { now },
    );
    expect(v).toMatchObject({
      code: "TOO_SOON",
      rule: "rule-under-test",
      params: { lead: 60, earliest: "2026-07-06 11:00" },
      message: {
        "zh-CN": "须至少提前 60 分钟预约（最早可约 2026-07-06 11:00）",
        en: "Bookings are made at least 60 minutes ahead (earliest 2026-07-06 11:00)",
      },
    });
  });

  test("too far ahead says the days and the end of the window in Chinese too", () => {
    const [v] = judge(
      bookingWindowKind,
      { maxAdvanceDays: 0 },
      { start: at("2026-07-07T00:00"), end: at("2026-07-07T01:00") },
      { now },
    );
    expect(v).toMatchObject({
      code: "TOO_FAR_AHEAD",
      rule: "rule-under-test",
      params: { days: 0 },
      message: { "zh-CN": "最多可提前 0 天预约（截至 2026-07-07 00:00）" },
    });
  });

  test("without an advance limit, any start after the lead is fine; by default any future start", () => {
    const far = { start: at("2036-07-06T10:00"), end: at("2036-07-06T11:00") };
    expect(judge(bookingWindowKind, { minLeadMinutes: 60 }, far, { now })).toEqual([]);
    expect(judge(bookingWindowKind, {}, { start: now, end: at("2026-07-06T11:00") }, { now })).toEqual([]);
  });

  test("the open window: from the lead to the end of the last local day, clipped to the window asked", () => {
    const day = (d: string) => at(`2026-07-${d}T00:00`);
    const params = { minLeadMinutes: 90, maxAdvanceDays: 1 };
    expect(windowOf(params, day("06"), day("10"))).toEqual([
      { start: at("2026-07-06T11:30").getTime(), end: day("08").getTime() },
    ]);
    expect(windowOf(params, at("2026-07-06T12:00"), at("2026-07-06T13:00"))).toEqual([
      { start: at("2026-07-06T12:00").getTime(), end: at("2026-07-06T13:00").getTime() },
    ]);
    // Nothing opens when the window asked lies wholly before the lead or after the last day.
    expect(windowOf(params, day("06"), at("2026-07-06T11:30"))).toEqual([]);
    expect(windowOf(params, day("08"), day("09"))).toEqual([]);
    expect(windowOf({}, day("06"), day("09"))).toEqual([{ start: now.getTime(), end: day("09").getTime() }]);
  });

  test("the lead that leaves nothing to book is explained in both languages", () => {
    const out: unknown[] = [];
    bookingWindowKind.check!(
      bookingWindowKind.params.parse({ minLeadMinutes: 1440, maxAdvanceDays: 0 }),
      (...p) => out.push(p),
    );
    expect(out).toEqual([
      [
        ["minLeadMinutes"],
        "LEAD_BEYOND_WINDOW",
        {
          "zh-CN": "须提前 1440 分钟预约，超出了最多提前 0 天（至当天结束）的预约范围：没有任何时段可约",
          en: "A lead of 1440 minutes reaches past the advance window of 0 day(s), which ends with that day: nothing could be booked",
        },
      ],
    ]);
  });

  test("the kind describes itself and every parameter", () => {
    expect(bookingWindowKind.description).toEqual({
      "zh-CN": "提前量与可预约范围",
      en: "Lead time and advance window",
    });
    expect(bookingWindowKind.reads).toEqual({ residentBookings: false, groups: false });
    expect(undocumentedParams(bookingWindowKind)).toEqual([]);
  });
});

test("the kind's name, as configurations write it", () => {
  expect(bookingWindowKind.kind).toBe("booking-window");
});
