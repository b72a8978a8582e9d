import type { LendingCx } from "./lending-context";
import { agreementModel, loanModel } from "./lending-models";
import type { BorrowerFactName, BorrowerFacts } from "./policy-kind";

const ALL: ReadonlySet<BorrowerFactName> = new Set(["activeLoans", "groups", "acceptedAgreements"]);

/**
 * Loads what the loan policies know about a resident, in the command's transaction: only the
 * facts in `needed` (see `borrowerFactsNeeded`; one read each), the others empty.
 */
export async function loadBorrowerFacts(
  cx: LendingCx,
  residentId: string,
  needed: ReadonlySet<BorrowerFactName> = ALL,
): Promise<BorrowerFacts> {
  const loans = needed.has("activeLoans")
    ? await cx.tx.findMany(loanModel, {
        where: [
          { field: "residentId", value: residentId },
          { field: "returnedAt", value: null },
        ],
        limit: 1000,
        select: ["id", "itemTypeId", "category", "dueAt"],
      })
    : [];
  const agreements = needed.has("acceptedAgreements")
    ? await cx.tx.findMany(agreementModel, {
        where: [{ field: "residentId", value: residentId }],
        limit: 100,
        select: ["version"],
      })
    : [];
  return {
    activeLoans: loans.map((l) => ({
      loanId: l.id,
      itemTypeId: l.itemTypeId,
      category: l.category,
      dueAt: l.dueAt,
    })),
    groups: needed.has("groups") ? await cx.groupsOf(residentId) : [],
    acceptedAgreements: agreements.map((a) => a.version),
  };
}
