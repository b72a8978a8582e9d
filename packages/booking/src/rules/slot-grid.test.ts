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
});
