import { localDate, localMonthStart, localWeekStart, violation } from "@linli/core";
import * as z from "zod";
import { OCCUPYING_STATUSES } from "../booking-models";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `quota`: how much one resident may book per local day, week or month. */
export const quotaParams = z.object({
  period: z
    .enum(["day", "week", "month"])
    .describe("The local calendar period counted: a day, a week (Monday to Sunday) or a month."),
  /** Count bookings, or minutes booked. @default "bookings" */
  unit: z.enum(["bookings", "minutes"]).default("bookings").describe("Count bookings, or minutes booked."),
  max: z
    .number()
    .int()
    .min(0)
    .describe('Most bookings (or minutes booked, with `unit: "minutes"`) a resident may have in one period.'),
  /**
   * `targets`: one quota shared by every resource the rule applies to (two uses of the
   * drying room's machines a day, whichever machine); `resource`: a quota per resource.
   * @default "targets"
   */
  scope: z
    .enum(["targets", "resource"])
    .default("targets")
    .describe(
      "`targets`: one quota shared by every resource the rule applies to (two uses of the drying room's machines a day, whichever machine); `resource`: a quota per resource.",
    ),
});

const PERIOD_TEXT = {
  day: { zh: "每天", en: "per day" },
  week: { zh: "每周", en: "per week" },
  month: { zh: "每月", en: "per month" },
} as const;

/**
 * `quota`: per resident per local day / ISO week / month, in bookings or minutes, across one
 * resource or the whole group the rule applies to. Periods are local, so "per day" is the
 * community's day.
 */
export const quotaKind = defineRuleKind({
  kind: "quota",
  description: {
    "zh-CN": "每位居民每天/每周/每月的预约次数或分钟数上限",
    en: "Quota per resident per day/week/month, in bookings or minutes",
  },
  params: quotaParams,
  reads: { residentBookings: true, groups: false },
  evaluate(params, cx) {
    const { request, snapshot, timeZone, rule } = cx;
    if (!request.residentId) return [];
    const periodOf = (d: Date) =>
      params.period === "day"
        ? localDate(d, timeZone)
        : params.period === "week"
          ? localWeekStart(d, timeZone)
          : localMonthStart(d, timeZone);
    const period = periodOf(request.start);
    const inScope = (resourceId: string) =>
      params.scope === "resource" ? resourceId === request.resourceId : rule.targets.has(resourceId);
    const size = (start: Date, end: Date, quantity: number) =>
      params.unit === "bookings" ? 1 : ((end.getTime() - start.getTime()) / 60_000) * quantity;
    let used = 0;
    for (const b of snapshot.residentBookings) {
      if (b.residentId !== request.residentId || !OCCUPYING_STATUSES.includes(b.status)) continue;
      if (!inScope(b.resourceId) || periodOf(b.start) !== period) continue;
      used += size(b.start, b.end, b.quantity);
    }
    const asked = size(request.start, request.end, request.quantity ?? 1);
    if (used + asked <= params.max) return [];
    const text = PERIOD_TEXT[params.period];
    return [
      violation(
        "QUOTA_EXCEEDED",
        rule.id,
        params.unit === "bookings"
          ? {
              "zh-CN": "{periodZh}最多预约 {max} 次，已预约 {used} 次",
              en: "At most {max} bookings {periodEn}; {used} already booked",
            }
          : {
              "zh-CN": "{periodZh}最多预约 {max} 分钟，已预约 {used} 分钟，本次 {asked} 分钟",
              en: "At most {max} minutes {periodEn}; {used} already booked, {asked} asked",
            },
        {
          periodZh: text.zh,
          periodEn: text.en,
          period: params.period,
          unit: params.unit,
          max: params.max,
          used,
          asked,
        },
      ),
    ];
  },
});
