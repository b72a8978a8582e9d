import { defineQuery, instantSchema } from "@linli/core";
import * as z from "zod";
import { coveragesOf } from "../membership-book";
import { hasValidMembership as covers } from "../membership-period";
import type { PriceBook } from "../price-book";
import { idInput } from "../pricing-inputs";

/** `pricing.hasValidMembership`: does the resident hold a valid membership covering this resource at `at` (default now)? */
export const hasValidMembership = (book: PriceBook) =>
  defineQuery({
    subject: "required",
    input: z.object({ resourceId: idInput, at: instantSchema.optional() }),
    run: async (cx, { resourceId, at }) =>
      covers(await coveragesOf(cx.tx, book, cx.subject), resourceId, at ?? cx.now),
  });
