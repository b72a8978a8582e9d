import { defineQuery } from "@linli/core";
import * as z from "zod";
import type { LendingCx } from "../lending-context";
import { type Claim, claimModel, type Hold, holdModel, type Loan, loanModel } from "../lending-models";

/** A resident's lending account: loans out, open holds, active reservations. */
export interface ResidentLending {
  /** Loans not yet returned, soonest due first. */
  readonly loans: readonly Loan[];
  /** Holds waiting or ready on the hold shelf, in the order placed. */
  readonly holds: readonly Hold[];
  /** Reservations for a future pickup, soonest first. */
  readonly reservations: readonly Claim[];
}

/** `lending.mine`: the subject resident's loans, holds and reservations (themself, a delegate, staff). */
export const mine = defineQuery({
  subject: "required",
  input: z.object({}),
  run: async (cx: LendingCx & { subject: string }): Promise<ResidentLending> => {
    const loans = await cx.tx.findMany(loanModel, {
      where: [
        { field: "residentId", value: cx.subject },
        { field: "returnedAt", value: null },
      ],
      orderBy: [{ field: "dueAt" }],
      limit: 1000,
    });
    const holds = await cx.tx.findMany(holdModel, {
      where: [
        { field: "residentId", value: cx.subject },
        { field: "status", op: "in", value: ["waiting", "ready"] },
      ],
      orderBy: [{ field: "rank" }],
      limit: 200,
    });
    const reservations = await cx.tx.findMany(claimModel, {
      where: [
        { field: "residentId", value: cx.subject },
        { field: "status", value: "active" },
        { field: "kind", value: "reservation" },
      ],
      orderBy: [{ field: "start" }],
      limit: 200,
    });
    return { loans, holds, reservations };
  },
});
