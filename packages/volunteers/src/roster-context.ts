import {
  type CommandContext,
  LinliError,
  localMonthStart,
  startOfLocalDay,
  addLocalMonths,
} from "@linli/core";
import { expandAvailability, type Interval, withoutBusy } from "./availability";
import type { RosterPlan, RosterShift, RosterVolunteer } from "./roster/roster-types";
import { volunteersByIds } from "./volunteer-profile";
import type { VolunteersOptions } from "./volunteers-config";
import { volunteersErrors } from "./volunteers-errors";
import {
  capabilityModel,
  type Shift,
  type ShiftAssignment,
  shiftAssignmentModel,
  shiftModel,
} from "./volunteers-models";

/** Assignments that hold a seat. */
export const SEATED = ["assigned", "served"] as const;

/** A shift by id; throws `SHIFT_NOT_FOUND`. */
export async function getShift(cx: CommandContext, shiftId: string): Promise<Shift> {
  const shift = await cx.tx.findById(shiftModel, shiftId);
  if (!shift) throw LinliError.from(volunteersErrors, "SHIFT_NOT_FOUND", { shiftId });
  return shift;
}

/** The local month `[start, end)` holding an instant, as UTC instants. */
export function monthOf(instant: Date, timeZone: string): Interval {
  const first = localMonthStart(instant, timeZone);
  return {
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(addLocalMonths(first, 1), timeZone),
  };
}

/** Seated assignments of the given shifts (chunked indexed reads). */
export async function seatsOf(cx: CommandContext, shiftIds: readonly string[]): Promise<ShiftAssignment[]> {
  const out: ShiftAssignment[] = [];
  for (let i = 0; i < shiftIds.length; i += 500)
    out.push(
      ...(await cx.tx.findMany(shiftAssignmentModel, {
        where: [
          { field: "shiftId", op: "in", value: shiftIds.slice(i, i + 500) },
          { field: "status", op: "in", value: [...SEATED] },
        ],
      })),
    );
  return out;
}

/** Seated assignments of the given volunteers overlapping `[from, to)`. */
export async function seatsOfVolunteers(
  cx: CommandContext,
  volunteerIds: readonly string[],
  range: Interval,
): Promise<ShiftAssignment[]> {
  const out: ShiftAssignment[] = [];
  for (let i = 0; i < volunteerIds.length; i += 500)
    out.push(
      ...(await cx.tx.findMany(shiftAssignmentModel, {
        where: [
          { field: "volunteerId", op: "in", value: volunteerIds.slice(i, i + 500) },
          { field: "start", op: "lt", value: range.end },
          { field: "start", op: "gte", value: range.start },
          { field: "status", op: "in", value: [...SEATED] },
        ],
      })),
    );
  return out;
}

/**
 * The roster planner's volunteers for some teams over `range`: active members (read by the team
 * capability index), their availability expanded over the range, and with `busy` assignments
 * taken out of their windows when given (so a plan never overlaps what they already serve).
 * `maxShifts` is their monthly maximum less the seats they hold in the month; `priorShifts`
 * those seats, so the rotation evens out the whole month.
 */
export async function rosterVolunteers(
  cx: CommandContext<VolunteersOptions>,
  teams: readonly string[],
  range: Interval,
  options: { subtractSeats: boolean },
): Promise<{ volunteers: RosterVolunteer[]; seats: ShiftAssignment[] }> {
  const timeZone = cx.config.community.timeZone;
  const members = await cx.tx.findMany(capabilityModel, {
    where: [
      { field: "kind", value: "team" },
      { field: "name", op: "in", value: [...teams] },
      { field: "active", value: true },
    ],
  });
  const profiles = (
    await volunteersByIds(
      cx,
      members.map((m) => m.volunteerId),
    )
  ).filter((v) => v.status === "active");
  const month = monthOf(range.start, timeZone);
  const horizon = {
    start: new Date(Math.min(month.start.getTime(), range.start.getTime())),
    end: new Date(Math.max(month.end.getTime(), range.end.getTime())),
  };
  const seats = await seatsOfVolunteers(
    cx,
    profiles.map((v) => v.id),
    horizon,
  );
  const held = new Map<string, ShiftAssignment[]>();
  for (const s of seats) held.set(s.volunteerId, [...(held.get(s.volunteerId) ?? []), s]);
  const volunteers = profiles.map((v) => {
    const mine = held.get(v.id) ?? [];
    const inMonth = mine.filter((s) => s.start >= month.start && s.start < month.end).length;
    let windows = expandAvailability(v.weekly, v.exceptions, range.start, range.end, timeZone);
    if (options.subtractSeats) windows = withoutBusy(windows, mine);
    return {
      id: v.id,
      teams: v.teams,
      windows,
      maxShifts: Math.max(0, v.maxShiftsPerMonth - (options.subtractSeats ? inMonth : 0)),
      priorShifts: options.subtractSeats ? inMonth : 0,
    };
  });
  return { volunteers, seats };
}

/** A stored shift as the planner sees it, with `size` seats to fill. */
export function rosterShift(shift: Shift, size = shift.size): RosterShift {
  return { id: shift.id, team: shift.team, start: shift.start, end: shift.end, size };
}

/** The current plan of some shifts, as the pure roster changes take it. */
export function currentPlan(seats: readonly ShiftAssignment[], volunteerIds: readonly string[]): RosterPlan {
  const perVolunteer: Record<string, number> = Object.fromEntries(volunteerIds.map((id) => [id, 0]));
  for (const s of seats) perVolunteer[s.volunteerId] = (perVolunteer[s.volunteerId] ?? 0) + 1;
  const counts = Object.values(perVolunteer);
  return {
    assignments: seats.map((s) => ({ shiftId: s.shiftId, volunteerId: s.volunteerId })),
    uncovered: [],
    perVolunteer,
    spread: { min: counts.length ? Math.min(...counts) : 0, max: counts.length ? Math.max(...counts) : 0 },
  };
}
