import { defineCommand } from "@linli/core";
import * as z from "zod";
import { cancelMembership } from "../membership-book";
import type { PriceBook } from "../price-book";
import { idInput } from "../pricing-inputs";
import { membershipModel } from "../pricing-models";
import { visibleMembership } from "../visibility";

/**
 * `pricing.memberships.cancel`: cancels a membership now, refunding by the plan's policy
 * (none, or pro rata by unused days). The membership's resident, their delegates and staff.
 */
export const cancel = (book: PriceBook) =>
  defineCommand({
    subject: "none",
    input: z.object({ membershipId: idInput }),
    run: async (cx, { membershipId }) => {
      const current = await cx.tx.get(membershipModel, membershipId);
      await cx.requireActFor(current.residentId, "pricing.memberships.cancel");
      return visibleMembership(cx.actor, await cancelMembership(cx, book, current));
    },
  });
