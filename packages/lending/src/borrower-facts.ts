import type { LendingCx } from "./lending-context";
import { agreementModel, loanModel } from "./lending-models";
import type { BorrowerFacts } from "./policy-kind";

/** Loads what the loan policies know about a resident, in the command's transaction. */
export async function loadBorrowerFacts(cx: LendingCx, residentId: string): Promise<BorrowerFacts> {
  const loans = await cx.tx.findMany(loanModel, {
    where: [
      { field: "residentId", value: residentId },
      { field: "returnedAt", value: null },
    ],
    limit: 1000,
    select: ["id", "itemTypeId", "category", "dueAt"],
  });
  const agreements = await cx.tx.findMany(agreementModel, {
    where: [{ field: "residentId", value: residentId }],
    limit: 100,
    select: ["version"],
  });
  return {
    activeLoans: loans.map((l) => ({
      loanId: l.id,
      itemTypeId: l.itemTypeId,
      category: l.category,
      dueAt: l.dueAt,
    })),
    groups: await cx.groupsOf(residentId),
    acceptedAgreements: agreements.map((a) => a.version),
  };
}
