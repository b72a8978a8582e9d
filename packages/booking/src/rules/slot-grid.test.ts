import { describe, expect, test } from "vitest";
import { codes, judge, undocumentedParams } from "../../test/rule-harness";
import { slotGridKind } from "./slot-grid";

const at = (local: string) => new Date(`${local}:00+08:00`);

describe("slot-grid", () => {
  test("starts and ends on a 30-minute grid; anything else names the off-grid times", () => {
    const grid = { granularityMinutes: 30 };
    expect(judge(slotGridKind, grid, { start: at("2026-07-06T09:00"), end: at("2026-07-06T10:30") })).toEqual(
      [],
    );
    const off = judge(slotGridKind, grid, { start: at("2026-07-06T09:10"), end: at("2026-07-06T10:30") });
    expect(codes(off)).toEqual(["OFF_GRID"]);
    expect(off[0]!.params.times).toEqual(["2026-07-06 09:10"]);
  });

  test("an offset grid: 09:10, 09:40", () => {
    const grid = { granularityMinutes: 30, offsetMinutes: 10 };
    expect(judge(slotGridKind, grid, { start: at("2026-07-06T09:10"), end: at("2026-07-06T09:40") })).toEqual(
      [],
    );
    expect(
      codes(judge(slotGridKind, grid, { start: at("2026-07-06T09:00"), end: at("2026-07-06T09:30") })),
    ).toEqual(["OFF_GRID"]);
  });

  test("across midnight the grid continues", () => {
    expect(
      judge(
        slotGridKind,
        { granularityMinutes: 60 },
        { start: at("2026-07-06T23:00"), end: at("2026-07-07T01:00") },
      ),
    ).toEqual([]);
  });

  test("a 45-minute grid stays on local wall time after the America/New_York spring-forward", () => {
    const tz = "America/New_York";
    // 2026-03-08 09:45 EDT = 13:45Z; elapsed time from local midnight would put the grid at 10:45.
    expect(
      judge(
        slotGridKind,
        { granularityMinutes: 45 },
        { start: new Date("2026-03-08T13:45:00Z"), end: new Date("2026-03-08T14:30:00Z") },
        { timeZone: tz },
      ),
    ).toEqual([]);
  });

  test("the offset is the day's first grid point: with 30 minutes and offset 40, 00:10 is off the grid", () => {
    const grid = { granularityMinutes: 30, offsetMinutes: 40 };
    const off = judge(slotGridKind, grid, { start: at("2026-07-06T00:10"), end: at("2026-07-06T00:40") });
    expect(off[0]!.params.times).toEqual(["2026-07-06 00:10"]);
    expect(judge(slotGridKind, grid, { start: at("2026-07-06T00:40"), end: at("2026-07-06T01:10") })).toEqual(
      [],
    );
  });

  test("an offset grid keeps its wall times on the Europe/London spring-forward day", () => {
    const london = { timeZone: "Europe/London" };
    const grid = { granularityMinutes: 30, offsetMinutes: 10 };
    // 00:40 GMT to 02:10 BST: 30 minutes, both ends on the grid (01:10 and 01:40 do not exist).
    expect(
      judge(
        slotGridKind,
        grid,
        { start: new Date("2026-03-29T00:40:00Z"), end: new Date("2026-03-29T01:10:00Z") },
        london,
      ),
    ).toEqual([]);
    // 02:40 BST to 03:10 BST.
    expect(
      judge(
        slotGridKind,
        grid,
        { start: new Date("2026-03-29T01:40:00Z"), end: new Date("2026-03-29T02:10:00Z") },
        london,
      ),
    ).toEqual([]);
  });

  test("in the repeated hour of the Europe/London fall-back both instants are on the grid, and refusals tell them apart", () => {
    const london = { timeZone: "Europe/London" };
    const first = new Date("2026-10-25T00:30:00Z"); // 01:30 BST
    const second = new Date("2026-10-25T01:30:00Z"); // 01:30 GMT
    expect(judge(slotGridKind, { granularityMinutes: 30 }, { start: first, end: second }, london)).toEqual(
      [],
    );
    const off = judge(slotGridKind, { granularityMinutes: 60 }, { start: first, end: second }, london);
    expect(off[0]!.params.times).toEqual(["2026-10-25 01:30 (UTC+01:00)", "2026-10-25 01:30 (UTC+00:00)"]);
    expect(off[0]!.message.en).toBe(
      "Bookings start and end on the 60-minute grid (2026-10-25 01:30 (UTC+01:00), 2026-10-25 01:30 (UTC+00:00) is off the grid)",
    );
    expect(off[0]!.message["zh-CN"]).toBe(
      "预约须按 60 分钟的时段开始和结束（2026-10-25 01:30（UTC+01:00）, 2026-10-25 01:30（UTC+00:00） 不在时段边界上）",
    );
  });
});

describe("slot-grid: the refusal, the grid offered, the configuration", () => {
  test("an end off the grid is named alone, with the refusal in both languages", () => {
    const [v] = judge(
      slotGridKind,
      { granularityMinutes: 30 },
      { start: at("2026-07-06T09:00"), end: at("2026-07-06T10:20") },
    );
    expect(v).toEqual({
      code: "OFF_GRID",
      rule: "rule-under-test",
      params: { granularity: 30, times: ["2026-07-06 10:20"] },
      message: {
        "zh-CN": "预约须按 30 分钟的时段开始和结束（2026-07-06 10:20 不在时段边界上）",
        en: "Bookings start and end on the 30-minute grid (2026-07-06 10:20 is off the grid)",
      },
    });
  });

  test("availability's grid is the rule's, the offset 0 by default", () => {
    const grid = (params: object) => slotGridKind.grid!(slotGridKind.params.parse(params));
    expect(grid({ granularityMinutes: 15 })).toEqual({ granularityMinutes: 15, offsetMinutes: 0 });
    expect(grid({ granularityMinutes: 90, offsetMinutes: 480 })).toEqual({
      granularityMinutes: 90,
      offsetMinutes: 480,
    });
  });

  test("the configuration: a step of 1 to 1440 whole minutes, an offset within the day", () => {
    const ok = (params: object) => slotGridKind.params.safeParse(params).success;
    expect([1, 1440].map((g) => ok({ granularityMinutes: g }))).toEqual([true, true]);
    expect([0, 1441, 1.5].map((g) => ok({ granularityMinutes: g }))).toEqual([false, false, false]);
    expect([0, 1439].map((o) => ok({ granularityMinutes: 30, offsetMinutes: o }))).toEqual([true, true]);
    expect([-1, 1440, 0.5].map((o) => ok({ granularityMinutes: 30, offsetMinutes: o }))).toEqual([
      false,
      false,
      false,
    ]);
  });

  test("the kind's name, description and every parameter", () => {
    expect(slotGridKind.kind).toBe("slot-grid");
    expect(slotGridKind.description).toEqual({
      "zh-CN": "时段网格（粒度与对齐）",
      en: "Slot grid (granularity and alignment)",
    });
    expect(slotGridKind.reads).toEqual({ residentBookings: false, groups: false });
    expect(undocumentedParams(slotGridKind)).toEqual([]);
  });
});
