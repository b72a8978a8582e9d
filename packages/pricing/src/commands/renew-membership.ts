import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { purchaseMembership } from "../membership-book";
import type { PriceBook } from "../price-book";
import { pricingErrors } from "../pricing-errors";
import { idInput } from "../pricing-inputs";
import { membershipModel } from "../pricing-models";
import { visibleMembership } from "../visibility";

/**
 * `pricing.memberships.renew`: a new membership of the same plan, starting when this one
 * ends (the membership's resident, their delegates and staff).
 */
export const renew = (book: PriceBook) =>
  defineCommand({
    subject: "none",
    input: z.object({ membershipId: idInput }),
    run: async (cx, { membershipId }) => {
      const current = await cx.tx.get(membershipModel, membershipId);
      await cx.requireActFor(current.residentId, "pricing.memberships.renew");
      if (current.cancelledAt !== null) {
        throw LinliError.from(pricingErrors, "MEMBERSHIP_NOT_ACTIVE", { membershipId });
      }
      const m = await purchaseMembership(cx, book, {
        residentId: current.residentId,
        planId: current.planId,
        startsAt: current.validUntil,
        renews: current.id,
      });
      return visibleMembership(cx.actor, m);
    },
  });
