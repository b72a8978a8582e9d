import { peakLoad, violation } from "@linli/core";
import * as z from "zod";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `buffers`: turnover time before and after every booking. */
export const buffersParams = z.object({
  beforeMinutes: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe("Minutes kept free before each booking (set-up)."),
  afterMinutes: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe("Minutes kept free after each booking (cleaning, airing)."),
});

/**
 * `buffers`: turnover time (cleaning the drying machine, airing the training room). Each
 * booking occupies `[start − before, end + after)`; a request that fits without buffers but
 * not with them is refused by this rule, with the turnover named as the reason.
 */
export const buffersKind = defineRuleKind({
  kind: "buffers",
  description: { "zh-CN": "前后缓冲（整理时间）", en: "Buffers / turnover time" },
  params: buffersParams,
  reads: { residentBookings: false, groups: false },
  buffer: (params) => ({ beforeMinutes: params.beforeMinutes, afterMinutes: params.afterMinutes }),
  evaluate(params, cx) {
    const { request, snapshot, capacity, buffer } = cx;
    const zone = request.zoneId ?? null;
    const mine = snapshot.resourceBookings.filter(
      (b) => b.resourceId === request.resourceId && (zone === null || b.zoneId === zone),
    );
    const quantity = request.quantity ?? 1;
    const s = request.start.getTime();
    const e = request.end.getTime();
    const raw = peakLoad(
      mine.map((b) => ({ start: b.start.getTime(), end: b.end.getTime(), quantity: b.quantity })),
      s,
      e,
    );
    // Only the turnover is this rule's concern; a plain overlap is the capacity rule's.
    if (raw + quantity > capacity) return [];
    const blocked = peakLoad(
      mine.map((b) => ({
        start: (b.blockStart ?? b.start).getTime(),
        end: (b.blockEnd ?? b.end).getTime(),
        quantity: b.quantity,
      })),
      s - buffer.beforeMs,
      e + buffer.afterMs,
    );
    if (blocked + quantity <= capacity) return [];
    return [
      violation(
        "TURNOVER_CONFLICT",
        cx.rule.id,
        {
          "zh-CN": "前后须留出整理时间（之前 {before} 分钟，之后 {after} 分钟）",
          en: "Turnover time is needed around bookings ({before} min before, {after} min after)",
        },
        { before: params.beforeMinutes, after: params.afterMinutes },
      ),
    ];
  },
});
