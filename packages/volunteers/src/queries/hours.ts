import { defineQuery, isStaffLike, type ModelWhere } from "@linli/core";
import * as z from "zod";
import { requireVolunteerActor } from "../volunteer-identity";
import type { VolunteersOptions } from "../volunteers-config";
import { idInput } from "../volunteers-inputs";
import { hoursModel } from "../volunteers-models";

/** One volunteer's hours in one local month. */
export interface MonthlyHours {
  /** The volunteer. */
  volunteerId: string;
  /** Local month `YYYY-MM`. */
  month: string;
  /** Minutes served. */
  minutes: number;
  /** Help requests done. */
  tasks: number;
  /** Shifts served. */
  shifts: number;
  /** Pair visits made. */
  visits: number;
  /** No-shows recorded. */
  noShows: number;
}

/**
 * `volunteers.hours`: the hours ledger summed per volunteer and local month, with each
 * volunteer's total and the milestones reached (over the month when `month` is given). Staff see everyone (or one volunteer); a
 * volunteer sees their own.
 */
export const hours = defineQuery({
  subject: "none",
  input: z.object({
    volunteerId: idInput.optional(),
    month: z
      .string()
      .regex(/^\d{4}-\d{2}$/)
      .optional(),
  }),
  run: async (cx, { volunteerId, month }) => {
    const options = cx.options as VolunteersOptions;
    const where: ModelWhere<typeof hoursModel>[] = [];
    if (isStaffLike(cx.actor)) {
      if (volunteerId) where.push({ field: "volunteerId", value: volunteerId });
    } else {
      const self = await requireVolunteerActor(cx);
      if (volunteerId !== undefined && volunteerId !== self.id) cx.requireStaff("volunteers.hours");
      where.push({ field: "volunteerId", value: self.id });
    }
    if (month) where.push({ field: "month", value: month });
    const rows = await cx.tx.findMany(hoursModel, { where, orderBy: [{ field: "at" }] });
    const months = new Map<string, MonthlyHours>();
    const totals = new Map<string, number>();
    for (const r of rows) {
      const key = `${r.volunteerId}|${r.month}`;
      const m = months.get(key) ?? {
        volunteerId: r.volunteerId,
        month: r.month,
        minutes: 0,
        tasks: 0,
        shifts: 0,
        visits: 0,
        noShows: 0,
      };
      m.minutes += r.minutes;
      if (r.noShow) m.noShows += 1;
      else if (r.source === "task") m.tasks += 1;
      else if (r.source === "shift") m.shifts += 1;
      else m.visits += 1;
      months.set(key, m);
      totals.set(r.volunteerId, (totals.get(r.volunteerId) ?? 0) + r.minutes);
    }
    return {
      months: [...months.values()],
      volunteers: [...totals].map(([id, minutes]) => ({
        volunteerId: id,
        minutes,
        hours: Math.floor(minutes / 60),
        milestones: options.milestones.filter((h) => minutes >= h * 60),
      })),
    };
  },
});
