import type { LocalizedText } from "@linli/core";
import { describe, expect, test } from "vitest";
import type { AnyRuleKind } from "../rule-kind";
import { bookingWindowKind } from "./booking-window";
import { builtInRuleKinds } from "./built-in-rule-kinds";
import { closuresKind } from "./closures";
import { durationKind } from "./duration";
import { seasonalKind } from "./seasonal";

/** A rule kind's own check on params as written: the problems it reports, as [path, code, message]. */
function check(kind: AnyRuleKind, params: unknown): [string, string, LocalizedText][] {
  const out: [string, string, LocalizedText][] = [];
  kind.check?.(kind.params.parse(params), (path, code, message) => out.push([path.join("."), code, message]));
  return out;
}

const codes = (problems: [string, string, LocalizedText][]) => problems.map(([path, code]) => [path, code]);

describe("rule kinds' own checks", () => {
  test("duration: a minimum above the maximum", () => {
    expect(codes(check(durationKind, { minMinutes: 120, maxMinutes: 60 }))).toEqual([
      ["minMinutes", "MIN_ABOVE_MAX"],
    ]);
    expect(check(durationKind, { minMinutes: 60, maxMinutes: 60 })).toEqual([]);
    expect(check(durationKind, { minMinutes: 600 })).toEqual([]);
  });

  test("booking-window: a lead reaching past the window's end; a shorter one is fine", () => {
    expect(codes(check(bookingWindowKind, { minLeadMinutes: 2880, maxAdvanceDays: 1 }))).toEqual([
      ["minLeadMinutes", "LEAD_BEYOND_WINDOW"],
    ]);
    // Up to the end of tomorrow: with a lead of 47 hours, tomorrow's last hour is bookable just after midnight.
    expect(check(bookingWindowKind, { minLeadMinutes: 2820, maxAdvanceDays: 1 })).toEqual([]);
    expect(codes(check(bookingWindowKind, { minLeadMinutes: 1440, maxAdvanceDays: 0 }))).toEqual([
      ["minLeadMinutes", "LEAD_BEYOND_WINDOW"],
    ]);
    expect(check(bookingWindowKind, { minLeadMinutes: 100_000 })).toEqual([]);
  });

  test("closures: days that do not exist, and a closure ending before it starts", () => {
    const problems = check(closuresKind, {
      closures: [{ from: "2026-02-30" }, { from: "2026-10-07", to: "2026-10-01" }, { from: "2026-10-01" }],
    });
    expect(codes(problems)).toEqual([
      ["closures.0.from", "INVALID_DATE"],
      ["closures.1.to", "ENDS_BEFORE_START"],
    ]);
    expect(problems[0]![2]["zh-CN"]).toBe('日期 "2026-02-30" 不存在');
  });

  test("seasonal: impossible yearly days and dates; a yearly period may wrap the new year", () => {
    const problems = check(seasonalKind, {
      periods: [
        { from: "13-45", to: "02-28" },
        { from: "12-20", to: "01-05" },
        { from: "2027-01-20", to: "2026-02-10" },
        { from: "02-29", to: "03-01" },
      ],
    });
    expect(codes(problems)).toEqual([
      ["periods.0.from", "INVALID_DATE"],
      ["periods.2.to", "ENDS_BEFORE_START"],
    ]);
  });

  test("every message of every built-in kind's check is real Chinese and real English", () => {
    const contradictory: Record<string, unknown> = {
      duration: { minMinutes: 2, maxMinutes: 1 },
      "booking-window": { minLeadMinutes: 99_999, maxAdvanceDays: 0 },
      closures: { closures: [{ from: "2026-02-30" }, { from: "2026-03-02", to: "2026-03-01" }] },
      seasonal: {
        periods: [
          { from: "00-00", to: "2026-01-01" },
          { from: "2026-01-01", to: "01-02" },
        ],
      },
    };
    const checked = builtInRuleKinds.filter((k) => k.check);
    expect(checked.map((k) => k.kind).sort()).toEqual(Object.keys(contradictory).sort());
    for (const kind of checked) {
      const problems = check(kind, contradictory[kind.kind]);
      expect(problems.length, kind.kind).toBeGreaterThan(0);
      for (const [, , message] of problems) {
        expect(message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
        expect(message.en).toMatch(/^[\x20-\x7e]+$/);
      }
    }
  });
});
