/** One volunteer's work as the simulation saw it done. */
export interface LedgerEntry {
  taskMinutes: number;
  shiftMinutes: number;
  tasks: number;
  shifts: number;
  noShows: number;
}

/**
 * What the help-request and duty-shift domains saw volunteers do, shared with the volunteers
 * domain that registers them and writes the hours and fairness section (the split of each
 * volunteer's minutes between tasks and shifts, for the volunteer-load chart).
 */
export class VolunteerLedger {
  /** Volunteer names by id (registered ones). */
  readonly names = new Map<string, string>();
  private readonly entries = new Map<string, LedgerEntry>();

  /** The entry of a volunteer (created empty). */
  of(volunteerId: string): LedgerEntry {
    let e = this.entries.get(volunteerId);
    if (!e) {
      e = { taskMinutes: 0, shiftMinutes: 0, tasks: 0, shifts: 0, noShows: 0 };
      this.entries.set(volunteerId, e);
    }
    return e;
  }

  /** A completed task of `minutes`. */
  task(volunteerId: string, minutes: number): void {
    const e = this.of(volunteerId);
    e.tasks++;
    e.taskMinutes += minutes;
  }

  /** A served shift of `minutes`. */
  shift(volunteerId: string, minutes: number): void {
    const e = this.of(volunteerId);
    e.shifts++;
    e.shiftMinutes += minutes;
  }

  /** A task or shift not turned up to. */
  noShow(volunteerId: string): void {
    this.of(volunteerId).noShows++;
  }
}
