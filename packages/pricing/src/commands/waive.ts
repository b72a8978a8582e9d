import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { appendEntry, balanceAt, ledgerEntryOf } from "../ledger-book";
import { pricingErrors } from "../pricing-errors";
import { idInput, reasonInput } from "../pricing-inputs";

/** `pricing.ledger.waive`: forgives an amount the resident owes (staff), with a required reason. */
export const waive = defineCommand({
  allow: "staff",
  subject: "required",
  input: z.object({
    amount: z.number().int().positive(),
    reason: reasonInput,
    relatesTo: idInput.optional(),
  }),
  run: async (cx, input) => {
    const residentId = cx.subject;
    const { balance } = await balanceAt(cx.tx, residentId);
    if (input.amount > balance) {
      throw LinliError.from(pricingErrors, "WAIVER_EXCEEDS_BALANCE", { amount: input.amount, balance });
    }
    if (input.relatesTo) await ledgerEntryOf(cx.tx, residentId, input.relatesTo);
    cx.audit({
      action: "fee.waived",
      residentId,
      target: input.relatesTo ? `ledger-entry:${input.relatesTo}` : null,
      reason: input.reason,
      details: { amount: input.amount, currency: cx.config.community.currency },
    });
    return appendEntry(cx, {
      residentId,
      kind: "waiver",
      amount: -input.amount,
      code: "STAFF_WAIVER",
      text: {
        "zh-CN": `工作人员减免（原因：${input.reason}）`,
        en: `Waived by staff (reason: ${input.reason})`,
      },
      reason: input.reason,
      relatesTo: input.relatesTo ?? null,
    });
  },
});
