import { defineCommand, instantSchema, isStaffLike, LinliError } from "@linli/core";
import * as z from "zod";
import { purchaseMembership } from "../membership-book";
import type { PriceBook } from "../price-book";
import { pricingErrors } from "../pricing-errors";
import { idInput } from "../pricing-inputs";
import { visibleMembership } from "../visibility";

/**
 * `pricing.memberships.purchase`: buys a membership (for oneself, someone one acts for, or
 * by staff for a resident): validity from the plan's period, price after the best tier, a
 * ledger charge. Refuses one overlapping a held membership on the same resources
 * (`MEMBERSHIP_OVERLAP`); only staff may back-date one.
 */
export const purchase = (book: PriceBook) =>
  defineCommand({
    subject: "required",
    input: z.object({
      planId: idInput,
      /** When it starts. @default now */
      startsAt: instantSchema.optional(),
    }),
    run: async (cx, input) => {
      if (input.startsAt && input.startsAt.getTime() < cx.now.getTime() && !isStaffLike(cx.actor)) {
        throw LinliError.from(pricingErrors, "MEMBERSHIP_START_IN_PAST", {
          startsAt: input.startsAt.toISOString(),
        });
      }
      const m = await purchaseMembership(cx, book, {
        residentId: cx.subject,
        planId: input.planId,
        startsAt: input.startsAt ?? cx.now,
      });
      return visibleMembership(cx.actor, m);
    },
  });
