import { COUNTER_ACTORS } from "../counter-actors";
import { defineQuery } from "@linli/core";
import * as z from "zod";
import { getItem, type LendingCx } from "../lending-context";
import { idInput } from "../lending-inputs";
import {
  type Claim,
  claimModel,
  type Item,
  type Loan,
  loanModel,
  type Ticket,
  ticketModel,
} from "../lending-models";

/** An item's history: the unit, its loans, repair tickets and reservations, newest first. */
export interface ItemHistory {
  readonly item: Item;
  readonly loans: readonly Loan[];
  readonly tickets: readonly Ticket[];
  readonly reservations: readonly Claim[];
}

/** `lending.itemHistory`: one unit's loans, repairs and reservations (staff, volunteers). */
export const itemHistory = defineQuery({
  allow: COUNTER_ACTORS,
  subject: "none",
  input: z.object({ itemId: idInput, limit: z.number().int().min(1).max(1000).default(200) }),
  run: async (cx: LendingCx, input): Promise<ItemHistory> => {
    const item = await getItem(cx, input.itemId);
    const loans = await cx.tx.findMany(loanModel, {
      where: [{ field: "itemId", value: item.id }],
      orderBy: [{ field: "checkedOutAt", direction: "desc" }],
      limit: input.limit,
    });
    const tickets = await cx.tx.findMany(ticketModel, {
      where: [{ field: "itemId", value: item.id }],
      orderBy: [{ field: "reportedAt", direction: "desc" }],
      limit: input.limit,
    });
    const reservations = await cx.tx.findMany(claimModel, {
      where: [
        { field: "itemId", value: item.id },
        { field: "kind", value: "reservation" },
      ],
      orderBy: [{ field: "start", direction: "desc" }],
      limit: input.limit,
    });
    return { item, loans, tickets, reservations };
  },
});
