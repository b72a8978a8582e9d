import { type Violation, violation } from "@linli/core";
import * as z from "zod";
import { defineLoanPolicyKind, type LoanRequest } from "../policy-kind";

const STAFF: readonly string[] = ["staff", "admin", "system"];

/** Params of `training-required`: whether staff may approve a resident without the training. */
export const trainingRequiredParams = z.object({
  allowStaffApproval: z
    .boolean()
    .default(true)
    .describe("Staff may lend to an untrained resident with an explicit approval."),
});

const approvedByStaff = (params: z.output<typeof trainingRequiredParams>, request: LoanRequest) =>
  params.allowStaffApproval && request.staffApproval && STAFF.includes(request.actorKind);

/**
 * `training-required`: restricted items (a type with a `trainingGroup`, e.g. power tools) go
 * only to residents with the recorded training (that eligibility group), or with staff approval
 * when allowed.
 */
export const trainingRequiredKind = defineLoanPolicyKind({
  kind: "training-required",
  description: {
    "zh-CN": "受限工具须经培训（或工作人员批准）才能借用",
    en: "Restricted tools need a recorded training (or staff approval)",
  },
  params: trainingRequiredParams,
  // The groups are read only when an item needs a training and no staff approval applies.
  facts: (params, request) =>
    approvedByStaff(params, request) || request.items.every((item) => item.trainingGroup === null)
      ? []
      : ["groups"],
  evaluate(params, cx): Violation[] {
    if (approvedByStaff(params, cx.request)) return [];
    const missing = new Set<string>();
    for (const item of cx.request.items) {
      if (item.trainingGroup !== null && !cx.borrower.groups.includes(item.trainingGroup)) {
        missing.add(`${item.itemTypeId}:${item.trainingGroup}`);
      }
    }
    return [...missing].map((key) => {
      const [itemTypeId, group] = key.split(":") as [string, string];
      return violation(
        "TRAINING_REQUIRED",
        cx.policy.id,
        {
          "zh-CN": "借用 {itemTypeId} 须先参加培训（{group}）或经工作人员批准",
          en: "{itemTypeId} needs the training {group} or staff approval",
        },
        { itemTypeId, group },
      );
    });
  },
});
