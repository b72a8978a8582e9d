import { peakLoad, violation } from "@linli/core";
import * as z from "zod";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `capacity`: units usable at once, below the resource's own capacity. */
export const capacityParams = z.object({
  /** At most this many units at any instant (the gym allows 20 at once). Resource capacity when absent. */
  maxPerSlot: z
    .number()
    .int()
    .positive()
    .optional()
    .describe(
      "At most this many units at any instant (the gym allows 20 at once). Resource capacity when absent.",
    ),
});

/**
 * `capacity`: the units in use at every instant of the booking, plus the units asked for,
 * stay within capacity. Every resource has this rule implicitly (id `capacity`); configure it
 * to cap a resource below its physical capacity. The storage's atomic reserve enforces the
 * same limit under concurrency.
 */
export const capacityKind = defineRuleKind({
  kind: "capacity",
  description: { "zh-CN": "每个时段的容量", en: "Capacity per slot" },
  params: capacityParams,
  reads: { residentBookings: false, groups: false },
  capacity: (params) => params.maxPerSlot ?? Number.POSITIVE_INFINITY,
  evaluate(_params, cx) {
    const { request, snapshot, capacity } = cx;
    const zone = request.zoneId ?? null;
    const loads = snapshot.resourceBookings
      .filter((b) => b.resourceId === request.resourceId && (zone === null || b.zoneId === zone))
      .map((b) => ({ start: b.start.getTime(), end: b.end.getTime(), quantity: b.quantity }));
    const used = peakLoad(loads, request.start.getTime(), request.end.getTime());
    const quantity = request.quantity ?? 1;
    if (used + quantity <= capacity) return [];
    return [
      violation(
        "CAPACITY_FULL",
        cx.rule.id,
        {
          "zh-CN": "该时段已满：容量 {capacity}，已预约 {used}，申请 {quantity}",
          en: "This time is full: capacity {capacity}, {used} booked, {quantity} asked",
        },
        { capacity, used, quantity },
      ),
    ];
  },
});
