import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { teamsOf, type VolunteersOptions } from "../volunteers-config";
import { volunteersErrors } from "../volunteers-errors";
import { instantInput, nameInput } from "../volunteers-inputs";
import { shiftModel } from "../volunteers-models";

/** Most shifts one call creates (a month of several teams fits). */
export const MAX_SHIFTS_PER_CALL = 2000;

/** `volunteers.roster.createShifts` (staff): adds shifts of duty teams (each 1 minute to 24 hours). */
export const createShifts = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({
    shifts: z
      .array(
        z.object({
          team: nameInput,
          start: instantInput,
          end: instantInput,
          size: z.number().int().min(1).max(100).default(1),
          note: z.string().max(300).optional(),
        }),
      )
      .min(1)
      .max(MAX_SHIFTS_PER_CALL),
  }),
  run: async (cx, { shifts }) => {
    const teams = teamsOf(cx.options as VolunteersOptions);
    for (const s of shifts) {
      if (!teams.has(s.team)) throw LinliError.from(volunteersErrors, "UNKNOWN_TEAM", { team: s.team });
      const span = s.end.getTime() - s.start.getTime();
      if (span <= 0 || span > 86_400_000)
        throw LinliError.from(volunteersErrors, "INVALID_WINDOW", {
          start: s.start.toISOString(),
          end: s.end.toISOString(),
        });
    }
    const out = [];
    for (const s of shifts)
      out.push(await cx.tx.create(shiftModel, { ...s, note: s.note ?? null, createdAt: cx.now }));
    return out;
  },
});
