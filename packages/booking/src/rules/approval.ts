import * as z from "zod";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `approval-required`. */
export const approvalParams = z.object({
  /** Residents of these groups are confirmed at once. */
  exemptGroups: z.array(z.string()).default([]).describe("Residents of these groups are confirmed at once."),
  /** Bookings made by staff are confirmed at once. @default true */
  staffExempt: z.boolean().default(true).describe("Bookings made by staff are confirmed at once."),
});

/**
 * `approval-required`: the booking waits as `pending-approval` (holding its place) until
 * staff approve or reject it (the gallery's training room, a courtyard centre for an event).
 */
export const approvalKind = defineRuleKind({
  kind: "approval-required",
  description: { "zh-CN": "需工作人员审批", en: "Approval required" },
  params: approvalParams,
  reads: { residentBookings: false, groups: true },
  evaluate: () => [],
  requiresApproval(params, cx) {
    const { request } = cx;
    if (params.staffExempt && ["staff", "admin", "system"].includes(request.actorKind)) return false;
    return !params.exemptGroups.some((g) => request.groups?.includes(g));
  },
});
