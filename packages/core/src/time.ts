import { TZDate } from "@date-fns/tz";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";

/**
 * Time in linli: instants are UTC `Date`s; rules written in local time (opening hours,
 * seasons, "per week") are evaluated in the community's IANA zone. These helpers are the only
 * place that converts between the two, so DST is handled in one way everywhere.
 */

const knownZones = new Set<string>();

/** True when `timeZone` is an IANA zone the runtime knows (answers are cached: hot paths check it). */
export function isTimeZone(timeZone: string): boolean {
  if (knownZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
    knownZones.add(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws `INVALID_TIME_ZONE` unless `timeZone` is known. */
export function assertTimeZone(timeZone: string): void {
  if (!isTimeZone(timeZone)) throw LinliError.from(coreErrors, "INVALID_TIME_ZONE", { timeZone });
}

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
  const d = new TZDate(instant.getTime(), timeZone);
  const year = d.getFullYear();
  const month = d.getMonth() + 1;
  const day = d.getDate();
  const hour = d.getHours();
  const minute = d.getMinutes();
  const weekday = d.getDay() === 0 ? 7 : d.getDay();
  return {
    year,
    month,
    day,
    hour,
    minute,
    weekday,
    minuteOfDay: hour * 60 + minute,
    date: `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
  };
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDate(instant: Date, timeZone: string): string {
  return localParts(instant, timeZone).date;
}

/**
 * The instant of a local wall-clock time. `date` is `YYYY-MM-DD`, `time` is `HH:mm` (or
 * `24:00` for the end of the day). A time that does not exist (skipped by a DST change) maps
 * forward by the gap, as @date-fns/tz does.
 */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const [hh, mm] = time.split(":").map(Number) as [number, number];
  if (hh === 24 && mm === 0) return startOfLocalDay(addLocalDays(date, 1), timeZone);
  return new Date(new TZDate(y, m - 1, d, hh, mm, 0, 0, timeZone).getTime());
}

/** The instant local midnight starts `date` in the zone. */
export function startOfLocalDay(date: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, 0, 0, 0, 0, timeZone).getTime());
}

/** Adds whole calendar days to a `YYYY-MM-DD` date (no zone involved). */
export function addLocalDays(date: string, days: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const utc = new Date(Date.UTC(y, m - 1, d + days));
  return utc.toISOString().slice(0, 10);
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
  return Math.round((end - start) / 60_000);
}

/** Start of the local ISO week (Monday) containing `instant`, as `YYYY-MM-DD`. */
export function localWeekStart(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return addLocalDays(p.date, 1 - p.weekday);
}

/** Start of the local month containing `instant`, as `YYYY-MM-01`. */
export function localMonthStart(instant: Date, timeZone: string): string {
  return `${localParts(instant, timeZone).date.slice(0, 7)}-01`;
}

/** Adds calendar months to a `YYYY-MM-DD` date, clamping the day (Jan 31 + 1 month = Feb 28/29). */
export function addLocalMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, "0")}-${String(nm).padStart(2, "0")}-${String(Math.min(d, lastDay)).padStart(2, "0")}`;
}
