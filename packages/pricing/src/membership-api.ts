import { isStaffLike, LinliError, type PluginContext } from "@linli/core";
import { z } from "zod";
import { cancelMembership, type Membership, membershipsOf, purchaseMembership } from "./membership-book";
import type { PriceBook } from "./price-book";
import { pricingErrors } from "./pricing-errors";
import { membershipModel } from "./pricing-models";
import { residentSubject } from "./resident-subject";

/** A membership as the caller may see it: the deciding group is for staff only. */
function visible(actor: Parameters<typeof isStaffLike>[0], m: Membership): Membership {
  return isStaffLike(actor) ? m : { ...m, decidedByGroup: null };
}

/** Builds the membership part of the pricing API. */
export function membershipApi(ctx: PluginContext, book: () => PriceBook) {
  return {
    /**
     * Buys a membership (for oneself, someone one acts for, or by staff for a resident):
     * validity from the plan's period, price after the best tier, a ledger charge. Refuses
     * one overlapping a held membership on the same resources (`MEMBERSHIP_OVERLAP`).
     */
    purchase: ctx.command({
      name: "pricing.memberships.purchase",
      input: z.object({
        planId: z.string().min(1),
        /** When it starts. @default now */
        startsAt: z.coerce.date().optional(),
      }),
      run: async (cx, input) => {
        const residentId = await residentSubject(cx, "pricing.memberships.purchase");
        if (input.startsAt && input.startsAt.getTime() < cx.now.getTime() && !isStaffLike(cx.actor)) {
          throw LinliError.from(pricingErrors, "MEMBERSHIP_START_IN_PAST", {
            startsAt: input.startsAt.toISOString(),
          });
        }
        const m = await purchaseMembership(cx, book(), {
          residentId,
          planId: input.planId,
          startsAt: input.startsAt ?? cx.now,
        });
        return visible(cx.actor, m);
      },
    }),
    /** Renews a membership: a new one of the same plan starting when this one ends. */
    renew: ctx.command({
      name: "pricing.memberships.renew",
      input: z.object({ membershipId: z.string().min(1) }),
      run: async (cx, { membershipId }) => {
        const current = await cx.tx.get(membershipModel, membershipId);
        await cx.requireActFor(current.residentId, "pricing.memberships.renew");
        if (current.cancelledAt !== null) {
          throw LinliError.from(pricingErrors, "MEMBERSHIP_NOT_ACTIVE", { membershipId });
        }
        const m = await purchaseMembership(cx, book(), {
          residentId: current.residentId,
          planId: current.planId,
          startsAt: current.validUntil,
          renews: current.id,
        });
        return visible(cx.actor, m);
      },
    }),
    /** Cancels a membership now, refunding by the plan's policy (none, or pro rata by unused days). */
    cancel: ctx.command({
      name: "pricing.memberships.cancel",
      input: z.object({ membershipId: z.string().min(1) }),
      run: async (cx, { membershipId }) => {
        const current = await cx.tx.get(membershipModel, membershipId);
        await cx.requireActFor(current.residentId, "pricing.memberships.cancel");
        return visible(cx.actor, await cancelMembership(cx, book(), current));
      },
    }),
    /** A resident's memberships, oldest first. */
    list: ctx.query({
      name: "pricing.memberships.list",
      input: z.object({}),
      run: async (cx) => {
        const residentId = await residentSubject(cx, "pricing.memberships.list");
        return (await membershipsOf(cx.tx, residentId)).map((m) => visible(cx.actor, m));
      },
    }),
  };
}
