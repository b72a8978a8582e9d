import { type MatrixTable, OWNER_AND_STAFF, STAFF } from "./matrix-types";

/** The pricing plugin's commands and queries. */
export const pricingMatrix: MatrixTable = {
  "pricing.quote": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({ resourceId: "room" }) },
  "pricing.charge": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({ resourceId: "room" }) },
  "pricing.reverse": { allow: STAFF, subject: false, input: async (w) => ({ usageId: await w.usage() }) },
  "pricing.returnDeposit": {
    allow: STAFF,
    subject: false,
    allowedError: "DEPOSIT_NOT_HELD",
    input: async (w) => ({ usageId: await w.usage() }),
  },
  "pricing.quoteForBooking": {
    allow: OWNER_AND_STAFF,
    subject: false,
    refusal: "null",
    input: async (w) => ({ bookingId: await w.booking() }),
  },
  "pricing.hasValidMembership": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async () => ({ resourceId: "hall" }),
  },
  "pricing.memberships.purchase": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async () => ({ planId: "room-monthly" }),
  },
  "pricing.memberships.renew": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ membershipId: await w.membership() }),
  },
  "pricing.memberships.cancel": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ membershipId: await w.membership() }),
  },
  "pricing.memberships.list": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({}) },
  "pricing.ledger.recordPayment": {
    allow: STAFF,
    subject: true,
    input: async () => ({ amount: { amount: 500, currency: "CNY" }, method: "cash" }),
  },
  "pricing.ledger.recordPayout": {
    allow: STAFF,
    subject: true,
    input: async () => ({ amount: { amount: 500, currency: "CNY" }, method: "cash" }),
  },
  "pricing.ledger.waive": {
    allow: STAFF,
    subject: true,
    input: async (w) => ({ amount: 500, reason: "hardship", relatesTo: await w.ledgerEntry() }),
  },
  "pricing.ledger.correct": {
    allow: STAFF,
    subject: true,
    input: async (w) => ({ amount: -100, reason: "wrong price", relatesTo: await w.ledgerEntry() }),
  },
  "pricing.ledger.entries": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({}) },
  "pricing.ledger.balance": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({}) },
};
