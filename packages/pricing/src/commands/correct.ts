import { customProblem, defineCommand } from "@linli/core";
import * as z from "zod";
import { appendEntry, ledgerEntryOf } from "../ledger-book";
import { idInput, reasonInput } from "../pricing-inputs";

/** `pricing.ledger.correct`: corrects a mistaken entry with a new signed entry naming it (staff); the old one is kept. */
export const correct = defineCommand({
  allow: "staff",
  subject: "required",
  input: z.object({
    relatesTo: idInput,
    amount: z
      .number()
      .int()
      .refine(
        (n) => n !== 0,
        customProblem("ZERO_CORRECTION", { "zh-CN": "更正金额不能为零", en: "a correction is not zero" }),
      ),
    reason: reasonInput,
  }),
  run: async (cx, input) => {
    await ledgerEntryOf(cx.tx, cx.subject, input.relatesTo);
    cx.audit({
      action: "price.corrected",
      residentId: cx.subject,
      target: `ledger-entry:${input.relatesTo}`,
      reason: input.reason,
      details: { amount: input.amount, currency: cx.config.community.currency },
    });
    return appendEntry(cx, {
      residentId: cx.subject,
      kind: "correction",
      amount: input.amount,
      code: "CORRECTION",
      text: { "zh-CN": `更正（原因：${input.reason}）`, en: `Correction (reason: ${input.reason})` },
      reason: input.reason,
      relatesTo: input.relatesTo,
    });
  },
});
