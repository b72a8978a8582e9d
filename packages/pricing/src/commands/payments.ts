import { coreErrors, defineCommand, isCurrency, LinliError } from "@linli/core";
import * as z from "zod";
import { appendEntry } from "../ledger-book";
import { PAYMENT_METHODS } from "../ledger-entry";
import { pricingErrors } from "../pricing-errors";
import { moneyInput } from "../pricing-inputs";
import { ledgerEntryModel } from "../pricing-models";

function checkCurrency(currency: string, community: string): void {
  if (!isCurrency(currency)) throw LinliError.from(coreErrors, "INVALID_CURRENCY", { currency });
  if (currency !== community) {
    throw LinliError.from(coreErrors, "CURRENCY_MISMATCH", { left: currency, right: community });
  }
}

/** Money that moved outside linli, recorded with its method and the app's reference. */
const moneyMovement = (kind: "payment" | "payout") =>
  defineCommand({
    allow: "staff",
    subject: "required",
    input: z.object({
      amount: moneyInput,
      method: z.enum(PAYMENT_METHODS),
      /** The app's reference: a WeChat Pay transaction id, a receipt number. */
      reference: z.string().trim().min(1).max(200).nullable().default(null),
      note: z.string().max(500).nullable().default(null),
    }),
    run: async (cx, input) => {
      checkCurrency(input.amount.currency, cx.config.community.currency);
      if (input.reference !== null) {
        const dup = await cx.tx.findOne(ledgerEntryModel, [
          { field: "kind", value: kind },
          { field: "method", value: input.method },
          { field: "reference", value: input.reference },
        ]);
        if (dup) {
          throw LinliError.from(pricingErrors, "PAYMENT_REFERENCE_DUPLICATE", {
            method: input.method,
            reference: input.reference,
            entryId: dup.id,
          });
        }
      }
      return appendEntry(cx, {
        residentId: cx.subject,
        kind,
        amount: kind === "payment" ? -input.amount.amount : input.amount.amount,
        code: kind === "payment" ? "PAYMENT_RECORDED" : "PAYOUT_RECORDED",
        method: input.method,
        reference: input.reference,
        reason: input.note,
      });
    },
  });

/** `pricing.ledger.recordPayment`: records a payment received (linli records it; it never processes payments). Staff or system. */
export const recordPayment = moneyMovement("payment");

/** `pricing.ledger.recordPayout`: records money handed back to the resident (a refund paid out). Staff or system. */
export const recordPayout = moneyMovement("payout");
