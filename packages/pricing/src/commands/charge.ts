import { defineCommand } from "@linli/core";
import * as z from "zod";
import type { PriceBook } from "../price-book";
import { reasonInput, usageInputShape, usageRequestOf } from "../pricing-inputs";
import { recordUsage } from "../usage-book";
import { visibleQuote } from "../visibility";

/**
 * `pricing.charge`: prices and records a use that is not a booking (a walk-in at the drying
 * room, a gym visit, a home repair): usage, ledger charge and deposit in one transaction. A
 * staff member may waive the price, with a required reason.
 */
export const charge = (book: PriceBook) =>
  defineCommand({
    subject: "required",
    input: z.object({ ...usageInputShape, waiverReason: reasonInput.optional() }),
    run: async (cx, input) => {
      if (input.waiverReason !== undefined) cx.requireStaff("pricing.charge.waive");
      const { usage, quote } = await recordUsage(cx, book, {
        ...usageRequestOf(cx.subject, input, cx.now),
        ...(input.waiverReason ? { waiver: { reason: input.waiverReason, by: cx.actor.id } } : {}),
      });
      if (input.waiverReason !== undefined) {
        cx.audit({
          action: "fee.waived",
          residentId: cx.subject,
          target: `usage:${usage.id}`,
          reason: input.waiverReason,
          details: { resourceId: input.resourceId },
        });
      }
      return { usageId: usage.id, quote: visibleQuote(cx.actor, quote) };
    },
  });
