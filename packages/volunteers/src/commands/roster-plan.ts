import { defineCommand, LinliError, type ModelWhere } from "@linli/core";
import * as z from "zod";
import { volunteersEvents } from "../events";
import { planRoster } from "../roster/plan-roster";
import { rosterShift, rosterVolunteers, seatsOf } from "../roster-context";
import { teamsOf, type VolunteersOptions } from "../volunteers-config";
import { volunteersErrors } from "../volunteers-errors";
import { instantInput, nameInput } from "../volunteers-inputs";
import { shiftAssignmentModel, shiftModel } from "../volunteers-models";

/**
 * `volunteers.roster.plan` (staff): fills the empty seats of the shifts starting in
 * `[from, to)` (at most 62 days; one team or all) with a fair rotation from the pure planner
 * `planRoster`: every availability, the monthly maximum and team membership respected, seats
 * already held kept, and shifts spread evenly (the month's seats counted). Emits
 * `ShiftAssigned` per seat given and `ShiftUncovered` per shift still short.
 */
export const plan = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ from: instantInput, to: instantInput, team: nameInput.optional() }),
  run: async (cx, { from, to, team }) => {
    const options = cx.options as VolunteersOptions;
    if (to <= from || to.getTime() - from.getTime() > 62 * 86_400_000)
      throw LinliError.from(volunteersErrors, "INVALID_WINDOW", {
        start: from.toISOString(),
        end: to.toISOString(),
      });
    if (team && !teamsOf(options).has(team))
      throw LinliError.from(volunteersErrors, "UNKNOWN_TEAM", { team });
    const where: ModelWhere<typeof shiftModel>[] = [
      { field: "start", op: "gte", value: from },
      { field: "start", op: "lt", value: to },
    ];
    if (team) where.push({ field: "team", value: team });
    const shifts = await cx.tx.findMany(shiftModel, {
      where,
      orderBy: [{ field: "start" }, { field: "id" }],
    });
    const held = await seatsOf(
      cx,
      shifts.map((s) => s.id),
    );
    const taken = new Map<string, number>();
    for (const s of held) taken.set(s.shiftId, (taken.get(s.shiftId) ?? 0) + 1);
    const open = shifts.filter((s) => (taken.get(s.id) ?? 0) < s.size);
    const teams = [...new Set(open.map((s) => s.team))];
    const { volunteers } = open.length
      ? await rosterVolunteers(
          cx,
          teams,
          { start: from, end: new Date(Math.max(to.getTime(), ...open.map((s) => s.end.getTime()))) },
          { subtractSeats: true },
        )
      : { volunteers: [] };
    const result = planRoster({
      shifts: open.map((s) => rosterShift(s, s.size - (taken.get(s.id) ?? 0))),
      volunteers,
    });
    const byId = new Map(shifts.map((s) => [s.id, s] as const));
    for (const a of result.assignments) {
      const shift = byId.get(a.shiftId);
      if (!shift) continue;
      await cx.tx.create(shiftAssignmentModel, {
        shiftId: shift.id,
        volunteerId: a.volunteerId,
        team: shift.team,
        start: shift.start,
        end: shift.end,
        status: "assigned",
        assignedAt: cx.now,
      });
      await cx.emit(volunteersEvents.ShiftAssigned, {
        shiftId: shift.id,
        team: shift.team,
        volunteerId: a.volunteerId,
        start: shift.start.toISOString(),
        end: shift.end.toISOString(),
      });
    }
    for (const u of result.uncovered) {
      const shift = byId.get(u.shiftId);
      if (!shift || u.missing <= 0) continue;
      await cx.emit(volunteersEvents.ShiftUncovered, {
        shiftId: shift.id,
        team: shift.team,
        start: shift.start.toISOString(),
        missing: u.missing,
      });
    }
    return {
      shifts: shifts.length,
      assigned: result.assignments.length,
      uncovered: result.uncovered,
      perVolunteer: result.perVolunteer,
      spread: result.spread,
    };
  },
});
