import * as z from "zod";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `cancellation-deadline`. */
export const cancellationDeadlineParams = z.object({
  /** Cancelling less than this many minutes before the start is late. */
  minutesBefore: z
    .number()
    .int()
    .min(0)
    .describe("Cancelling less than this many minutes before the start is late."),
  /** A late cancellation by a resident is allowed (not refundable) or refused. @default "allow" */
  late: z
    .enum(["allow", "refuse"])
    .default("allow")
    .describe("A late cancellation by a resident is allowed (not refundable) or refused."),
});

/**
 * `cancellation-deadline`: cancelling before the deadline is refundable; after it, the
 * cancellation is not refundable, or refused for residents when `late: "refuse"`.
 */
export const cancellationDeadlineKind = defineRuleKind({
  kind: "cancellation-deadline",
  description: { "zh-CN": "取消截止时间", en: "Cancellation deadline" },
  params: cancellationDeadlineParams,
  reads: { residentBookings: false, groups: false },
  evaluate: () => [],
  cancellation: (params, booking) => ({
    deadline: new Date(booking.start.getTime() - params.minutesBefore * 60_000),
    late: params.late,
  }),
});
