import { addLocalDays, localDate, startOfLocalDay } from "@linli/core";
import * as z from "zod";
import type { Interval } from "../interval";
import { violationAt } from "../local-time-label";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `booking-window`: lead time and how far ahead bookings open. */
export const bookingWindowParams = z.object({
  /** Minutes between now and the start at least (0: any future start). @default 0 */
  minLeadMinutes: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe("Minutes between now and the start at least (0: any future start)."),
  /** Bookable up to the end of the local day `maxAdvanceDays` after today. Unlimited when absent. */
  maxAdvanceDays: z
    .number()
    .int()
    .min(0)
    .optional()
    .describe("Bookable up to the end of the local day `maxAdvanceDays` after today. Unlimited when absent."),
});

type Params = z.output<typeof bookingWindowParams>;

function bounds(params: Params, now: Date, timeZone: string): { earliest: number; latest: number } {
  const earliest = now.getTime() + params.minLeadMinutes * 60_000;
  const latest =
    params.maxAdvanceDays === undefined
      ? Number.POSITIVE_INFINITY
      : startOfLocalDay(
          addLocalDays(localDate(now, timeZone), params.maxAdvanceDays + 1),
          timeZone,
        ).getTime();
  return { earliest, latest };
}

/**
 * `booking-window`: a start no sooner than the lead time, and no later than the advance
 * window (counted in local days: "up to 7 days ahead" ends at local midnight).
 */
export const bookingWindowKind = defineRuleKind({
  kind: "booking-window",
  description: { "zh-CN": "提前量与可预约范围", en: "Lead time and advance window" },
  params: bookingWindowParams,
  reads: { residentBookings: false, groups: false },
  check(params, report) {
    if (params.maxAdvanceDays === undefined) return;
    // The window ends at the local midnight after day `maxAdvanceDays`: at most this many
    // minutes after now, so a lead at least as long leaves nothing to book.
    const windowMinutes = (params.maxAdvanceDays + 1) * 1440;
    if (params.minLeadMinutes >= windowMinutes) {
      report(["minLeadMinutes"], "LEAD_BEYOND_WINDOW", {
        "zh-CN": `须提前 ${params.minLeadMinutes} 分钟预约，超出了最多提前 ${params.maxAdvanceDays} 天（至当天结束）的预约范围：没有任何时段可约`,
        en: `A lead of ${params.minLeadMinutes} minutes reaches past the advance window of ${params.maxAdvanceDays} day(s), which ends with that day: nothing could be booked`,
      });
    }
  },
  allowedIntervals(params, cx): Interval[] {
    const { earliest, latest } = bounds(params, cx.now, cx.timeZone);
    // A booking may run past `latest` as long as it starts before; availability offers only
    // slots lying wholly inside the window, which is never more than `evaluate` allows.
    const start = Math.max(cx.start.getTime(), earliest);
    const end = Math.min(cx.end.getTime(), latest);
    return start < end ? [{ start, end }] : [];
  },
  evaluate(params, cx) {
    const { earliest, latest } = bounds(params, cx.now, cx.timeZone);
    const s = cx.request.start.getTime();
    if (s < earliest) {
      return [
        violationAt(
          "TOO_SOON",
          cx.rule.id,
          {
            "zh-CN": "须至少提前 {lead} 分钟预约（最早可约 {earliest}）",
            en: "Bookings are made at least {lead} minutes ahead (earliest {earliest})",
          },
          { lead: params.minLeadMinutes },
          { earliest: new Date(earliest) },
          cx.timeZone,
        ),
      ];
    }
    if (s >= latest) {
      return [
        violationAt(
          "TOO_FAR_AHEAD",
          cx.rule.id,
          {
            "zh-CN": "最多可提前 {days} 天预约（截至 {latest}）",
            en: "Bookings open at most {days} days ahead (until {latest})",
          },
          { days: params.maxAdvanceDays },
          { latest: new Date(latest) },
          cx.timeZone,
        ),
      ];
    }
    return [];
  },
});
