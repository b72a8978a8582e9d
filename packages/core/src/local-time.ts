import { utcOffsetMinutes } from "./zone-offsets";

/**
 * Local time in linli. Instants are UTC; rules written in local time (opening hours,
 * seasons, "per week") are read in the community's IANA zone. These functions, with the
 * offsets of `zone-offsets.ts`, are the only place that converts between the two, so DST is
 * handled one way everywhere. They read UTC offsets from a per-zone, per-year table (no
 * `Intl` formatting or zoned date objects per call), so they are fast enough for the
 * availability sweep.
 *
 * Conventions:
 * - **Instants are `Date`s** in and out of the calendar functions (`localParts`,
 *   `zonedInstant`, `startOfLocalDay`, …). Local dates are `YYYY-MM-DD` strings and local
 *   times `HH:mm` strings (`24:00` is the end of the day).
 * - **Wall numbers** are for hot loops only: a local date and time written as if it were UTC,
 *   in epoch milliseconds (`wallOf`, `instantOfWall`, `wallDay`, `wallWeekday`,
 *   `wallMinuteOfDay`). A local day is then `DAY_MS` wide, whatever DST does, and walking
 *   days builds no strings. These functions take and return instants as epoch milliseconds.
 * - The zone is always the last argument.
 * - A wall time skipped by a spring-forward change maps forward by the gap (02:30 on a day
 *   that jumps from 02:00 to 03:00 is 03:30). A wall time repeated by a fall-back change
 *   resolves with the offset in force at that wall time read as UTC, as `@date-fns/tz` does:
 *   the later occurrence in zones east of Greenwich or on it (London, Berlin), the earlier
 *   one west of it (New York).
 *
 * @module
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** `YYYY-MM-DD` + minutes since midnight, as a wall number. */
function wallOfLocal(date: string, minuteOfDay: number): number {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) + minuteOfDay * MINUTE_MS;
}

// --- Wall numbers (hot paths) ---

/** The wall number of an instant (epoch ms): its local date and time in the zone, written as if UTC. */
export function wallOf(instant: number, timeZone: string): number {
  return instant + utcOffsetMinutes(instant, timeZone) * MINUTE_MS;
}

/**
 * The instant (epoch ms) of a wall number. A wall time skipped by a DST change maps forward
 * by the gap; a repeated one resolves as described in the module notes.
 */
export function instantOfWall(wall: number, timeZone: string): number {
  // The offset at the wall number read as UTC, then re-checked at the result: the same
  // steps as @date-fns/tz, so repeated fall-back times resolve the same way.
  const guess = utcOffsetMinutes(wall, timeZone);
  const t = wall - guess * MINUTE_MS;
  const actual = utcOffsetMinutes(t, timeZone);
  if (actual === guess) return t;
  const t2 = wall - actual * MINUTE_MS;
  if (utcOffsetMinutes(t2, timeZone) === actual) return t2;
  // In the gap of a spring-forward change: forward by the gap.
  return wall - utcOffsetMinutes(wall - DAY_MS, timeZone) * MINUTE_MS;
}

/** The wall number of local midnight of the day holding `wall`. */
export function wallDay(wall: number): number {
  return Math.floor(wall / DAY_MS) * DAY_MS;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a wall number. */
export function wallWeekday(wall: number): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((Math.floor(wall / DAY_MS) + 3) % 7) + 7) % 7) + 1;
}

/** Minutes since local midnight (0–1439) of a wall number. */
export function wallMinuteOfDay(wall: number): number {
  return Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);
}

/** Minutes since midnight of an `HH:mm` time (`09:30` is 570, `24:00` is 1440). */
export function minuteOfDay(time: string): number {
  // Four digits read as numbers (no substrings); anything else the way it always was.
  const h1 = time.charCodeAt(0) - 48;
  const h2 = time.charCodeAt(1) - 48;
  const m1 = time.charCodeAt(3) - 48;
  const m2 = time.charCodeAt(4) - 48;
  if (h1 >= 0 && h1 <= 9 && h2 >= 0 && h2 <= 9 && m1 >= 0 && m1 <= 9 && m2 >= 0 && m2 <= 9)
    return (h1 * 10 + h2) * 60 + m1 * 10 + m2;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

// --- Instants and local dates ---

/** A calendar date and wall-clock time in a zone, as numbers. */
export interface LocalParts {
  /** Full year, e.g. 2026. */
  year: number;
  /** Month 1–12. */
  month: number;
  /** Day of month 1–31. */
  day: number;
  /** Hour 0–23. */
  hour: number;
  /** Minute 0–59. */
  minute: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes since local midnight (0–1439). */
  minuteOfDay: number;
  /** `YYYY-MM-DD`. */
  date: string;
}

/** The local date and time of an instant in a zone. */
export function localParts(instant: Date, timeZone: string): LocalParts {
  const wall = new Date(wallOf(instant.getTime(), timeZone));
  const year = wall.getUTCFullYear();
  const month = wall.getUTCMonth() + 1;
  const day = wall.getUTCDate();
  const hour = wall.getUTCHours();
  const minute = wall.getUTCMinutes();
  const weekday = wall.getUTCDay() === 0 ? 7 : wall.getUTCDay();
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday,
    minuteOfDay: hour * 60 + minute,
    date: `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`,
  };
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  const wall = new Date(wallOf(instant.getTime(), timeZone));
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1, 2)}-${pad(wall.getUTCDate(), 2)}`;
}

/**
 * The instant of a local wall-clock time. `date` is `YYYY-MM-DD`, `time` is `HH:mm` (or
 * `24:00` for the end of the day). A time skipped by a DST change maps forward by the gap; a
 * repeated one resolves as described in the module notes.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  return new Date(instantOfWall(wallOfLocal(date, hh * 60 + mm), timeZone));
}

/** The instant local midnight starts `date` in the zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  return new Date(instantOfWall(wallOfLocal(date, 0), timeZone));
}

/** The local dates from the day of `start` up to and including the day of `end`. */
export function localDatesBetween(start: Date, end: Date, timeZone: string): string[] {
  const out: string[] = [];
  const last = localDate(end, timeZone);
  for (let day = localDate(start, timeZone); day <= last; day = addLocalDays(day, 1)) out.push(day);
  return out;
}

/** The length of a local day in minutes: 1440, or 1380/1500 on DST change days. */
export function localDayMinutes(date: string, timeZone: string): number {
  const start = startOfLocalDay(date, timeZone).getTime();
  const end = startOfLocalDay(addLocalDays(date, 1), timeZone).getTime();
  return Math.round((end - start) / MINUTE_MS);
}

/** Start of the local ISO week (Monday) containing `instant`, as `YYYY-MM-DD`. */
export function localWeekStart(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return addLocalDays(p.date, 1 - p.weekday);
}

/** Start of the local month containing `instant`, as `YYYY-MM-01`. */
export function localMonthStart(instant: Date, timeZone: string): string {
  return `${localDate(instant, timeZone).slice(0, 7)}-01`;
}

// --- Calendar arithmetic on local dates (no zone involved) ---

/** Adds whole calendar days to a `YYYY-MM-DD` date. */
export function addLocalDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d + days));
  return utc.toISOString().slice(0, 10);
}

/** Adds calendar months to a `YYYY-MM-DD` date, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addLocalMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${pad(ny, 4)}-${pad(nm, 2)}-${pad(Math.min(d, lastDay), 2)}`;
}
