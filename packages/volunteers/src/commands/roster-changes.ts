import { type CommandContext, defineCommand, isStaffLike, LinliError } from "@linli/core";
import * as z from "zod";
import { withoutBusy } from "../availability";
import { volunteersEvents } from "../events";
import { recordHours } from "../hours-ledger";
import { handleAbsence, swapShifts } from "../roster/roster-changes";
import { currentPlan, getShift, monthOf, rosterShift, rosterVolunteers, seatsOf } from "../roster-context";
import { volunteerOfActor } from "../volunteer-identity";
import type { VolunteersOptions } from "../volunteers-config";
import { volunteersErrors } from "../volunteers-errors";
import { idInput } from "../volunteers-inputs";
import { type Shift, shiftAssignmentModel, shiftModel } from "../volunteers-models";

async function seatOf(cx: CommandContext, shiftId: string, volunteerId: string) {
  const seat = await cx.tx.findOne(shiftAssignmentModel, [
    { field: "shiftId", value: shiftId },
    { field: "volunteerId", value: volunteerId },
    { field: "status", value: "assigned" },
  ]);
  if (!seat) throw LinliError.from(volunteersErrors, "ASSIGNMENT_NOT_FOUND", { shiftId, volunteerId });
  return seat;
}

async function requireSelfOrStaff(cx: CommandContext, volunteerId: string, action: string): Promise<void> {
  if (isStaffLike(cx.actor)) return;
  const self = await volunteerOfActor(cx);
  if (self?.id !== volunteerId) cx.requireStaff(action);
}

/** The month around a shift as the pure roster changes see it: its shifts, the team's volunteers, the seats. */
async function monthPlan(cx: CommandContext<VolunteersOptions>, shift: Shift) {
  const month = monthOf(shift.start, cx.config.community.timeZone);
  const shifts = await cx.tx.findMany(shiftModel, {
    where: [
      { field: "start", op: "gte", value: month.start },
      { field: "start", op: "lt", value: month.end },
    ],
  });
  const seats = await seatsOf(
    cx,
    shifts.map((s) => s.id),
  );
  const { volunteers: members } = await rosterVolunteers(cx, [shift.team], month, { subtractSeats: false });
  // Whoever already said they cannot serve this shift is not available for it.
  const absent = new Set(
    (
      await cx.tx.findMany(shiftAssignmentModel, {
        where: [
          { field: "shiftId", value: shift.id },
          { field: "status", value: "absent" },
        ],
      })
    ).map((a) => a.volunteerId),
  );
  const volunteers = members.map((v) =>
    absent.has(v.id) ? { ...v, windows: withoutBusy(v.windows, [shift]) } : v,
  );
  const ids = [...new Set([...volunteers.map((v) => v.id), ...seats.map((s) => s.volunteerId)])];
  return { input: { shifts: shifts.map((s) => rosterShift(s)), volunteers }, plan: currentPlan(seats, ids) };
}

/**
 * `volunteers.roster.swap`: a volunteer gives their seat on a shift to a teammate (staff, or
 * the volunteer giving it). Refused with `ROSTER_CHANGE_REFUSED` when the teammate is not in
 * the team, not available, already on an overlapping shift or at their monthly maximum.
 */
export const swap = defineCommand({
  subject: "none",
  input: z.object({ shiftId: idInput, fromVolunteerId: idInput, toVolunteerId: idInput }),
  run: async (cx, input) => {
    await requireSelfOrStaff(cx, input.fromVolunteerId, "volunteers.roster.swap");
    const shift = await getShift(cx, input.shiftId);
    const seat = await seatOf(cx, shift.id, input.fromVolunteerId);
    const { input: rosterInput, plan } = await monthPlan(cx, shift);
    const result = swapShifts(rosterInput, plan, {
      shiftId: shift.id,
      from: input.fromVolunteerId,
      to: input.toVolunteerId,
    });
    if (!result.ok)
      throw LinliError.from(volunteersErrors, "ROSTER_CHANGE_REFUSED", {
        reason: result.reason,
        volunteerId: result.volunteerId ?? input.toVolunteerId,
      });
    const moved = await cx.tx.updateById(shiftAssignmentModel, seat.id, {
      volunteerId: input.toVolunteerId,
      assignedAt: cx.now,
    });
    await cx.emit(volunteersEvents.ShiftAssigned, {
      shiftId: shift.id,
      team: shift.team,
      volunteerId: input.toVolunteerId,
      start: shift.start.toISOString(),
      end: shift.end.toISOString(),
    });
    return moved;
  },
});

/**
 * `volunteers.roster.absence`: a volunteer cannot serve a shift (staff, or themself). Their seat
 * is marked absent and given to the fairest available teammate (`ShiftAssigned`), or the shift
 * is reported short (`ShiftUncovered`).
 */
export const absence = defineCommand({
  subject: "none",
  input: z.object({ shiftId: idInput, volunteerId: idInput }),
  run: async (cx, input) => {
    await requireSelfOrStaff(cx, input.volunteerId, "volunteers.roster.absence");
    const shift = await getShift(cx, input.shiftId);
    const seat = await seatOf(cx, shift.id, input.volunteerId);
    const { input: rosterInput, plan } = await monthPlan(cx, shift);
    const result = handleAbsence(rosterInput, plan, { shiftId: shift.id, volunteerId: input.volunteerId });
    await cx.tx.updateById(shiftAssignmentModel, seat.id, { status: "absent" });
    const before = new Set(plan.assignments.filter((a) => a.shiftId === shift.id).map((a) => a.volunteerId));
    const replacement = result.ok
      ? result.plan.assignments.find((a) => a.shiftId === shift.id && !before.has(a.volunteerId))?.volunteerId
      : undefined;
    if (replacement) {
      await cx.tx.create(shiftAssignmentModel, {
        shiftId: shift.id,
        volunteerId: replacement,
        team: shift.team,
        start: shift.start,
        end: shift.end,
        status: "assigned",
        assignedAt: cx.now,
      });
      await cx.emit(volunteersEvents.ShiftAssigned, {
        shiftId: shift.id,
        team: shift.team,
        volunteerId: replacement,
        start: shift.start.toISOString(),
        end: shift.end.toISOString(),
      });
    } else {
      await cx.emit(volunteersEvents.ShiftUncovered, {
        shiftId: shift.id,
        team: shift.team,
        start: shift.start.toISOString(),
        missing: 1,
      });
    }
    return { shiftId: shift.id, absent: input.volunteerId, replacement: replacement ?? null };
  },
});

/**
 * `volunteers.roster.attendance` (staff): records whether a volunteer served their shift; the
 * hours served (or the no-show) go to the hours ledger and weigh in fairness.
 */
export const attendance = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ shiftId: idInput, volunteerId: idInput, served: z.boolean() }),
  run: async (cx, input) => {
    const shift = await getShift(cx, input.shiftId);
    const seat = await seatOf(cx, shift.id, input.volunteerId);
    const updated = await cx.tx.updateById(shiftAssignmentModel, seat.id, {
      status: input.served ? "served" : "no-show",
    });
    await recordHours(cx, {
      volunteerId: input.volunteerId,
      source: "shift",
      sourceId: seat.id,
      at: shift.end,
      minutes: input.served ? Math.round((shift.end.getTime() - shift.start.getTime()) / 60_000) : 0,
      noShow: !input.served,
    });
    return updated;
  },
});
