/**
 * The pricing plugin's domain events, as a light entry point (`@linli/pricing/events`): an
 * app or plugin that reacts to them imports these definitions without pricing's runtime.
 * Payloads are plain JSON, instants as ISO-8601 UTC strings, exactly as the outbox stores them.
 *
 * @packageDocumentation
 */
import { defineEvents } from "@linli/core";
import * as z from "zod";
import { LEDGER_ENTRY_KINDS } from "./ledger-entry";

const instant = z.iso.datetime();

/** Every event the pricing plugin emits, by name. */
export const pricingEvents = defineEvents("pricing", {
  /** An entry was appended to a resident's ledger (signed integer minor units: positive is owed). */
  LedgerEntryAppended: z.object({
    entryId: z.string(),
    residentId: z.string(),
    kind: z.enum(LEDGER_ENTRY_KINDS),
    amount: z.number().int(),
    currency: z.string(),
  }),
  /** A resident bought (or renewed) a membership, valid over `[validFrom, validUntil)`. */
  MembershipPurchased: z.object({
    membershipId: z.string(),
    residentId: z.string(),
    planId: z.string(),
    validFrom: instant,
    validUntil: instant,
  }),
  /** A membership was cancelled; `refunded` is what went back to the ledger (0 under policy `none`). */
  MembershipCancelled: z.object({
    membershipId: z.string(),
    residentId: z.string(),
    refunded: z.number().int().min(0),
  }),
});

/** The pricing plugin's events, by name (the type of {@link pricingEvents}). */
export type PricingEvents = typeof pricingEvents;
