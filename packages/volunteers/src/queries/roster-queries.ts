import { defineQuery, type ModelWhere } from "@linli/core";
import * as z from "zod";
import { volunteerOfActor } from "../volunteer-identity";
import { instantInput, nameInput } from "../volunteers-inputs";
import { shiftAssignmentModel, shiftModel } from "../volunteers-models";

/**
 * `volunteers.roster.shifts`: shifts starting in `[from, to)` (at most 62 days) with who is on
 * them. Staff see every shift; a volunteer sees the seats they hold.
 */
export const shifts = defineQuery({
  subject: "none",
  input: z.object({ from: instantInput, to: instantInput, team: nameInput.optional() }),
  run: async (cx, { from, to, team }) => {
    const clipped = new Date(Math.min(to.getTime(), from.getTime() + 62 * 86_400_000));
    const where: ModelWhere<typeof shiftModel>[] = [
      { field: "start", op: "gte", value: from },
      { field: "start", op: "lt", value: clipped },
    ];
    if (team) where.push({ field: "team", value: team });
    const self =
      cx.actor.kind === "volunteer" || cx.actor.kind === "resident" ? await volunteerOfActor(cx) : null;
    if (!self) cx.requireStaff("volunteers.roster.shifts");
    const rows = await cx.tx.findMany(shiftModel, { where, orderBy: [{ field: "start" }, { field: "id" }] });
    const seats = await cx.tx.findMany(shiftAssignmentModel, {
      where: [
        { field: "start", op: "gte", value: from },
        { field: "start", op: "lt", value: clipped },
        ...(self ? [{ field: "volunteerId" as const, value: self.id }] : []),
      ],
    });
    const byShift = new Map<string, { volunteerId: string; status: string }[]>();
    for (const s of seats)
      byShift.set(s.shiftId, [
        ...(byShift.get(s.shiftId) ?? []),
        { volunteerId: s.volunteerId, status: s.status },
      ]);
    return rows
      .map((shift) => ({ ...shift, seats: byShift.get(shift.id) ?? [] }))
      .filter((shift) => !self || shift.seats.length > 0);
  },
});
