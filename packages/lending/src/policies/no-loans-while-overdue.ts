import { type Violation, violation } from "@linli/core";
import * as z from "zod";
import { defineLoanPolicyKind } from "../policy-kind";

/** Params of `no-loans-while-overdue`: hours of grace after a due date before it blocks. */
export const noLoansWhileOverdueParams = z.object({
  graceHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 30)
    .default(0)
    .describe("Hours of grace after a due date before an overdue loan blocks new ones."),
});

/** `no-loans-while-overdue`: no new loan while any loan of the resident is overdue. */
export const noLoansWhileOverdueKind = defineLoanPolicyKind({
  kind: "no-loans-while-overdue",
  description: { "zh-CN": "有逾期未还的物品时不能再借", en: "No new loans while anything is overdue" },
  params: noLoansWhileOverdueParams,
  facts: () => ["activeLoans"],
  evaluate(params, cx): Violation[] {
    const limit = cx.now.getTime() - params.graceHours * 3_600_000;
    const overdue = cx.borrower.activeLoans.filter((l) => l.dueAt.getTime() < limit);
    if (overdue.length === 0) return [];
    return [
      violation(
        "OVERDUE_LOANS",
        cx.policy.id,
        {
          "zh-CN": "有 {count} 件物品逾期未还，请先归还再借",
          en: "{count} overdue item(s) must be returned before a new loan",
        },
        { count: overdue.length, loanIds: overdue.map((l) => l.loanId).join(",") },
      ),
    ];
  },
});
