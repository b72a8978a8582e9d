import { describe, expect, test } from "vitest";
import { codes, judge, room, undocumentedParams } from "../../test/rule-harness";
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

describe("seasonal: the refusals, the open time of a window, the configuration", () => {
  const windowOf = (params: object, start: Date, end: Date, groups: string[] = []) =>
    seasonalKind.allowedIntervals!(seasonalKind.params.parse(params), {
      rule: { id: "s", kind: "seasonal", params: {}, targets: new Set(["room"]) },
      start,
      end,
      now: at("2026-01-01T00:00"),
      timeZone: "Asia/Shanghai",
      resource: room,
      actorKind: "resident",
      groups,
    });
  const winter = { periods: [{ from: "12-20", to: "01-05" }] };

  test("out of season names the booking and the periods, in both languages", () => {
    const [v] = judge(seasonalKind, holidays, {
      start: at("2026-09-01T09:00"),
      end: at("2026-09-01T11:00"),
      groups: ["student"],
    });
    expect(v).toEqual({
      code: "OUT_OF_SEASON",
      rule: "rule-under-test",
      params: { periods: ["01-20–02-20", "07-10–08-31"], from: "2026-09-01 09:00", to: "2026-09-01 11:00" },
      message: {
        "zh-CN": "2026-09-01 09:00 至 2026-09-01 11:00 不在开放期内（开放期：01-20–02-20, 07-10–08-31）",
        en: "2026-09-01 09:00 to 2026-09-01 11:00 is outside the open periods (01-20–02-20, 07-10–08-31)",
      },
    });
  });

  test("not eligible asks the resident to see the staff, in both languages; without groups too", () => {
    const [v] = judge(seasonalKind, holidays, {
      start: at("2026-07-11T09:00"),
      end: at("2026-07-11T11:00"),
      groups: ["elder"],
    });
    expect(v).toEqual({
      code: "NOT_ELIGIBLE",
      rule: "rule-under-test",
      params: {},
      message: {
        "zh-CN": "开放期内仅向符合条件的居民开放，请咨询社区工作人员",
        en: "In its season this is open to eligible residents only; please ask community staff",
      },
    });
    const unknown = judge(seasonalKind, holidays, {
      start: at("2026-07-11T09:00"),
      end: at("2026-07-11T11:00"),
      groups: undefined,
    });
    expect(codes(unknown)).toEqual(["NOT_ELIGIBLE"]);
  });

  test("the early days of a season that began the year before are in season", () => {
    expect(
      judge(seasonalKind, winter, { start: at("2027-01-03T09:00"), end: at("2027-01-03T10:00") }),
    ).toEqual([]);
    expect(
      codes(judge(seasonalKind, winter, { start: at("2027-01-06T09:00"), end: at("2027-01-06T10:00") })),
    ).toEqual(["OUT_OF_SEASON"]);
  });

  test("a yearly season of one day is that day only, every year", () => {
    const oneDay = { periods: [{ from: "07-01", to: "07-01" }] };
    expect(
      judge(seasonalKind, oneDay, { start: at("2026-07-01T09:00"), end: at("2026-07-01T10:00") }),
    ).toEqual([]);
    for (const day of ["2026-07-02", "2026-06-30", "2027-06-30"])
      expect(
        codes(judge(seasonalKind, oneDay, { start: at(`${day}T09:00`), end: at(`${day}T10:00`) })),
        day,
      ).toEqual(["OUT_OF_SEASON"]);
  });

  test("the open time of a window: the season's days within it, for the groups only", () => {
    const day = (d: string) => at(`${d}T00:00`);
    expect(windowOf(winter, day("2026-12-25"), day("2027-01-10"))).toEqual([
      { start: day("2026-12-25").getTime(), end: day("2027-01-06").getTime() },
    ]);
    expect(windowOf(winter, day("2027-01-01"), day("2027-01-10"))).toEqual([
      { start: day("2027-01-01").getTime(), end: day("2027-01-06").getTime() },
    ]);
    const forStudents = { ...winter, groups: ["student"] };
    expect(windowOf(forStudents, day("2027-01-01"), day("2027-01-10"), ["elder"])).toEqual([]);
    expect(windowOf(forStudents, day("2027-01-01"), day("2027-01-10"), ["elder", "student"])).toEqual([
      { start: day("2027-01-01").getTime(), end: day("2027-01-06").getTime() },
    ]);
  });

  test("a resident in any one of the season's groups may book, in the window and in the request", () => {
    const day = (d: string) => at(`${d}T00:00`);
    const forTwo = { ...winter, groups: ["student", "teacher"] };
    expect(windowOf(forTwo, day("2027-01-01"), day("2027-01-10"), ["teacher"])).toEqual([
      { start: day("2027-01-01").getTime(), end: day("2027-01-06").getTime() },
    ]);
    expect(
      judge(seasonalKind, forTwo, {
        start: at("2027-01-03T09:00"),
        end: at("2027-01-03T10:00"),
        groups: ["teacher"],
      }),
    ).toEqual([]);
  });

  test("every period is checked, at its own index", () => {
    const out: unknown[] = [];
    seasonalKind.check!(
      seasonalKind.params.parse({
        periods: [
          { from: "01-01", to: "01-02" },
          { from: "02-30", to: "03-01" },
        ],
      }),
      (...p) => out.push(p),
    );
    expect(out).toEqual([[["periods", 1, "from"], "INVALID_DATE", expect.anything()]]);
  });

  test("the configuration: at least one period, groups never empty", () => {
    expect(seasonalKind.params.safeParse({ periods: [] }).success).toBe(false);
    expect(
      seasonalKind.params.safeParse({ periods: [{ from: "01-01", to: "01-02" }], groups: [] }).success,
    ).toBe(false);
  });

  test("the kind's name, description and every parameter", () => {
    expect(seasonalKind.kind).toBe("seasonal");
    expect(seasonalKind.description).toEqual({
      "zh-CN": "季节性开放（如寒暑假期间仅对学生开放）",
      en: "Seasonal availability (e.g. students only in school holidays)",
    });
    expect(seasonalKind.reads).toEqual({ residentBookings: false, groups: true });
    expect(undocumentedParams(seasonalKind)).toEqual([]);
  });
});
