import { violation } from "@linli/core";
import * as z from "zod";
import { OCCUPYING_STATUSES } from "../booking-models";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `max-future-bookings`. */
export const futureBookingsCapParams = z.object({
  /** At most this many bookings not yet ended, across the resources the rule applies to. */
  max: z
    .number()
    .int()
    .min(1)
    .describe("At most this many bookings not yet ended, across the resources the rule applies to."),
});

/** `max-future-bookings`: a cap on a resident's bookings that have not ended yet. */
export const futureBookingsCapKind = defineRuleKind({
  kind: "max-future-bookings",
  description: { "zh-CN": "未到期预约数量上限", en: "Cap on concurrent future bookings" },
  params: futureBookingsCapParams,
  reads: { residentBookings: true, groups: false },
  evaluate(params, cx) {
    const { request, snapshot, now, rule } = cx;
    if (!request.residentId) return [];
    const held = snapshot.residentBookings.filter(
      (b) =>
        b.residentId === request.residentId &&
        rule.targets.has(b.resourceId) &&
        OCCUPYING_STATUSES.includes(b.status) &&
        b.status !== "completed" &&
        b.end.getTime() > now.getTime(),
    ).length;
    if (held + 1 <= params.max) return [];
    return [
      violation(
        "TOO_MANY_FUTURE_BOOKINGS",
        rule.id,
        {
          "zh-CN": "同时最多保留 {max} 个未到期的预约，已有 {held} 个",
          en: "At most {max} upcoming bookings at a time; {held} already held",
        },
        { max: params.max, held },
      ),
    ];
  },
});
