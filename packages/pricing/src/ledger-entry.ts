import type { LocalizedText } from "@linli/core";

/**
 * Kinds of ledger entry. The sign convention: a positive amount is what the resident owes
 * the community, a negative amount is owed to the resident (or paid by them).
 * - `charge` (+): the price of a use or a membership
 * - `reversal` (−): undoes a charge (a booking cancelled in time)
 * - `payment` (−): money received, with its method and external reference
 * - `refund` (−): money credited back (a membership cancelled pro rata)
 * - `payout` (+): credit handed back to the resident (cash, WeChat Pay refund id)
 * - `waiver` (−): staff forgive an amount owed, with a reason
 * - `deposit-held` (+) / `deposit-returned` (−): refundable deposits
 * - `correction` (±): staff fix a mistake with a new entry, never by editing an old one
 */
export const LEDGER_ENTRY_KINDS = [
  "charge",
  "reversal",
  "payment",
  "refund",
  "payout",
  "waiver",
  "deposit-held",
  "deposit-returned",
  "correction",
] as const;

/** One of {@link LEDGER_ENTRY_KINDS}. */
export type LedgerEntryKind = (typeof LEDGER_ENTRY_KINDS)[number];

/** How a payment or payout was made. linli records it; it never processes payments. */
export const PAYMENT_METHODS = ["cash", "wechat-pay", "alipay", "bank-transfer", "other"] as const;

/** One of {@link PAYMENT_METHODS}. */
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** The sign each kind's amount must have: 1 positive, -1 negative, 0 either. */
export const ENTRY_SIGN: Readonly<Record<LedgerEntryKind, 1 | -1 | 0>> = {
  charge: 1,
  reversal: -1,
  payment: -1,
  refund: -1,
  payout: 1,
  waiver: -1,
  "deposit-held": 1,
  "deposit-returned": -1,
  correction: 0,
};

/** The fields of a ledger entry that the pure functions read. */
export interface LedgerAmount {
  /** The kind. */
  readonly kind: LedgerEntryKind;
  /** Signed integer minor units. */
  readonly amount: number;
}

/** A resident's account summary. */
export interface LedgerBalance {
  /** Sum of every entry: what the resident owes (negative: what is owed to them). */
  readonly balance: number;
  /** Deposits held and not yet returned (included in `balance`). */
  readonly depositsHeld: number;
  /** Number of entries. */
  readonly entries: number;
}

/** The balance of a list of entries: their plain sum, and the deposits still held. */
export function balanceOf(entries: readonly LedgerAmount[]): LedgerBalance {
  let balance = 0;
  let depositsHeld = 0;
  for (const e of entries) {
    balance += e.amount;
    if (e.kind === "deposit-held" || e.kind === "deposit-returned") depositsHeld += e.amount;
  }
  if (!Number.isSafeInteger(balance)) throw new RangeError("ledger balance exceeds safe integers");
  return { balance, depositsHeld, entries: entries.length };
}

/** Default texts of entries written without a more specific one. */
export const ENTRY_TEXT: Readonly<Record<LedgerEntryKind, LocalizedText>> = {
  charge: { "zh-CN": "收费", en: "Charge" },
  reversal: { "zh-CN": "冲销", en: "Reversal" },
  payment: { "zh-CN": "付款", en: "Payment" },
  refund: { "zh-CN": "退款", en: "Refund" },
  payout: { "zh-CN": "退款支付", en: "Payout" },
  waiver: { "zh-CN": "减免", en: "Waiver" },
  "deposit-held": { "zh-CN": "押金", en: "Deposit held" },
  "deposit-returned": { "zh-CN": "退还押金", en: "Deposit returned" },
  correction: { "zh-CN": "更正", en: "Correction" },
};
