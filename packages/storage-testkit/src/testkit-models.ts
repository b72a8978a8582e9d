import { defineModel } from "@linli/core";
import * as z from "zod";

/** A model with one field of every storage kind, used by the conformance tests. */
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
  { indexes: [{ fields: ["rank"] }, { fields: ["code"], unique: true }] },
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

/** Every model the conformance suite sets up. */
export const testkitModels = [sampleModel, slotModel, counterModel];
