import { describe, expect, test } from "vitest";
import { codes, judge, undocumentedParams } from "../../test/rule-harness";
import { durationKind } from "./duration";

describe("duration", () => {
  const limits = { minMinutes: 30, maxMinutes: 120 };
  test("the bounds themselves are allowed", () => {
    expect(
      judge(durationKind, limits, {
        start: new Date("2026-07-06T01:00Z"),
        end: new Date("2026-07-06T01:30Z"),
      }),
    ).toEqual([]);
    expect(
      judge(durationKind, limits, {
        start: new Date("2026-07-06T01:00Z"),
        end: new Date("2026-07-06T03:00Z"),
      }),
    ).toEqual([]);
  });
  test("too short and too long", () => {
    expect(
      codes(
        judge(durationKind, limits, {
          start: new Date("2026-07-06T01:00Z"),
          end: new Date("2026-07-06T01:15Z"),
        }),
      ),
    ).toEqual(["TOO_SHORT"]);
    const long = judge(durationKind, limits, {
      start: new Date("2026-07-06T01:00Z"),
      end: new Date("2026-07-06T03:30Z"),
    });
    expect(codes(long)).toEqual(["TOO_LONG"]);
    expect(long[0]!.params).toEqual({ max: 120, minutes: 150 });
  });
  test("elapsed time across the Europe/London fall-back: 01:00–02:00 local on 2026-10-25 lasts two hours", () => {
    // 01:00 BST = 00:00Z; 02:00 GMT = 02:00Z.
    expect(
      codes(
        judge(
          durationKind,
          { maxMinutes: 60 },
          { start: new Date("2026-10-25T00:00Z"), end: new Date("2026-10-25T02:00Z") },
          { timeZone: "Europe/London" },
        ),
      ),
    ).toEqual(["TOO_LONG"]);
  });
});

describe("duration: the refusals, one bound alone, the configuration", () => {
  const from = (minutes: number) => ({
    start: new Date("2026-07-06T01:00Z"),
    end: new Date(new Date("2026-07-06T01:00Z").getTime() + minutes * 60_000),
  });

  test("too short and too long say the bound and the length asked, in both languages", () => {
    expect(judge(durationKind, { minMinutes: 30, maxMinutes: 120 }, from(15))).toEqual([
      {
        code: "TOO_SHORT",
        rule: "rule-under-test",
        params: { min: 30, minutes: 15 },
        message: {
          "zh-CN": "预约至少 30 分钟（申请 15 分钟）",
          en: "Bookings last at least 30 minutes (15 asked)",
        },
      },
    ]);
    expect(judge(durationKind, { minMinutes: 30, maxMinutes: 120 }, from(121))).toEqual([
      {
        code: "TOO_LONG",
        rule: "rule-under-test",
        params: { max: 120, minutes: 121 },
        message: {
          "zh-CN": "预约最长 120 分钟（申请 121 分钟）",
          en: "Bookings last at most 120 minutes (121 asked)",
        },
      },
    ]);
  });

  test("one minute short of the minimum is refused; a bound alone leaves the other side open", () => {
    expect(codes(judge(durationKind, { minMinutes: 30 }, from(29)))).toEqual(["TOO_SHORT"]);
    expect(judge(durationKind, { minMinutes: 30 }, from(100_000))).toEqual([]);
    expect(judge(durationKind, { maxMinutes: 30 }, from(1))).toEqual([]);
    expect(judge(durationKind, {}, from(100_000))).toEqual([]);
  });

  test("a minimum above the maximum is explained in both languages; equal bounds are fine", () => {
    const problems = (params: object) => {
      const out: unknown[] = [];
      durationKind.check!(durationKind.params.parse(params), (...p) => out.push(p));
      return out;
    };
    expect(problems({ minMinutes: 61, maxMinutes: 60 })).toEqual([
      [
        ["minMinutes"],
        "MIN_ABOVE_MAX",
        {
          "zh-CN": "最短时长 61 分钟超过最长时长 60 分钟：任何预约都会被拒绝",
          en: "The minimum of 61 minutes is above the maximum of 60: every booking would be refused",
        },
      ],
    ]);
    expect(problems({ minMinutes: 60, maxMinutes: 60 })).toEqual([]);
    expect(problems({ minMinutes: 60 })).toEqual([]);
    expect(problems({ maxMinutes: 60 })).toEqual([]);
  });

  test("the kind's name, description and every parameter", () => {
    expect(durationKind.kind).toBe("duration");
    expect(durationKind.description).toEqual({
      "zh-CN": "最短与最长时长",
      en: "Minimum and maximum duration",
    });
    expect(durationKind.reads).toEqual({ residentBookings: false, groups: false });
    expect(undocumentedParams(durationKind)).toEqual([]);
  });
});
