import type { SimulationResult } from "../simulate/run-simulation";
import { Tally } from "../simulate/tally";

/** A small hand-made simulation result for report tests (no simulation needed). */
export function sampleResult(): SimulationResult {
  const tally = new Tally(
    [
      { id: "drying-room", capacity: 4 },
      { id: "gym", capacity: 30 },
    ],
    3,
  );
  for (let i = 0; i < 20; i++) {
    tally.requested("drying-room");
    tally.confirmed("drying-room", i % 3, 8 * 60 + i * 30, 60, 1);
  }
  tally.requested("gym");
  tally.refused("gym", ["MEMBERSHIP_REQUIRED"], "none");
  tally.requested("drying-room");
  tally.refused("drying-room", ["QUOTA_EXCEEDED", "CAPACITY_FULL"], "hardship");
  tally.priced(null, 1500, 0);
  tally.priced("hardship", 0, 300);
  tally.volunteerLoads([
    {
      volunteerId: "pioneer-02",
      name: "李秀英",
      taskMinutes: 90,
      shiftMinutes: 300,
      tasks: 2,
      shifts: 2,
      noShows: 0,
    },
    {
      volunteerId: "pioneer-01",
      name: "王建国",
      taskMinutes: 0,
      shiftMinutes: 150,
      tasks: 0,
      shifts: 1,
      noShows: 1,
    },
  ]);
  return {
    community: { id: "wangjialong", name: { "zh-CN": "王家垅社区", en: "Wangjialong <Community>" } },
    currency: "CNY",
    timeZone: "Asia/Shanghai",
    start: "2026-07-01",
    days: 3,
    seed: 7,
    resourceNames: { "drying-room": "Shared drying room", gym: "Smart gym" },
    groupNames: { hardship: "Household in difficulty" },
    tally: tally.data(),
    db: null,
  };
}
