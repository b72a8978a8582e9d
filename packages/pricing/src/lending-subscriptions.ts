import { type CommandContext, subscribe } from "@linli/core";
import { lendingEvents } from "@linli/lending/events";
import type { PriceBook } from "./price-book";
import { usageModel } from "./pricing-models";
import { depositHeldFor, recordUsage, repriceUsage, returnDeposit } from "./usage-book";

/**
 * The reference a loan's use is stored under (in the usage's unique `bookingId` column, which
 * holds the priced booking or, for lending, `loan:<loanId>`): one priced use per loan.
 */
export const loanReference = (loanId: string) => `loan:${loanId}`;
/** The reference of a loan's late return (`late:<loanId>`). */
export const lateReturnReference = (loanId: string) => `late:${loanId}`;

/**
 * In-transaction subscriptions to the lending plugin's events (`@linli/lending/events`), when
 * lending is installed and its `charges` name resources:
 * - `LoanStarted` with a `priceResourceId`: the loan is quoted and charged from check-out to
 *   its due date on that resource's plan (a fee, a deposit held, a membership required); a
 *   refusal (`MEMBERSHIP_REQUIRED`) aborts the check-out.
 * - `LoanRenewed`: a priced loan is priced again to its new due date, the difference a
 *   `correction` entry (`LOAN_RENEWED_REPRICED`).
 * - `LoanReturned`: a deposit still held for the loan is returned; with a
 *   `lateFeeResourceId`, the late return is charged from the due date to the return.
 */
export function lendingSubscriptions(book: (cx: CommandContext) => PriceBook) {
  return [
    subscribe(lendingEvents.LoanStarted, async (cx, { payload: p }) => {
      if (p.priceResourceId === undefined) return;
      await recordUsage(cx, book(cx), {
        residentId: p.residentId,
        resourceId: p.priceResourceId,
        start: cx.now,
        end: new Date(p.dueAt),
        quantity: 1,
        bookingId: loanReference(p.loanId),
      });
    }),
    subscribe(lendingEvents.LoanRenewed, async (cx, { payload: p }) => {
      const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: loanReference(p.loanId) }]);
      if (!usage || usage.reversedAt !== null) return;
      const renewed = await cx.tx.updateById(usageModel, usage.id, { end: new Date(p.dueAt) });
      await repriceUsage(cx, book(cx), renewed, {
        code: "LOAN_RENEWED_REPRICED",
        zh: "续借后重新计价",
        en: "Re-priced after renewal",
      });
    }),
    subscribe(lendingEvents.LoanReturned, async (cx, { payload: p }) => {
      const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: loanReference(p.loanId) }]);
      if (usage && usage.reversedAt === null && (await depositHeldFor(cx.tx, usage)) > 0)
        await returnDeposit(cx, usage);
      if (p.lateFeeResourceId === undefined || p.dueAt === undefined) return;
      await recordUsage(cx, book(cx), {
        residentId: p.residentId,
        resourceId: p.lateFeeResourceId,
        start: new Date(p.dueAt),
        end: cx.now,
        quantity: 1,
        bookingId: lateReturnReference(p.loanId),
      });
    }),
  ];
}
