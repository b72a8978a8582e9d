import { instantSchema, recordIdSchema } from "@linli/core";
import * as z from "zod";
import type { UsageRequest } from "./usage-book";

/** An id in command inputs: bounded, no control characters (core's `recordIdSchema`). */
export const idInput = recordIdSchema;

/** A use to price (quote) or record (charge): the resource, when, how many, a voucher. */
export const usageInputShape = {
  resourceId: idInput,
  /** The instant of use. @default now */
  start: instantSchema.optional(),
  /** When the use ends; absent or null for uses without a duration. */
  end: instantSchema.nullable().optional(),
  quantity: z.number().int().positive().max(10_000).default(1),
  /** A voucher code presented. */
  voucherId: idInput.optional(),
};

/** Money in command inputs: integer minor units, positive, with its currency (checked against the community's). */
export const moneyInput = z.object({ amount: z.number().int().positive(), currency: z.string().max(8) });

/** A required free-text reason (waivers, corrections). */
export const reasonInput = z.string().trim().min(1).max(500);

/** The {@link UsageRequest} of a quote or charge input for `residentId`, at `now` unless a start is given. */
export function usageRequestOf(
  residentId: string,
  input: z.output<z.ZodObject<typeof usageInputShape>>,
  now: Date,
): UsageRequest {
  return {
    residentId,
    resourceId: input.resourceId,
    start: input.start ?? now,
    end: input.end ?? null,
    quantity: input.quantity,
    ...(input.voucherId ? { voucherId: input.voucherId } : {}),
  };
}
