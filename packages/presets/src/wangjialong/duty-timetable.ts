// The fixed weekly duty times of the Alley Pioneers' duty teams, in local time (Asia/Shanghai).
// Rosters are data, not configuration: staff create the shifts (`volunteers.roster.createShifts`)
// and plan them (`roster.plan`); `wangjialongDutyShifts` turns this timetable into those shifts.
// Times other than the drying room's and the tool room's are assumptions.
import { addLocalDays, zonedInstant } from "@linli/core";

/** One weekly duty: a team on a weekday (1 = Monday … 7 = Sunday) from a local time to another, with its seats. */
export interface WeeklyDuty {
  /** The duty team. */
  readonly team: string;
  /** ISO weekday, 1 = Monday. */
  readonly weekday: number;
  /** Local start, `HH:MM`. */
  readonly from: string;
  /** Local end, `HH:MM`. */
  readonly to: string;
  /** Volunteers on duty at once. */
  readonly size: number;
}

const ALL_DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WORKDAYS = [1, 2, 3, 4, 5] as const;
const duty = (team: string, days: readonly number[], from: string, to: string, size: number): WeeklyDuty[] =>
  days.map((weekday) => ({ team, weekday, from, to, size }));

/**
 * The drying room's staffed times (veteran party members and retired tailors at fixed times each
 * week), the same as the `drying-room-staffed-hours` rule of ironing and tailoring.
 */
export const DRYING_ROOM_DUTY: readonly WeeklyDuty[] = [
  { team: "drying-room-duty", weekday: 2, from: "09:00", to: "11:30", size: 2 },
  { team: "drying-room-duty", weekday: 4, from: "14:30", to: "17:00", size: 2 },
  { team: "drying-room-duty", weekday: 6, from: "09:00", to: "11:30", size: 2 },
];

/**
 * Every weekly duty: safety patrols twice a day, garbage sorting every morning, sanitation
 * inspection on Mondays and Thursdays, the drying room's duty, one repair volunteer on duty at
 * the tool room in its opening hours, and a mediation hour on Wednesdays.
 */
export const WANGJIALONG_DUTY_TIMETABLE: readonly WeeklyDuty[] = [
  ...duty("patrol", ALL_DAYS, "08:00", "10:00", 2),
  ...duty("patrol", ALL_DAYS, "19:00", "21:00", 2),
  ...duty("garbage-sorting", ALL_DAYS, "07:00", "08:30", 1),
  ...duty("sanitation-inspection", [1, 4], "09:00", "11:00", 2),
  ...DRYING_ROOM_DUTY,
  ...duty("tool-room-duty", ALL_DAYS, "09:00", "11:30", 1),
  ...duty("tool-room-duty", WORKDAYS, "15:00", "18:00", 1),
  ...duty("mediation", [3], "15:00", "17:00", 1),
];

/** A shift as `volunteers.roster.createShifts` takes it. */
export interface DutyShift {
  /** The duty team. */
  readonly team: string;
  /** UTC start. */
  readonly start: Date;
  /** UTC end. */
  readonly end: Date;
  /** Seats. */
  readonly size: number;
}

/** The longest range of days {@link wangjialongDutyShifts} expands. */
export const MAX_DUTY_DAYS = 366;

/**
 * The shifts of the timetable over `days` local days from `firstDay` (`YYYY-MM-DD`), in time
 * order, as UTC instants in Asia/Shanghai. Deterministic.
 *
 * @example wangjialongDutyShifts("2026-07-01", 30) // a month of shifts for roster.createShifts
 */
export function wangjialongDutyShifts(
  firstDay: string,
  days: number,
  timetable: readonly WeeklyDuty[] = WANGJIALONG_DUTY_TIMETABLE,
): DutyShift[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(firstDay)) throw new RangeError(`not a local date: "${firstDay}"`);
  if (!Number.isInteger(days) || days < 0 || days > MAX_DUTY_DAYS)
    throw new RangeError(`days must be a whole number from 0 to ${MAX_DUTY_DAYS}`);
  const out: DutyShift[] = [];
  for (let i = 0; i < days; i++) {
    const day = addLocalDays(firstDay, i);
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
    for (const t of timetable)
      if (t.weekday === weekday)
        out.push({
          team: t.team,
          start: zonedInstant(day, t.from, "Asia/Shanghai"),
          end: zonedInstant(day, t.to, "Asia/Shanghai"),
          size: t.size,
        });
  }
  return out.sort((a, b) => a.start.getTime() - b.start.getTime() || a.team.localeCompare(b.team));
}
