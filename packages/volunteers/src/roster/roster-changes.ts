import type { RosterInput, RosterPlan } from "./roster-types";

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

/** Swaps seats between volunteers if every rule still holds. */
export function swapShifts(input: RosterInput, plan: RosterPlan, swap: RosterSwap): RosterChangeResult {
  void input;
  void plan;
  void swap;
  throw new Error("not implemented yet");
}

/** Removes an absent volunteer from a shift and fills the seat with the fairest available replacement. */
export function handleAbsence(
  input: RosterInput,
  plan: RosterPlan,
  absence: RosterAbsence,
): RosterChangeResult {
  void input;
  void plan;
  void absence;
  throw new Error("not implemented yet");
}
