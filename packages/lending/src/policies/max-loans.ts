import { idSchema, type Violation, violation } from "@linli/core";
import * as z from "zod";
import { defineLoanPolicyKind } from "../policy-kind";

/** Params of `max-loans`: at most `max` units at once, of the listed categories (every category when empty). */
export const maxLoansParams = z.object({
  max: z
    .number()
    .int()
    .min(0)
    .max(1000)
    .describe("Most units a resident may hold at once (in the policy's scope)."),
  categories: z.array(idSchema).max(100).default([]),
});

/** `max-loans`: a resident holds at most `max` units at once (of some categories, or all). */
export const maxLoansKind = defineLoanPolicyKind({
  kind: "max-loans",
  description: {
    "zh-CN": "每人同时最多可借件数（可按类别）",
    en: "Items a resident may have at once (per category)",
  },
  params: maxLoansParams,
  facts: () => ["activeLoans"],
  evaluate(params, cx): Violation[] {
    const counts = (c: string) => params.categories.length === 0 || params.categories.includes(c);
    const held = cx.borrower.activeLoans.filter((l) => counts(l.category)).length;
    const asked = cx.request.items.filter((i) => counts(i.category)).length;
    if (asked === 0 || held + asked <= params.max) return [];
    const scope =
      params.categories.length === 0
        ? { zh: "", en: "" }
        : { zh: `（${params.categories.join("、")}）`, en: ` (${params.categories.join(", ")})` };
    return [
      violation(
        "LOAN_LIMIT",
        cx.policy.id,
        {
          "zh-CN": "每人同时最多借 {max} 件{scopeZh}，已借 {held} 件，本次 {asked} 件",
          en: "At most {max} items at once{scopeEn}; {held} already on loan, {asked} asked",
        },
        { max: params.max, held, asked, scopeZh: scope.zh, scopeEn: scope.en },
      ),
    ];
  },
});
