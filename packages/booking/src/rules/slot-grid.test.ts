import { describe, expect, test } from "vitest";
import { codes, judge } from "../../test/rule-harness";
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
