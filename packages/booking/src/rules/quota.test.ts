import { describe, expect, test } from "vitest";
import { codes, undocumentedParams, existing, judge } from "../../test/rule-harness";
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

describe("quota: what is counted, and what the refusal says", () => {
  const monday = { start: at("2026-07-06T09:00"), end: at("2026-07-06T10:00") };

  test("a booking for no resident is never counted against anyone, even with a quota of 0", () => {
    expect(judge(quotaKind, { period: "day", max: 0 }, { ...monday, residentId: null })).toEqual([]);
    expect(codes(judge(quotaKind, { period: "day", max: 0 }, monday))).toEqual(["QUOTA_EXCEEDED"]);
  });

  test("only this resident's bookings on the rule's resources count", () => {
    const snapshot = {
      residentBookings: [
        existing(at("2026-07-06T11:00"), at("2026-07-06T12:00"), { residentId: "r2" }),
        existing(at("2026-07-06T12:00"), at("2026-07-06T13:00"), { resourceId: "gym" }),
        existing(at("2026-07-06T13:00"), at("2026-07-06T14:00"), { status: "pending-approval" }),
      ],
    };
    // Only the pending booking of r1 on the room counts: 1 + 1 fits a quota of 2, not of 1.
    expect(judge(quotaKind, { period: "day", max: 2 }, monday, { snapshot })).toEqual([]);
    const over = judge(quotaKind, { period: "day", max: 1 }, monday, { snapshot });
    expect(over[0]!.params).toMatchObject({ used: 1, asked: 1 });
  });

  test("in minutes, a booking of several units counts its minutes times its units", () => {
    const snapshot = {
      residentBookings: [existing(at("2026-07-06T07:00"), at("2026-07-06T07:30"), { quantity: 2 })],
    };
    const rule = { period: "day", unit: "minutes", max: 180 };
    expect(judge(quotaKind, rule, { ...monday, quantity: 2 }, { snapshot })).toEqual([]);
    const over = judge(quotaKind, rule, { ...monday, quantity: 3 }, { snapshot });
    expect(over[0]!.params).toMatchObject({ used: 60, asked: 180 });
    // Without a quantity, the request is for one unit.
    expect(judge(quotaKind, { ...rule, max: 120 }, { ...monday, quantity: undefined }, { snapshot })).toEqual(
      [],
    );
    expect(
      codes(judge(quotaKind, { ...rule, max: 119 }, { ...monday, quantity: undefined }, { snapshot })),
    ).toEqual(["QUOTA_EXCEEDED"]);
  });

  test("the refusal names the period, the limit and the use, in both languages", () => {
    const snapshot = { residentBookings: [existing(at("2026-07-06T07:00"), at("2026-07-06T08:00"))] };
    const refuse = (params: object) => judge(quotaKind, params, monday, { snapshot })[0];
    expect(refuse({ period: "day", max: 1 })).toEqual({
      code: "QUOTA_EXCEEDED",
      rule: "rule-under-test",
      params: {
        periodZh: "每天",
        periodEn: "per day",
        period: "day",
        unit: "bookings",
        max: 1,
        used: 1,
        asked: 1,
      },
      message: {
        "zh-CN": "每天最多预约 1 次，已预约 1 次",
        en: "At most 1 bookings per day; 1 already booked",
      },
    });
    expect(refuse({ period: "week", max: 1 })!.message).toEqual({
      "zh-CN": "每周最多预约 1 次，已预约 1 次",
      en: "At most 1 bookings per week; 1 already booked",
    });
    expect(refuse({ period: "month", unit: "minutes", max: 90 })).toMatchObject({
      params: { periodZh: "每月", periodEn: "per month", period: "month", unit: "minutes" },
      message: {
        "zh-CN": "每月最多预约 90 分钟，已预约 60 分钟，本次 60 分钟",
        en: "At most 90 minutes per month; 60 already booked, 60 asked",
      },
    });
  });

  test("the rule kind describes itself and reads the resident's bookings", () => {
    expect(quotaKind.description).toEqual({
      "zh-CN": "每位居民每天/每周/每月的预约次数或分钟数上限",
      en: "Quota per resident per day/week/month, in bookings or minutes",
    });
    expect(quotaKind.reads).toEqual({ residentBookings: true, groups: false });
    expect(quotaKind.params.parse({ period: "day", max: 1 })).toEqual({
      period: "day",
      unit: "bookings",
      max: 1,
      scope: "targets",
    });
  });
});

describe("max-future-bookings: what is held", () => {
  const now = at("2026-07-06T12:00");
  const req = { start: at("2026-07-09T09:00"), end: at("2026-07-09T10:00") };

  test("only this resident's bookings on the rule's resources, occupying and not yet ended", () => {
    const snapshot = {
      residentBookings: [
        existing(at("2026-07-07T09:00"), at("2026-07-07T10:00"), { residentId: "r2" }),
        existing(at("2026-07-07T09:00"), at("2026-07-07T10:00"), { resourceId: "gym" }),
        existing(at("2026-07-07T09:00"), at("2026-07-07T10:00"), { status: "cancelled" }),
        existing(at("2026-07-06T11:00"), at("2026-07-06T13:00"), { status: "completed" }),
        existing(at("2026-07-06T11:00"), at("2026-07-06T12:00")), // ended exactly now
      ],
    };
    expect(judge(futureBookingsCapKind, { max: 1 }, req, { now, snapshot })).toEqual([]);
    const held = { residentBookings: [existing(at("2026-07-06T11:00"), new Date(now.getTime() + 1000))] };
    expect(codes(judge(futureBookingsCapKind, { max: 1 }, req, { now, snapshot: held }))).toEqual([
      "TOO_MANY_FUTURE_BOOKINGS",
    ]);
  });

  test("a booking for no resident is never capped, whatever the snapshot holds", () => {
    const snapshot = {
      residentBookings: [existing(at("2026-07-07T09:00"), at("2026-07-07T10:00"), { residentId: null })],
    };
    expect(judge(futureBookingsCapKind, { max: 1 }, { ...req, residentId: null }, { now, snapshot })).toEqual(
      [],
    );
  });

  test("the refusal says the cap and how many are held, in both languages", () => {
    const snapshot = { residentBookings: [existing(at("2026-07-07T09:00"), at("2026-07-07T10:00"))] };
    expect(judge(futureBookingsCapKind, { max: 1 }, req, { now, snapshot })).toEqual([
      {
        code: "TOO_MANY_FUTURE_BOOKINGS",
        rule: "rule-under-test",
        params: { max: 1, held: 1 },
        message: {
          "zh-CN": "同时最多保留 1 个未到期的预约，已有 1 个",
          en: "At most 1 upcoming bookings at a time; 1 already held",
        },
      },
    ]);
    expect(futureBookingsCapKind.description).toEqual({
      "zh-CN": "未到期预约数量上限",
      en: "Cap on concurrent future bookings",
    });
    expect(futureBookingsCapKind.reads).toEqual({ residentBookings: true, groups: false });
  });
});

test("quota and max-future-bookings: every parameter is documented for whoever writes the configuration", () => {
  for (const kind of [quotaKind, futureBookingsCapKind])
    expect(undocumentedParams(kind), kind.kind).toEqual([]);
});

test("the kinds' names, as configurations write them, and every value of quota's options", () => {
  expect([quotaKind.kind, futureBookingsCapKind.kind]).toEqual(["quota", "max-future-bookings"]);
  const explicit = { period: "week", unit: "bookings", max: 1, scope: "targets" };
  expect(quotaKind.params.parse(explicit)).toEqual(explicit);
  const other = { period: "month", unit: "minutes", max: 1, scope: "resource" };
  expect(quotaKind.params.parse(other)).toEqual(other);
});

test("quota per resource counts the resident's bookings of the resource asked for", () => {
  const snapshot = {
    residentBookings: [existing(at("2028-02-02T09:00"), at("2028-02-02T10:00"), { resourceId: "dryer-1" })],
  };
  const req = { resourceId: "dryer-1", start: at("2028-02-01T09:00"), end: at("2028-02-01T10:00") };
  expect(
    codes(
      judge(quotaKind, { period: "month", max: 1, scope: "resource" }, req, {
        targets: ["dryer-1", "dryer-2"],
        snapshot,
      }),
    ),
  ).toEqual(["QUOTA_EXCEEDED"]);
});
