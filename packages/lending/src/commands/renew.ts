import { decide, defineCommand, isLinliError, LinliError, type Violation, violation } from "@linli/core";
import * as z from "zod";
import { dueDate } from "../due-date";
import { lendingEvents } from "../events";
import { calendarOf, getItemType, type LendingCx, lockType, termsOf } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { idInput } from "../lending-inputs";
import { claimModel, holdModel, type Loan, loanModel } from "../lending-models";

/** The outcome of `lending.renew`: the loan with its new due date, or every reason it cannot be renewed. */
export type RenewOutcome =
  | { readonly ok: true; readonly violations: readonly []; readonly loan: Loan }
  | { readonly ok: false; readonly violations: readonly [Violation, ...Violation[]] };

/**
 * `lending.renew`: renews a loan by the type's loan period from its due date (moved to the
 * next opening). Refused, with reasons in zh-CN and en and nothing written, when the renewals
 * allowed for the type are used up, while another resident holds the type, or when a
 * reservation takes the unit in the new period. The borrower, their delegates and staff may
 * renew. Emits `LoanRenewed`.
 */
export const renew = defineCommand({
  subject: "none",
  input: z.object({ loanId: idInput }),
  run: async (cx: LendingCx, input): Promise<RenewOutcome> => {
    const found = await cx.tx.findById(loanModel, input.loanId);
    if (!found) throw LinliError.from(lendingErrors, "LOAN_NOT_FOUND", { loanId: input.loanId });
    await cx.requireActFor(found.residentId, "lending.renew");
    await lockType(cx, found.itemTypeId);
    const loan = await cx.tx.get(loanModel, found.id);
    if (loan.returnedAt !== null) throw LinliError.from(lendingErrors, "LOAN_CLOSED", { loanId: loan.id });
    const type = await getItemType(cx, loan.itemTypeId);
    const terms = termsOf(cx.options, type);
    const problems: Violation[] = [];
    if (loan.renewals >= terms.maxRenewals)
      problems.push(
        violation(
          "RENEWAL_LIMIT",
          "renewals",
          {
            "zh-CN": "{itemTypeId} 最多续借 {max} 次，已续借 {used} 次",
            en: "{itemTypeId} may be renewed {max} times; used {used}",
          },
          { itemTypeId: type.id, max: terms.maxRenewals, used: loan.renewals },
        ),
      );
    const waiting = await cx.tx.count(holdModel, [
      { field: "itemTypeId", value: type.id },
      { field: "status", value: "waiting" },
      { field: "residentId", op: "ne", value: loan.residentId },
    ]);
    if (waiting > 0)
      problems.push(
        violation(
          "HELD_BY_OTHERS",
          "holds",
          {
            "zh-CN": "{waiting} 位居民正在排队等候 {itemTypeId}，不能续借，请按时归还",
            en: "{waiting} resident(s) are waiting for {itemTypeId}: it cannot be renewed",
          },
          { waiting, itemTypeId: type.id },
        ),
      );
    const refusal = decide(problems);
    if (!refusal.ok) return refusal;
    const due = dueDate({
      from: loan.dueAt,
      loanDays: terms.loanDays,
      calendar: calendarOf(cx.options, cx.config.community.timeZone),
    });
    if (!due.ok) return due;
    try {
      await cx.tx.reserve(claimModel, {
        key: `lending:unit:${loan.itemId}`,
        capacity: 1,
        scope: [
          { field: "itemId", value: loan.itemId },
          { field: "status", value: "active" },
          { field: "loanId", op: "ne", value: loan.id },
        ],
        interval: { startField: "start", endField: "end", start: loan.dueAt, end: due.dueAt },
        data: {
          itemId: loan.itemId,
          itemTypeId: loan.itemTypeId,
          kind: "loan",
          residentId: loan.residentId,
          loanId: loan.id,
          start: loan.dueAt,
          end: due.dueAt,
          status: "active",
          createdAt: cx.now,
          createdBy: cx.actor.id,
        },
      });
    } catch (error) {
      if (!isLinliError(error, "CAPACITY_EXCEEDED")) throw error;
      return {
        ok: false,
        violations: [
          violation(
            "RESERVED_BY_OTHERS",
            "reservations",
            {
              "zh-CN": "该物品在 {dueAt} 之后已被其他居民预订，不能续借",
              en: "The item is reserved by another resident after {dueAt}: it cannot be renewed",
            },
            { dueAt: loan.dueAt.toISOString() },
          ),
        ],
      };
    }
    const renewed = await cx.tx.updateById(loanModel, loan.id, {
      dueAt: due.dueAt,
      renewals: loan.renewals + 1,
    });
    await cx.emit(lendingEvents.LoanRenewed, {
      loanId: loan.id,
      residentId: loan.residentId,
      dueAt: due.dueAt.toISOString(),
      renewals: renewed.renewals,
    });
    return { ok: true, violations: [], loan: renewed };
  },
});
