import { addLocalDays, localizedTextSchema, startOfLocalDay, violation } from "@linli/core";
import * as z from "zod";
import { type Interval, intersectIntervals, normalizeIntervals, subtractIntervals } from "../interval";
import { checkDayRange, dateSchema } from "../day-formats";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `closures`: closed dates and holidays (whole local days, inclusive). */
export const closuresParams = z.object({
  closures: z
    .array(
      z.object({
        from: dateSchema.describe("First closed day."),
        /** Last closed day, inclusive. @default from */
        to: dateSchema.optional().describe("Last closed day, inclusive."),
        /** Why (read out to residents): "Spring Festival", "maintenance". */
        reason: localizedTextSchema
          .optional()
          .describe('Why (read out to residents): "Spring Festival", "maintenance".'),
      }),
    )
    .min(1)
    .describe("Closed periods of whole local days."),
});

type Params = z.output<typeof closuresParams>;

function closedIntervals(params: Params, timeZone: string): (Interval & { index: number })[] {
  return params.closures.map((c, index) => ({
    start: startOfLocalDay(c.from, timeZone).getTime(),
    end: startOfLocalDay(addLocalDays(c.to ?? c.from, 1), timeZone).getTime(),
    index,
  }));
}

/** `closures`: no booking touches a closed day or holiday. */
export const closuresKind = defineRuleKind({
  kind: "closures",
  description: { "zh-CN": "闭馆日与节假日", en: "Closure days and holidays" },
  params: closuresParams,
  reads: { residentBookings: false, groups: false },
  check(params, report) {
    for (const [i, closure] of params.closures.entries()) checkDayRange(closure, ["closures", i], report);
  },
  allowedIntervals(params, cx) {
    const window = [{ start: cx.start.getTime(), end: cx.end.getTime() }];
    return intersectIntervals(
      window,
      subtractIntervals(window, normalizeIntervals(closedIntervals(params, cx.timeZone))),
    );
  },
  evaluate(params, cx) {
    const s = cx.request.start.getTime();
    const e = cx.request.end.getTime();
    return closedIntervals(params, cx.timeZone)
      .filter((c) => c.start < e && c.end > s)
      .map((c) => {
        const closure = params.closures[c.index]!;
        return violation(
          "CLOSED",
          cx.rule.id,
          {
            "zh-CN": "{from} 至 {to} 闭馆（{reasonZh}）",
            en: "Closed from {from} to {to} ({reasonEn})",
          },
          {
            from: closure.from,
            to: closure.to ?? closure.from,
            reasonZh: closure.reason?.["zh-CN"] ?? "闭馆",
            reasonEn: closure.reason?.en ?? "closed",
          },
        );
      });
  },
});
