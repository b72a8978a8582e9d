import { COUNTER_ACTORS } from "../counter-actors";
import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { hasOpenTicket, openTicket, releaseUnit } from "../circulation";
import { lendingEvents } from "../events";
import { getItem, type LendingCx, lockType, lockTypes } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { conditionInput, idInput, noteInput } from "../lending-inputs";
import { claimModel, itemModel, type Loan, loanModel } from "../lending-models";
import { lateFine } from "../late-fine";
import { lateFeeFields } from "../loan-charges";
import { duePlan } from "../maintenance-plans";

/** What became of one returned unit. */
export interface ReturnedUnit {
  readonly loan: Loan;
  /** Where the unit went: back on the shelf, to the first in line, or to maintenance. */
  readonly unitStatus: "available" | "on-hold-shelf" | "in-maintenance";
  /** The repair ticket opened on return (damage reported, or a maintenance plan due). */
  readonly ticketId: string | null;
}

/**
 * `lending.checkIn`: takes units back (staff or a volunteer on duty), each with its condition
 * and a note; a multi-item loan may come back in parts. A unit reported damaged (or in
 * condition `broken`) opens a repair ticket and goes to maintenance (its type's queue waits);
 * a unit due for a maintenance plan goes to maintenance too; otherwise the first in line gets
 * it on the hold shelf, or it is available. Returning a unit that is not on loan is
 * `NOT_ON_LOAN`, nothing written. Emits `LoanReturned` per unit.
 */
export const checkIn = defineCommand({
  allow: COUNTER_ACTORS,
  subject: "none",
  input: z.object({
    items: z
      .array(
        z.object({
          itemId: idInput,
          condition: conditionInput,
          note: noteInput.optional(),
          /** Damage found on return: opens a repair ticket with this problem. */
          damage: z.string().min(1).max(1000).optional(),
        }),
      )
      .min(1)
      .max(20),
  }),
  run: async (cx: LendingCx, input): Promise<ReturnedUnit[]> => {
    const out: ReturnedUnit[] = [];
    // Every unit's type is locked first, in the one global order (`lockTypes`): two desks
    // returning the same units listed in different orders never deadlock.
    const firsts = [];
    for (const entry of input.items) firsts.push(await getItem(cx, entry.itemId));
    await lockTypes(
      cx,
      firsts.map((f) => f.itemTypeId),
    );
    for (const [i, entry] of input.items.entries()) {
      await lockType(cx, firsts[i]!.itemTypeId);
      const item = await getItem(cx, entry.itemId);
      const open = await cx.tx.findOne(loanModel, [
        { field: "itemId", value: item.id },
        { field: "returnedAt", value: null },
      ]);
      if (item.status !== "on-loan" || !open)
        throw LinliError.from(lendingErrors, "NOT_ON_LOAN", { code: item.code });
      const fineMinor = lateFine(cx.options.fines, open.dueAt, cx.now);
      const loan = await cx.tx.updateById(loanModel, open.id, {
        returnedAt: cx.now,
        conditionIn: entry.condition,
        returnNote: entry.note ?? null,
        checkedInBy: cx.actor.id,
        fineMinor,
      });
      await cx.tx.update(
        claimModel,
        [
          { field: "loanId", value: open.id },
          { field: "status", value: "active" },
        ],
        { status: "released" },
      );
      const back = await cx.tx.updateById(itemModel, item.id, {
        status: "available",
        condition: entry.condition,
        conditionNote: entry.note ?? item.conditionNote,
        loansSinceService: item.loansSinceService + 1,
      });
      let ticketId: string | null = null;
      let unitStatus: ReturnedUnit["unitStatus"];
      const damage =
        entry.damage ?? (entry.condition === "broken" ? (entry.note ?? "returned broken") : undefined);
      const plan = duePlan(cx.options.maintenancePlans, back, cx.now, cx.config.community.timeZone);
      if (damage !== undefined) {
        ticketId = (await openTicket(cx, back, { problem: damage, source: "return" })).id;
        unitStatus = "in-maintenance";
      } else if (await hasOpenTicket(cx, item.id)) {
        await cx.tx.updateById(itemModel, item.id, { status: "in-maintenance" });
        unitStatus = "in-maintenance";
      } else if (plan) {
        const problem = `maintenance plan ${plan.id}`;
        ticketId = (await openTicket(cx, back, { problem, source: "plan", planId: plan.id })).id;
        unitStatus = "in-maintenance";
      } else {
        unitStatus = await releaseUnit(cx, back);
      }
      await cx.emit(lendingEvents.LoanReturned, {
        loanId: loan.id,
        itemId: item.id,
        residentId: loan.residentId,
        condition: entry.condition,
        late: cx.now.getTime() > open.dueAt.getTime(),
        fineMinor,
        ...lateFeeFields(cx.options.charges, open.dueAt, cx.now),
      });
      out.push({ loan, unitStatus, ticketId });
    }
    return out;
  },
});
