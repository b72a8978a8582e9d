import { describe, expect, test } from "vitest";
import { desk, resident, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";

// A London drying room on a 30-minute grid offset by 10 minutes (00:10, 00:40, …), open around
// the clock, on both 2026 clock changes: what `availability` offers, `check` accepts, and the
// other way round.
const config = wangjialongConfig({
  timeZone: "Europe/London",
  booking: {
    rules: [
      { id: "dryer-hours", kind: "opening-hours", appliesTo: { resources: ["dryer-1"] }, alwaysOpen: true },
      {
        id: "dryer-grid",
        kind: "slot-grid",
        appliesTo: { resources: ["dryer-1"] },
        granularityMinutes: 30,
        offsetMinutes: 10,
      },
    ],
  },
});

async function londonDay(startOfDay: string, endOfDay: string) {
  const { community } = await wangjialong({ config, start: "2026-01-01T00:00:00Z" });
  const [dryer] = await community.booking.availability({
    actor: resident("wang"),
    resourceId: "dryer-1",
    start: new Date(startOfDay),
    end: new Date(endOfDay),
  });
  const offered = dryer!.slots.map((s) => s.start.toISOString());
  const check = (start: string, minutes = 30) =>
    community.booking.check({
      actor: desk,
      forResident: "wang",
      resourceId: "dryer-1",
      start: new Date(start),
      end: new Date(Date.parse(start) + minutes * 60_000),
    });
  return { community, offered, check };
}

describe("slot grid with an offset on DST days, through the booking API", () => {
  test("spring forward (2026-03-29): every offered slot is accepted, and the skipped 01:10/01:40 are not offered", async () => {
    const { offered, check } = await londonDay("2026-03-29T00:00:00Z", "2026-03-29T23:00:00Z");
    expect(offered).toHaveLength(46);
    expect(offered.slice(0, 3)).toEqual([
      "2026-03-29T00:10:00.000Z", // 00:10 GMT
      "2026-03-29T00:40:00.000Z", // 00:40 GMT
      "2026-03-29T01:10:00.000Z", // 02:10 BST
    ]);
    for (const start of offered) expect((await check(start)).violations).toEqual([]);
    // Off the grid: 01:00 BST does not exist, 02:00 BST is not a grid time.
    const off = await check("2026-03-29T01:00:00Z");
    expect(off.ok === false && off.violations.map((v) => v.params.times)).toEqual([
      ["2026-03-29 02:00", "2026-03-29 02:30"],
    ]);
  });

  test("fall back (2026-10-25): both 01:10s and both 01:40s are offered and accepted, and labelled apart when refused", async () => {
    const { offered, check, community } = await londonDay("2026-10-24T23:00:00Z", "2026-10-26T00:00:00Z");
    expect(offered).toHaveLength(50);
    expect(offered.slice(2, 6)).toEqual([
      "2026-10-25T00:10:00.000Z", // 01:10 BST
      "2026-10-25T00:40:00.000Z", // 01:40 BST
      "2026-10-25T01:10:00.000Z", // 01:10 GMT
      "2026-10-25T01:40:00.000Z", // 01:40 GMT
    ]);
    for (const start of offered) expect((await check(start)).violations).toEqual([]);
    const booked = await community.booking.book({
      actor: resident("wang"),
      resourceId: "dryer-1",
      start: new Date("2026-10-25T00:40:00Z"),
      end: new Date("2026-10-25T01:10:00Z"),
    });
    expect(booked.ok).toBe(true);
    const off = await check("2026-10-25T00:30:00Z", 60);
    const offGrid = off.violations.filter((v) => v.code === "OFF_GRID");
    expect(offGrid.map((v) => v.message["zh-CN"])).toEqual([
      "预约须按 30 分钟的时段开始和结束（2026-10-25 01:30（UTC+01:00）, 2026-10-25 01:30（UTC+00:00） 不在时段边界上）",
    ]);
  });
});
