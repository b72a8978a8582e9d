import { defineModel, localizedTextSchema } from "@linli/core";
import * as z from "zod";
import { LEDGER_ENTRY_KINDS, PAYMENT_METHODS } from "./ledger-entry";
import { quoteSchema } from "./quote-schema";

/**
 * A priced use of a resource: a booking's or a walk-in's quote, with the facts later uses
 * need (cap period, membership and voucher consumed). One row per booking (`bookingId` is
 * unique). The ledger is the book of record; this is its explanation. `reversedAt` is set
 * once, when a refundable cancellation gives the use back.
 */
export const usageModel = defineModel(
  "pricing_usage",
  {
    residentId: z.string(),
    resourceId: z.string(),
    planId: z.string().nullable(),
    bookingId: z.string().nullable().default(null),
    start: z.date(),
    end: z.date().nullable(),
    quantity: z.number().int().positive(),
    /** `YYYY-MM` local month of `start`: the monthly cap's period. */
    period: z.string(),
    /** The charge part of the total (integer minor units). */
    charged: z.number().int().min(0),
    /** The deposit part of the total. */
    deposit: z.number().int().min(0),
    currency: z.string(),
    membershipId: z.string().nullable(),
    voucherId: z.string().nullable(),
    /** The group whose tier decided: sensitive, staff only. */
    decidedByGroup: z.string().nullable(),
    /** The whole quote (plain JSON, checked on write). */
    quote: quoteSchema,
    createdAt: z.date(),
    reversedAt: z.date().nullable().default(null),
  },
  {
    indexes: [
      { fields: ["bookingId"], unique: true },
      { fields: ["residentId", "planId", "period"] },
      { fields: ["membershipId"] },
      { fields: ["residentId", "voucherId"] },
    ],
  },
);

/** A membership bought by a resident: validity, uses, price paid, and its cancellation. */
export const membershipModel = defineModel(
  "pricing_membership",
  {
    residentId: z.string(),
    planId: z.string(),
    validFrom: z.date(),
    /** End of validity (exclusive), as bought; a cancellation sets `cancelledAt` instead. */
    validUntil: z.date(),
    /** Covered uses; null for unlimited. */
    usesAllowed: z.number().int().positive().nullable(),
    price: z.number().int().min(0),
    currency: z.string(),
    /** The group whose tier decided the price, if any (staff only). */
    decidedByGroup: z.string().nullable().default(null),
    /** The membership this one renews, if any. */
    renews: z.string().nullable().default(null),
    purchasedAt: z.date(),
    cancelledAt: z.date().nullable().default(null),
    refunded: z.number().int().min(0).nullable().default(null),
  },
  { indexes: [{ fields: ["residentId", "planId"] }] },
);

/**
 * One entry of a resident's ledger. Append-only: rows are only ever created; a mistake is
 * fixed with a new `correction` or `reversal` entry that names it in `relatesTo`. `seq` is
 * gapless per resident, taken under a per-resident lock.
 */
export const ledgerEntryModel = defineModel(
  "pricing_ledger_entry",
  {
    residentId: z.string(),
    seq: z.number().int().positive(),
    kind: z.enum(LEDGER_ENTRY_KINDS),
    /** Signed integer minor units: positive is owed by the resident. */
    amount: z.number().int(),
    currency: z.string(),
    /** Stable reason code (`PER_USE`, `TIER_FREE`, `MEMBERSHIP_PURCHASE`, `STAFF_WAIVER`…). */
    code: z.string(),
    text: localizedTextSchema,
    /** A free-text reason (required for waivers and corrections). */
    reason: z.string().nullable().default(null),
    method: z.enum(PAYMENT_METHODS).nullable().default(null),
    /** External reference given by the app (a WeChat Pay transaction id, a receipt number). */
    reference: z.string().nullable().default(null),
    /** The entry this one reverses, waives or corrects. */
    relatesTo: z.string().nullable().default(null),
    usageId: z.string().nullable().default(null),
    bookingId: z.string().nullable().default(null),
    membershipId: z.string().nullable().default(null),
    actorKind: z.string(),
    actorId: z.string(),
    createdAt: z.date(),
    /** The resident's balance once this entry is counted (a running balance: the balance reads one row). */
    balanceAfter: z.number().int().nullable().default(null),
    /** The deposits held once this entry is counted. */
    depositsHeldAfter: z.number().int().nullable().default(null),
  },
  {
    indexes: [{ fields: ["residentId", "seq"], unique: true }, { fields: ["method", "reference"] }],
  },
);

/** The models `@linli/pricing` stores. */
export const pricingModels = [usageModel, membershipModel, ledgerEntryModel];
