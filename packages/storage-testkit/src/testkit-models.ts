import { defineModel } from "@linli/core";
import { intervalSpanModel } from "@linli/core/adapter";
import * as z from "zod";

/**
 * A model with one field of every storage kind, used by the conformance tests; its indexes
 * are a plain one, a unique one and a partial one (rows with a `note`).
 */
export const sampleModel = defineModel(
  "testkit_sample",
  {
    name: z.string(),
    rank: z.number().int(),
    score: z.number(),
    active: z.boolean(),
    at: z.date(),
    tags: z.array(z.string()),
    meta: z.record(z.string(), z.unknown()),
    note: z.string().nullable().default(null),
    code: z.string().nullable().default(null),
  },
  {
    indexes: [
      { fields: ["rank"] },
      { fields: ["code"], unique: true },
      // Partial: only rows with a note (the partial-index tests read it with and without one).
      { fields: ["note"], where: { field: "note", is: "not-null" } },
    ],
  },
);

/** A reservation of a slot, used by the concurrency tests. */
export const slotModel = defineModel(
  "testkit_slot",
  {
    slotId: z.string(),
    holder: z.string(),
    start: z.date(),
    end: z.date(),
    quantity: z.number().int().positive(),
  },
  { indexes: [{ fields: ["slotId", "start"] }] },
);

/** A counter, used by the lost-update test. */
export const counterModel = defineModel("testkit_counter", { value: z.number().int() });

/** The longest hold of {@link holdModel}: 30 days. */
export const MAX_HOLD_SPAN_MS = 30 * 86_400_000;

/**
 * A hold of an item over a declared interval (at most 30 days), used by the interval-span
 * tests: overlap reads on its `(itemId, end, start)` index are bounded by the longest hold
 * stored.
 */
export const holdModel = defineModel(
  "testkit_hold",
  { itemId: z.string(), start: z.date(), end: z.date() },
  {
    indexes: [{ fields: ["itemId", "end", "start"] }],
    intervals: [{ start: "start", end: "end", maxSpanMs: MAX_HOLD_SPAN_MS }],
  },
);

/**
 * Every model the conformance suite sets up (with the kernel's interval spans, which the
 * kernel's `Tx` keeps for every model declaring an interval).
 */
export const testkitModels = [sampleModel, slotModel, counterModel, holdModel, intervalSpanModel];
