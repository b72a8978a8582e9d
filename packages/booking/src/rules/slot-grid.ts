import { localParts, violation } from "@linli/core";
import { z } from "zod";
import { localLabel } from "../local-time-label";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `slot-grid`: bookings start and end on a grid of local times. */
export const slotGridParams = z.object({
  /** Grid step in minutes (15: 09:00, 09:15, …). */
  granularityMinutes: z.number().int().min(1).max(1440),
  /** Offset of the grid from local midnight (10 with a 30-minute grid: 09:10, 09:40). @default 0 */
  offsetMinutes: z.number().int().min(0).max(1439).default(0),
});

/** `slot-grid`: start and end fall on the grid, in local time (so DST days keep the grid). */
export const slotGridKind = defineRuleKind({
  kind: "slot-grid",
  description: { "zh-CN": "时段网格（粒度与对齐）", en: "Slot grid (granularity and alignment)" },
  params: slotGridParams,
  grid: (params) => ({ granularityMinutes: params.granularityMinutes, offsetMinutes: params.offsetMinutes }),
  evaluate(params, cx) {
    const off = (d: Date) => {
      const p = localParts(d, cx.timeZone);
      const wholeMinute = d.getTime() % 60_000 === 0;
      return !wholeMinute || (p.minuteOfDay - params.offsetMinutes) % params.granularityMinutes !== 0;
    };
    const bad = [cx.request.start, cx.request.end].filter(off);
    if (bad.length === 0) return [];
    return [
      violation(
        "OFF_GRID",
        cx.rule.id,
        {
          "zh-CN": "预约须按 {granularity} 分钟的时段开始和结束（{times} 不在时段边界上）",
          en: "Bookings start and end on the {granularity}-minute grid ({times} is off the grid)",
        },
        { granularity: params.granularityMinutes, times: bad.map((d) => localLabel(d, cx.timeZone)) },
      ),
    ];
  },
});
