import type { RosterAssignment, RosterInput, RosterPlan, RosterShift, RosterVolunteer } from "./roster-types";

/** Most shifts, volunteers, seats per shift or shifts per volunteer one roster accepts. */
export const ROSTER_LIMITS = { shifts: 20_000, volunteers: 5_000, size: 1_000, maxShifts: 1_000 } as const;

function fail(message: string): never {
  throw new RangeError(`roster: ${message}`);
}

/** Checks a roster input (bounded counts, unique ids, valid times and integers); throws a RangeError. */
export function checkRosterInput(input: RosterInput): void {
  if (input.shifts.length > ROSTER_LIMITS.shifts) fail(`too many shifts (> ${ROSTER_LIMITS.shifts})`);
  if (input.volunteers.length > ROSTER_LIMITS.volunteers)
    fail(`too many volunteers (> ${ROSTER_LIMITS.volunteers})`);
  const shiftIds = new Set<string>();
  for (const s of input.shifts) {
    if (shiftIds.has(s.id)) fail(`duplicate shift id "${s.id}"`);
    shiftIds.add(s.id);
    const start = s.start.getTime();
    const end = s.end.getTime();
    if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
      fail(`shift "${s.id}" has invalid times`);
    if (!Number.isSafeInteger(s.size) || s.size < 0 || s.size > ROSTER_LIMITS.size) {
      fail(`shift "${s.id}" size must be an integer from 0 to ${ROSTER_LIMITS.size}`);
    }
  }
  const volunteerIds = new Set<string>();
  for (const v of input.volunteers) {
    if (volunteerIds.has(v.id)) fail(`duplicate volunteer id "${v.id}"`);
    volunteerIds.add(v.id);
    if (!Number.isSafeInteger(v.maxShifts) || v.maxShifts < 0 || v.maxShifts > ROSTER_LIMITS.maxShifts) {
      fail(`volunteer "${v.id}" maxShifts must be an integer from 0 to ${ROSTER_LIMITS.maxShifts}`);
    }
    const prior = v.priorShifts ?? 0;
    if (!Number.isSafeInteger(prior) || prior < 0)
      fail(`volunteer "${v.id}" priorShifts must be an integer ≥ 0`);
    for (const w of v.windows) {
      if (!Number.isFinite(w.start.getTime()) || !Number.isFinite(w.end.getTime())) {
        fail(`a window of volunteer "${v.id}" has an invalid date`);
      }
    }
  }
}

/** True when the volunteer belongs to the shift's team and one window covers the shift. */
export function canStaff(shift: RosterShift, volunteer: RosterVolunteer): boolean {
  if (!volunteer.teams.includes(shift.team)) return false;
  const start = shift.start.getTime();
  const end = shift.end.getTime();
  return volunteer.windows.some((w) => w.start.getTime() <= start && end <= w.end.getTime());
}

/** True when two shifts overlap in time. */
export function shiftsOverlap(a: RosterShift, b: RosterShift): boolean {
  return a.start.getTime() < b.end.getTime() && b.start.getTime() < a.end.getTime();
}

/**
 * Builds a {@link RosterPlan} from assignments: sorted (shift order, then volunteer id), shifts
 * left short, shifts per volunteer, and the spread (plan plus `priorShifts`) over volunteers who
 * could staff at least one shift.
 */
export function summarizeRoster(input: RosterInput, assignments: readonly RosterAssignment[]): RosterPlan {
  const shiftOrder = new Map(input.shifts.map((s, i) => [s.id, i]));
  const sorted = [...assignments].sort(
    (a, b) =>
      shiftOrder.get(a.shiftId)! - shiftOrder.get(b.shiftId)! ||
      (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0),
  );
  const perVolunteer: Record<string, number> = {};
  for (const v of input.volunteers) perVolunteer[v.id] = 0;
  const seats = new Map<string, number>();
  for (const a of sorted) {
    perVolunteer[a.volunteerId] = (perVolunteer[a.volunteerId] ?? 0) + 1;
    seats.set(a.shiftId, (seats.get(a.shiftId) ?? 0) + 1);
  }
  const uncovered = input.shifts
    .filter((s) => (seats.get(s.id) ?? 0) < s.size)
    .map((s) => ({ shiftId: s.id, missing: s.size - (seats.get(s.id) ?? 0) }));
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  for (const v of input.volunteers) {
    if (v.maxShifts < 1 || !input.shifts.some((s) => canStaff(s, v))) continue;
    const load = perVolunteer[v.id]! + (v.priorShifts ?? 0);
    min = Math.min(min, load);
    max = Math.max(max, load);
  }
  return {
    assignments: sorted.map((a) => ({ shiftId: a.shiftId, volunteerId: a.volunteerId })),
    uncovered,
    perVolunteer,
    spread: { min: Number.isFinite(min) ? min : 0, max },
  };
}
