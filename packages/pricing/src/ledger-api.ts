import { coreErrors, isCurrency, LinliError, type PluginContext } from "@linli/core";
import { z } from "zod";
import { appendEntry, balanceAt, entriesOf } from "./ledger-book";
import { PAYMENT_METHODS } from "./ledger-entry";
import { pricingErrors } from "./pricing-errors";
import { ledgerEntryModel } from "./pricing-models";
import { residentSubject } from "./resident-subject";

const moneyInput = z.object({ amount: z.number().int().positive(), currency: z.string() });
const reason = z.string().trim().min(1).max(500);

function checkCurrency(currency: string, community: string): void {
  if (!isCurrency(currency)) throw LinliError.from(coreErrors, "INVALID_CURRENCY", { currency });
  if (currency !== community) {
    throw LinliError.from(coreErrors, "CURRENCY_MISMATCH", { left: currency, right: community });
  }
}

/** Builds the ledger part of the pricing API: payments, payouts, waivers, corrections, balance. */
export function ledgerApi(ctx: PluginContext) {
  const staff = ["staff", "admin", "system"] as const;

  const moneyMovement = (kind: "payment" | "payout") =>
    ctx.command({
      name: kind === "payment" ? "pricing.ledger.recordPayment" : "pricing.ledger.recordPayout",
      allow: staff,
      input: z.object({
        amount: moneyInput,
        method: z.enum(PAYMENT_METHODS),
        /** The app's reference: a WeChat Pay transaction id, a receipt number. */
        reference: z.string().trim().min(1).max(200).nullable().default(null),
        note: z.string().max(500).nullable().default(null),
      }),
      run: async (cx, input) => {
        const residentId = await residentSubject(cx, `pricing.ledger.${kind}`);
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
          residentId,
          kind,
          amount: kind === "payment" ? -input.amount.amount : input.amount.amount,
          code: kind === "payment" ? "PAYMENT_RECORDED" : "PAYOUT_RECORDED",
          method: input.method,
          reference: input.reference,
          reason: input.note,
        });
      },
    });

  return {
    /** Records a payment received (linli records it; it never processes payments). Staff or system. */
    recordPayment: moneyMovement("payment"),
    /** Records money handed back to the resident (a refund paid out). Staff or system. */
    recordPayout: moneyMovement("payout"),
    /** Forgives an amount owed (staff), with a required reason. */
    waive: ctx.command({
      name: "pricing.ledger.waive",
      allow: staff,
      input: z.object({
        amount: z.number().int().positive(),
        reason,
        relatesTo: z.string().min(1).optional(),
      }),
      run: async (cx, input) => {
        const residentId = await residentSubject(cx, "pricing.ledger.waive");
        const { balance } = await balanceAt(cx.tx, residentId);
        if (input.amount > balance) {
          throw LinliError.from(pricingErrors, "WAIVER_EXCEEDS_BALANCE", { amount: input.amount, balance });
        }
        if (input.relatesTo) await entryOf(cx.tx, residentId, input.relatesTo);
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
    }),
    /** Corrects a mistaken entry with a new signed entry naming it (staff); the old one is kept. */
    correct: ctx.command({
      name: "pricing.ledger.correct",
      allow: staff,
      input: z.object({
        relatesTo: z.string().min(1),
        amount: z
          .number()
          .int()
          .refine((n) => n !== 0, { message: "a correction is not zero" }),
        reason,
      }),
      run: async (cx, input) => {
        const residentId = await residentSubject(cx, "pricing.ledger.correct");
        await entryOf(cx.tx, residentId, input.relatesTo);
        return appendEntry(cx, {
          residentId,
          kind: "correction",
          amount: input.amount,
          code: "CORRECTION",
          text: { "zh-CN": `更正（原因：${input.reason}）`, en: `Correction (reason: ${input.reason})` },
          reason: input.reason,
          relatesTo: input.relatesTo,
        });
      },
    }),
    /** A resident's entries in order (the resident, their delegates and staff). */
    entries: ctx.query({
      name: "pricing.ledger.entries",
      input: z.object({}),
      run: async (cx) => entriesOf(cx.tx, await residentSubject(cx, "pricing.ledger.entries")),
    }),
    /** A resident's balance: positive is owed by them; deposits held are included and shown apart. */
    balance: ctx.query({
      name: "pricing.ledger.balance",
      input: z.object({}),
      run: async (cx) => {
        const residentId = await residentSubject(cx, "pricing.ledger.balance");
        return {
          residentId,
          currency: cx.config.community.currency,
          ...(await balanceAt(cx.tx, residentId)),
        };
      },
    }),
  };
}

async function entryOf(tx: Parameters<typeof entriesOf>[0], residentId: string, entryId: string) {
  const entry = await tx.findOne(ledgerEntryModel, [
    { field: "id", value: entryId },
    { field: "residentId", value: residentId },
  ]);
  if (!entry) throw LinliError.from(pricingErrors, "LEDGER_ENTRY_NOT_FOUND", { residentId, entryId });
  return entry;
}
