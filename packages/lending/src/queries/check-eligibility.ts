import { type Decision, defineQuery } from "@linli/core";
import * as z from "zod";
import { loadBorrowerFacts } from "../borrower-facts";
import { loanEligibility } from "../loan-eligibility";
import { getItemType, type LendingCx } from "../lending-context";
import { idInput } from "../lending-inputs";
import { lendingPolicyKinds } from "../policy-kind";

/**
 * `lending.checkEligibility`: whether the subject resident may borrow these types now, with
 * every reason in zh-CN and en (the same policies `checkOut` applies); writes nothing.
 */
export const checkEligibility = defineQuery({
  subject: "required",
  input: z.object({
    itemTypeIds: z.array(idInput).min(1).max(20),
    staffApproval: z.boolean().default(false),
  }),
  run: async (cx: LendingCx & { subject: string }, input): Promise<Decision> => {
    const items = [];
    for (const id of input.itemTypeIds) {
      const t = await getItemType(cx, id);
      items.push({ itemTypeId: t.id, category: t.category, trainingGroup: t.trainingGroup });
    }
    return loanEligibility({
      policies: cx.options.policies,
      kinds: cx.registries.get(lendingPolicyKinds),
      request: {
        residentId: cx.subject,
        items,
        actorKind: cx.actor.kind,
        staffApproval: input.staffApproval,
      },
      borrower: await loadBorrowerFacts(cx, cx.subject),
      now: cx.now,
      timeZone: cx.config.community.timeZone,
    });
  },
});
