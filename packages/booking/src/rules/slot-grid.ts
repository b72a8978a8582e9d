import * as z from "zod";
import { violationAt } from "../local-time-label";
import { defineRuleKind } from "../rule-kind";
import { isOnSlotGrid } from "../slot-grid-points";

/** Parameters of `slot-grid`: bookings start and end on a grid of local times. */
export const slotGridParams = z.object({
  /** Grid step in minutes (15: 09:00, 09:15, …). */
  granularityMinutes: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .describe("Grid step in minutes (15: 09:00, 09:15, …)."),
  /**
   * The first grid point of each local day, in minutes after local midnight (10 with a
   * 30-minute grid: 00:10, 00:40, …, 09:10, 09:40; 480 with a 90-minute grid: 08:00, 09:30,
   * …, and nothing before 08:00). @default 0
   */
  offsetMinutes: z
    .number()
    .int()
    .min(0)
    .max(1439)
    .default(0)
    .describe(
      "The first grid point of each local day, in minutes after local midnight (10 with a 30-minute grid: 00:10, 00:40, …, 09:10, 09:40; 480 with a 90-minute grid: 08:00, 09:30, …, and nothing before 08:00).",
    ),
});

/**
 * `slot-grid`: a booking starts and ends on the grid of local wall times. On every local
 * date the grid is `00:00 + offsetMinutes + k × granularityMinutes` (k = 0, 1, …) before the
 * next local midnight; an instant is on it when its wall time in the community's zone is one
 * of these times. On a day when the clocks change the grid keeps its wall times: a grid time
 * in the skipped hour names no instant (nothing starts or ends there), one in the repeated
 * hour names two (both on the grid). Availability offers exactly the grid starts (see
 * `slotGridStarts`) that the booking rules accept, so the two agree on every day in every
 * zone.
 */
export const slotGridKind = defineRuleKind({
  kind: "slot-grid",
  description: { "zh-CN": "时段网格（粒度与对齐）", en: "Slot grid (granularity and alignment)" },
  params: slotGridParams,
  reads: { residentBookings: false, groups: false },
  grid: (params) => ({ granularityMinutes: params.granularityMinutes, offsetMinutes: params.offsetMinutes }),
  evaluate(params, cx) {
    const bad = [cx.request.start, cx.request.end].filter(
      (d) => !isOnSlotGrid(d.getTime(), params, cx.timeZone),
    );
    if (bad.length === 0) return [];
    return [
      violationAt(
        "OFF_GRID",
        cx.rule.id,
        {
          "zh-CN": "预约须按 {granularity} 分钟的时段开始和结束（{times} 不在时段边界上）",
          en: "Bookings start and end on the {granularity}-minute grid ({times} is off the grid)",
        },
        { granularity: params.granularityMinutes },
        { times: bad },
        cx.timeZone,
      ),
    ];
  },
});
