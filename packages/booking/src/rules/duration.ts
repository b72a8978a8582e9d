import { violation } from "@linli/core";
import * as z from "zod";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `duration`: the shortest and longest booking, in elapsed minutes. */
export const durationParams = z.object({
  minMinutes: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Shortest booking, in minutes; no minimum when absent."),
  maxMinutes: z
    .number()
    .int()
    .positive()
    .optional()
    .describe("Longest booking, in minutes; no maximum when absent."),
});

/**
 * `duration`: minimum and maximum length. Length is elapsed time, so a booking across a DST
 * change is as long as it really lasts.
 */
export const durationKind = defineRuleKind({
  kind: "duration",
  description: { "zh-CN": "最短与最长时长", en: "Minimum and maximum duration" },
  params: durationParams,
  reads: { residentBookings: false, groups: false },
  check(params, report) {
    const { minMinutes, maxMinutes } = params;
    if (minMinutes !== undefined && maxMinutes !== undefined && minMinutes > maxMinutes) {
      report(["minMinutes"], "MIN_ABOVE_MAX", {
        "zh-CN": `最短时长 ${minMinutes} 分钟超过最长时长 ${maxMinutes} 分钟：任何预约都会被拒绝`,
        en: `The minimum of ${minMinutes} minutes is above the maximum of ${maxMinutes}: every booking would be refused`,
      });
    }
  },
  evaluate(params, cx) {
    const minutes = (cx.request.end.getTime() - cx.request.start.getTime()) / 60_000;
    if (params.minMinutes !== undefined && minutes < params.minMinutes) {
      return [
        violation(
          "TOO_SHORT",
          cx.rule.id,
          {
            "zh-CN": "预约至少 {min} 分钟（申请 {minutes} 分钟）",
            en: "Bookings last at least {min} minutes ({minutes} asked)",
          },
          { min: params.minMinutes, minutes },
        ),
      ];
    }
    if (params.maxMinutes !== undefined && minutes > params.maxMinutes) {
      return [
        violation(
          "TOO_LONG",
          cx.rule.id,
          {
            "zh-CN": "预约最长 {max} 分钟（申请 {minutes} 分钟）",
            en: "Bookings last at most {max} minutes ({minutes} asked)",
          },
          { max: params.maxMinutes, minutes },
        ),
      ];
    }
    return [];
  },
});
