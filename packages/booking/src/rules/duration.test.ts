import { describe, expect, test } from "vitest";
import { codes, judge } from "../../test/rule-harness";
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
