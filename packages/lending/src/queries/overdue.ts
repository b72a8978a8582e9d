import { COUNTER_ACTORS } from "../counter-actors";
import { defineQuery } from "@linli/core";
import * as z from "zod";
import type { LendingCx } from "../lending-context";
import { type Loan, loanModel } from "../lending-models";

/** `lending.overdue`: the desk's list of loans past their due date, longest overdue first (staff, volunteers). */
export const overdue = defineQuery({
  allow: COUNTER_ACTORS,
  subject: "none",
  input: z.object({ limit: z.number().int().min(1).max(2000).default(200) }),
  run: (cx: LendingCx, { limit }): Promise<Loan[]> =>
    cx.tx.findMany(loanModel, {
      where: [
        { field: "returnedAt", value: null },
        { field: "dueAt", op: "lt", value: cx.now },
      ],
      orderBy: [{ field: "dueAt" }],
      limit,
    }),
});
