import * as z from "zod";
import { recordIdSchema } from "../record-id";
import { defineCommand, defineQuery } from "../command";
import { coreErrors } from "../core-errors";
import { LinliError } from "../errors";
import { householdModel, residentModel } from "../kernel-models";
import type { RowOf } from "../model";
import { type Page, pageInput, readPage } from "../page";

type Resident = RowOf<typeof residentModel>;
import { coreEvents } from "./kernel-events";

/** Registers a resident (staff). Emits `ResidentRegistered`. */
export const registerResident = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({
    id: recordIdSchema.optional(),
    name: recordIdSchema,
    householdId: z.string().max(200).nullable().optional(),
    placeId: z.string().max(200).nullable().optional(),
    phone: z.string().max(50).nullable().optional(),
    birthYear: z.number().int().min(1900).max(2100).nullable().optional(),
  }),
  run: async (cx, input) => {
    if (input.householdId) await cx.tx.get(householdModel, input.householdId);
    if (input.placeId && !cx.config.places.some((p) => p.id === input.placeId)) {
      throw LinliError.from(coreErrors, "NOT_FOUND", { model: "place", id: input.placeId });
    }
    const resident = await cx.tx.create(residentModel, { ...input, createdAt: cx.now });
    await cx.emit(coreEvents.ResidentRegistered, { residentId: resident.id });
    return resident;
  },
});

/** A resident's record: for themself, their delegates and staff. */
export const getResident = defineQuery({
  subject: "required",
  input: z.object({}),
  run: (cx) => cx.tx.get(residentModel, cx.subject),
});

/** The residents, ordered by id, a page at a time (`limit`, `after`; see {@link Page}) (staff). */
export const listResidents = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object(pageInput),
  run: (cx, { limit, after }): Promise<Page<Resident>> => readPage(cx.tx, residentModel, { limit, after }),
});

/** Creates a household (staff). */
export const createHousehold = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({
    id: recordIdSchema.optional(),
    name: recordIdSchema,
    placeId: z.string().max(200).nullable().optional(),
  }),
  run: (cx, input) => cx.tx.create(householdModel, { ...input, createdAt: cx.now }),
});
