import * as z from "zod";
import type { Quote } from "./quote-types";

const text = z.object({ "zh-CN": z.string(), en: z.string() });
const money = z.object({ amount: z.number().int(), currency: z.string() });

/**
 * The zod schema of a {@link Quote} as stored with its use (`pricing_usage.quote`, a JSON
 * column): the write validates it, so a stored quote reads back typed, with no cast.
 */
export const quoteSchema: z.ZodType<Quote> = z.object({
  resourceId: z.string(),
  planId: z.string().nullable(),
  at: z.string(),
  lines: z.array(
    z.object({
      kind: z.enum(["charge", "adjustment", "deposit"]),
      code: z.string(),
      amount: money,
      text,
      publicText: text,
      group: z.string().optional(),
    }),
  ),
  total: money,
  deposit: money,
  charge: money,
  decidedBy: z.object({ group: z.string(), sensitive: z.boolean() }).nullable(),
  membershipId: z.string().nullable(),
  voucherId: z.string().nullable(),
  voucherRefusal: z.object({ code: z.string(), voucherId: z.string(), message: text }).nullable(),
});
