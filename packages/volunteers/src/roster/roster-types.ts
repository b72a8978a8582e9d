/*
 * Roster shapes: duty shifts, volunteers who may staff them, and the planned rotation.
 */

/** A shift of a duty team, needing `size` volunteers. */
export interface RosterShift {
  /** The shift's id. */
  readonly id: string;
  /** The duty team (patrol, sanitation, garbage-sorting, drying-room, …). */
  readonly team: string;
  /** Start instant. */
  readonly start: Date;
  /** End instant (exclusive). */
  readonly end: Date;
  /** How many volunteers the shift needs. */
  readonly size: number;
}

/** A volunteer as the roster planner sees them. */
export interface RosterVolunteer {
  /** The volunteer's id. */
  readonly id: string;
  /** Teams the volunteer belongs to. */
  readonly teams: readonly string[];
  /** Availability over the horizon; a shift must fit inside one window. */
  readonly windows: readonly { readonly start: Date; readonly end: Date }[];
  /** Most shifts in the horizon. */
  readonly maxShifts: number;
  /** Shifts already served (e.g. earlier this month), counted for fairness. @default 0 */
  readonly priorShifts?: number;
}

/** The roster planner's input. */
export interface RosterInput {
  /** Shifts to staff. */
  readonly shifts: readonly RosterShift[];
  /** Volunteers who may staff them. */
  readonly volunteers: readonly RosterVolunteer[];
}

/** One seat given to one volunteer. */
export interface RosterAssignment {
  /** The shift's id. */
  shiftId: string;
  /** The volunteer's id. */
  volunteerId: string;
}

/** A shift with seats nobody could take. */
export interface UncoveredShift {
  /** The shift's id. */
  shiftId: string;
  /** Seats left empty. */
  missing: number;
}

/** The planned rotation. */
export interface RosterPlan {
  /** Assignments, by shift order then volunteer id. */
  assignments: RosterAssignment[];
  /** Shifts not fully staffed. */
  uncovered: UncoveredShift[];
  /** Volunteer id → shifts assigned in this plan (every volunteer listed, 0 included). */
  perVolunteer: Record<string, number>;
  /** Fewest and most shifts (this plan's plus `priorShifts`) over volunteers who could take at least one shift. */
  spread: { min: number; max: number };
}
