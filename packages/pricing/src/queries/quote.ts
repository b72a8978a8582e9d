import { defineQuery } from "@linli/core";
import * as z from "zod";
import type { PriceBook } from "../price-book";
import { usageInputShape, usageRequestOf } from "../pricing-inputs";
import type { Quote } from "../quote-types";
import { quoteUsage } from "../usage-book";
import { visibleQuote } from "../visibility";

/**
 * `pricing.quote`: prices a use without recording it: the same quote a booking or a charge
 * would get, with eligibility and memberships at the instant of use. Staff see which group
 * decided; residents see the public receipt.
 */
export const quote = (book: PriceBook) =>
  defineQuery({
    subject: "required",
    input: z.object(usageInputShape),
    run: async (cx, input): Promise<Quote> =>
      visibleQuote(cx.actor, await quoteUsage(cx, book, usageRequestOf(cx.subject, input, cx.now))),
  });
