import { describe, expect, test } from "vitest";
import { codes, judge } from "../../test/rule-harness";
import { seasonalKind } from "./seasonal";

const at = (local: string) => new Date(`${local}:00+08:00`);
const holidays = {
  periods: [
    { from: "01-20", to: "02-20" },
    { from: "07-10", to: "08-31" },
  ],
  groups: ["student"],
};

describe("seasonal", () => {
  test("students book in the summer holiday; the last day is included", () => {
    expect(
      judge(seasonalKind, holidays, {
        start: at("2026-08-31T09:00"),
        end: at("2026-08-31T11:00"),
        groups: ["student"],
      }),
    ).toEqual([]);
  });
  test("outside the holidays the room is closed, for students too", () => {
    const v = judge(seasonalKind, holidays, {
      start: at("2026-09-01T09:00"),
      end: at("2026-09-01T11:00"),
      groups: ["student"],
    });
    expect(codes(v)).toEqual(["OUT_OF_SEASON"]);
  });
  test("in the holidays, non-students are refused; both reasons when both apply", () => {
    expect(
      codes(judge(seasonalKind, holidays, { start: at("2026-07-11T09:00"), end: at("2026-07-11T11:00") })),
    ).toEqual(["NOT_ELIGIBLE"]);
    expect(
      codes(judge(seasonalKind, holidays, { start: at("2026-06-11T09:00"), end: at("2026-06-11T11:00") })),
    ).toEqual(["OUT_OF_SEASON", "NOT_ELIGIBLE"]);
  });
  test("a period wrapping the new year, and a fixed-year period", () => {
    const winter = {
      periods: [
        { from: "12-20", to: "01-05" },
        { from: "2027-04-01", to: "2027-04-03" },
      ],
    };
    expect(
      judge(seasonalKind, winter, { start: at("2026-12-31T23:00"), end: at("2027-01-01T01:00") }),
    ).toEqual([]);
    expect(
      judge(seasonalKind, winter, { start: at("2027-04-03T09:00"), end: at("2027-04-03T10:00") }),
    ).toEqual([]);
    expect(
      codes(judge(seasonalKind, winter, { start: at("2028-04-03T09:00"), end: at("2028-04-03T10:00") })),
    ).toEqual(["OUT_OF_SEASON"]);
  });
  test("a season ending on 02-29 ends on the leap day in leap years and with February otherwise", () => {
    const feb = { periods: [{ from: "02-01", to: "02-29" }] };
    expect(judge(seasonalKind, feb, { start: at("2028-02-29T09:00"), end: at("2028-02-29T10:00") })).toEqual(
      [],
    );
    expect(
      codes(judge(seasonalKind, feb, { start: at("2028-03-01T09:00"), end: at("2028-03-01T10:00") })),
    ).toEqual(["OUT_OF_SEASON"]);
    expect(judge(seasonalKind, feb, { start: at("2027-02-28T09:00"), end: at("2027-02-28T10:00") })).toEqual(
      [],
    );
    expect(
      codes(judge(seasonalKind, feb, { start: at("2027-03-01T09:00"), end: at("2027-03-01T10:00") })),
    ).toEqual(["OUT_OF_SEASON"]);
  });
});
