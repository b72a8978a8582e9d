import { type Actor, isStaffLike, type PluginContext } from "@linli/core";
import { z } from "zod";
import { hasValidMembership } from "./membership-period";
import { coveragesOf } from "./membership-book";
import type { PriceBook } from "./price-book";
import { usageModel } from "./pricing-models";
import type { Quote } from "./quote-types";
import { formatReceipt, toPublicQuote } from "./receipt";
import { residentSubject } from "./resident-subject";
import { quoteUsage, recordUsage, reverseUsage, returnDeposit } from "./usage-book";

const usageInput = {
  resourceId: z.string().min(1),
  /** The instant of use. @default now */
  start: z.coerce.date().optional(),
  end: z.coerce.date().nullable().optional(),
  quantity: z.number().int().positive().max(10_000).default(1),
  /** A voucher code presented. */
  voucherId: z.string().min(1).optional(),
};

/** The quote a caller may see: everything for staff, the public receipt for anyone else. */
export function visibleQuote(actor: Actor, q: Quote): Quote {
  return isStaffLike(actor) ? q : toPublicQuote(q);
}

/** Builds the usage part of the pricing API: quotes, walk-in charges and booking quotes. */
export function usageApi(ctx: PluginContext, book: () => PriceBook) {
  return {
    /**
     * Prices a use without recording it: the same quote a booking or a charge would get,
     * with eligibility and memberships at the instant of use. Staff see which group decided;
     * residents see the public receipt.
     */
    quote: ctx.query({
      name: "pricing.quote",
      input: z.object(usageInput),
      run: async (cx, input) => {
        const residentId = await residentSubject(cx, "pricing.quote");
        const q = await quoteUsage(cx, book(), {
          residentId,
          resourceId: input.resourceId,
          start: input.start ?? cx.now,
          end: input.end ?? null,
          quantity: input.quantity,
          ...(input.voucherId ? { voucherId: input.voucherId } : {}),
        });
        return visibleQuote(cx.actor, q);
      },
    }),
    /**
     * Prices and records a use that is not a booking (a walk-in at the drying room, a gym
     * visit, a home repair): usage, ledger charge and deposit in one transaction. A staff
     * member may waive the price, with a required reason.
     */
    charge: ctx.command({
      name: "pricing.charge",
      input: z.object({
        ...usageInput,
        waiverReason: z.string().trim().min(1).max(500).optional(),
      }),
      run: async (cx, input) => {
        const residentId = await residentSubject(cx, "pricing.charge");
        if (input.waiverReason !== undefined) cx.requireStaff("pricing.charge.waive");
        const { usage, quote } = await recordUsage(cx, book(), {
          residentId,
          resourceId: input.resourceId,
          start: input.start ?? cx.now,
          end: input.end ?? null,
          quantity: input.quantity,
          ...(input.voucherId ? { voucherId: input.voucherId } : {}),
          ...(input.waiverReason ? { waiver: { reason: input.waiverReason, by: cx.actor.id } } : {}),
        });
        return { usageId: usage.id, quote: visibleQuote(cx.actor, quote) };
      },
    }),
    /** Gives a walk-in use back (staff): its charge reversed and deposit returned. */
    reverse: ctx.command({
      name: "pricing.reverse",
      allow: ["staff", "admin", "system"],
      input: z.object({ usageId: z.string().min(1) }),
      run: async (cx, { usageId }) => {
        const usage = await cx.tx.get(usageModel, usageId);
        await reverseUsage(cx, usage, "USAGE_REVERSED");
        return cx.tx.get(usageModel, usageId);
      },
    }),
    /** Returns a use's deposit, or part of it (staff), e.g. when a borrowed tool comes back. */
    returnDeposit: ctx.command({
      name: "pricing.returnDeposit",
      allow: ["staff", "admin", "system"],
      input: z.object({ usageId: z.string().min(1), amount: z.number().int().positive().optional() }),
      run: async (cx, { usageId, amount }) => {
        const usage = await cx.tx.get(usageModel, usageId);
        return { returned: await returnDeposit(cx, usage, amount) };
      },
    }),
    /** The stored quote of a booking, or null when it has none (for the resident, their delegates and staff). */
    quoteForBooking: ctx.query({
      name: "pricing.quoteForBooking",
      input: z.object({ bookingId: z.string().min(1) }),
      run: async (cx, { bookingId }) => {
        const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: bookingId }]);
        if (!usage) return null;
        await cx.requireActFor(usage.residentId, "pricing.quoteForBooking");
        return {
          bookingId,
          usageId: usage.id,
          reversed: usage.reversedAt !== null,
          quote: visibleQuote(cx.actor, usage.quote as unknown as Quote),
          /** The public receipt, formatted with Intl in the community's locale and currency. */
          receipt: formatReceipt(usage.quote as unknown as Quote, cx.config.community.locale),
        };
      },
    }),
    /** Does the resident have a valid membership covering this resource at `at` (default now)? */
    hasValidMembership: ctx.query({
      name: "pricing.hasValidMembership",
      input: z.object({ resourceId: z.string().min(1), at: z.coerce.date().optional() }),
      run: async (cx, { resourceId, at }) => {
        const residentId = await residentSubject(cx, "pricing.hasValidMembership");
        return hasValidMembership(await coveragesOf(cx.tx, book(), residentId), resourceId, at ?? cx.now);
      },
    }),
  };
}
