import { canStaff, shiftsOverlap, summarizeRoster } from "./roster-summary";
import type { RosterAssignment, RosterInput, RosterPlan, RosterShift, RosterVolunteer } from "./roster-types";

/** A swap: `from` gives their seat on `shiftId` to `to`; with `withShiftId`, `to` gives theirs on that shift to `from`. */
export interface RosterSwap {
  /** The shift `from` leaves. */
  readonly shiftId: string;
  /** The volunteer leaving `shiftId`. */
  readonly from: string;
  /** The volunteer taking the seat. */
  readonly to: string;
  /** For a two-way swap: the shift `to` leaves and `from` takes. */
  readonly withShiftId?: string;
}

/** Why a roster change was refused. */
export type RosterChangeRefusal =
  | "unknown-shift"
  | "unknown-volunteer"
  | "not-assigned"
  | "already-assigned"
  | "not-in-team"
  | "unavailable"
  | "overlap"
  | "max-shifts";

/** The result of a roster change: the new plan, or why it was refused (the old plan stands). */
export type RosterChangeResult =
  | { ok: true; plan: RosterPlan }
  | { ok: false; reason: RosterChangeRefusal; volunteerId?: string };

/** An absence: the volunteer cannot serve the shift. */
export interface RosterAbsence {
  /** The shift. */
  readonly shiftId: string;
  /** The absent volunteer. */
  readonly volunteerId: string;
}

type Refusal = { ok: false; reason: RosterChangeRefusal; volunteerId?: string };

/** Why `volunteer` cannot take `shift` given their other assignments, or undefined. */
function refusal(
  shift: RosterShift,
  volunteer: RosterVolunteer,
  others: readonly RosterShift[],
): Refusal | undefined {
  if (!volunteer.teams.includes(shift.team))
    return { ok: false, reason: "not-in-team", volunteerId: volunteer.id };
  if (!canStaff(shift, volunteer)) return { ok: false, reason: "unavailable", volunteerId: volunteer.id };
  if (others.some((o) => o.id === shift.id))
    return { ok: false, reason: "already-assigned", volunteerId: volunteer.id };
  if (others.some((o) => shiftsOverlap(o, shift)))
    return { ok: false, reason: "overlap", volunteerId: volunteer.id };
  if (others.length + 1 > volunteer.maxShifts)
    return { ok: false, reason: "max-shifts", volunteerId: volunteer.id };
  return undefined;
}

function shiftsOf(
  volunteerId: string,
  assignments: readonly RosterAssignment[],
  byId: ReadonlyMap<string, RosterShift>,
): RosterShift[] {
  return assignments.filter((a) => a.volunteerId === volunteerId).map((a) => byId.get(a.shiftId)!);
}

/**
 * Swaps seats if every rule still holds (team, availability, no overlap, max shifts): one way
 * (`from` hands their seat on `shiftId` to `to`) or two ways (with `withShiftId`, `to` hands
 * theirs on that shift to `from`). Pure: returns the new plan or the reason it was refused.
 */
export function swapShifts(input: RosterInput, plan: RosterPlan, swap: RosterSwap): RosterChangeResult {
  const byId = new Map(input.shifts.map((s) => [s.id, s]));
  const vById = new Map(input.volunteers.map((v) => [v.id, v]));
  const shift = byId.get(swap.shiftId);
  const other = swap.withShiftId === undefined ? undefined : byId.get(swap.withShiftId);
  if (!shift || (swap.withShiftId !== undefined && !other)) return { ok: false, reason: "unknown-shift" };
  const from = vById.get(swap.from);
  const to = vById.get(swap.to);
  if (!from || !to) return { ok: false, reason: "unknown-volunteer" };
  const has = (s: string, v: string) => plan.assignments.some((a) => a.shiftId === s && a.volunteerId === v);
  if (!has(shift.id, from.id)) return { ok: false, reason: "not-assigned", volunteerId: from.id };
  if (other && !has(other.id, to.id)) return { ok: false, reason: "not-assigned", volunteerId: to.id };
  const next = plan.assignments.filter(
    (a) =>
      !(a.shiftId === shift.id && a.volunteerId === from.id) &&
      !(other && a.shiftId === other.id && a.volunteerId === to.id),
  );
  const toRefusal = refusal(shift, to, shiftsOf(to.id, next, byId));
  if (toRefusal) return toRefusal;
  next.push({ shiftId: shift.id, volunteerId: to.id });
  if (other) {
    const fromRefusal = refusal(other, from, shiftsOf(from.id, next, byId));
    if (fromRefusal) return fromRefusal;
    next.push({ shiftId: other.id, volunteerId: from.id });
  }
  return { ok: true, plan: summarizeRoster(input, next) };
}

/**
 * Handles an absence: removes the volunteer from the shift and gives the seat to the eligible
 * volunteer (team, availability, no overlap, under max shifts, not absent) with the lowest load
 * (plan plus `priorShifts`), ties by id: the replacement that raises the sum of squared loads the
 * least. When nobody can, the shift is reported in `uncovered`. Other seats are not moved.
 */
export function handleAbsence(
  input: RosterInput,
  plan: RosterPlan,
  absence: RosterAbsence,
): RosterChangeResult {
  const byId = new Map(input.shifts.map((s) => [s.id, s]));
  const shift = byId.get(absence.shiftId);
  if (!shift) return { ok: false, reason: "unknown-shift" };
  if (!input.volunteers.some((v) => v.id === absence.volunteerId))
    return { ok: false, reason: "unknown-volunteer" };
  const index = plan.assignments.findIndex(
    (a) => a.shiftId === shift.id && a.volunteerId === absence.volunteerId,
  );
  if (index < 0) return { ok: false, reason: "not-assigned", volunteerId: absence.volunteerId };
  const next = plan.assignments.filter((_, i) => i !== index);
  let best: { id: string; load: number } | undefined;
  for (const v of input.volunteers) {
    if (v.id === absence.volunteerId) continue;
    const mine = shiftsOf(v.id, next, byId);
    if (refusal(shift, v, mine)) continue;
    const load = mine.length + (v.priorShifts ?? 0);
    if (!best || load < best.load || (load === best.load && v.id < best.id)) best = { id: v.id, load };
  }
  if (best) next.push({ shiftId: shift.id, volunteerId: best.id });
  return { ok: true, plan: summarizeRoster(input, next) };
}
