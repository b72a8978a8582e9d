import {
  addLocalDays,
  addLocalMonths,
  localMonthStart,
  localParts,
  startOfLocalDay,
  zonedInstant,
} from "@linli/core";

const DAY_MS = 86_400_000;

/**
 * `instant` moved by whole local days, keeping its wall-clock time in the zone (so a day is
 * 23 or 25 hours across a DST change). Seconds and milliseconds are kept as they are.
 */
export function addLocalDaysAt(instant: Date, days: number, timeZone: string): Date {
  const p = localParts(instant, timeZone);
  const hhmm = `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
  const sub = instant.getTime() - Math.floor(instant.getTime() / 60_000) * 60_000;
  return new Date(zonedInstant(addLocalDays(p.date, days), hhmm, timeZone).getTime() + sub);
}

/**
 * How many local days of a period starting at `from` have started by `at`: 0 at `from`
 * itself, 1 during the first day, 14 at exactly 14 days, 15 one minute later. Days are
 * wall-clock days in the zone, measured from `from`.
 */
export function startedLocalDays(from: Date, at: Date, timeZone: string): number {
  if (at.getTime() <= from.getTime()) return 0;
  // A first guess from elapsed milliseconds, corrected by at most a day each way for DST.
  let k = Math.floor((at.getTime() - from.getTime()) / DAY_MS);
  while (k > 0 && addLocalDaysAt(from, k, timeZone).getTime() >= at.getTime()) k--;
  while (addLocalDaysAt(from, k + 1, timeZone).getTime() < at.getTime()) k++;
  return k + 1;
}

/** Whole local days from `from` to `until` (a period's length in days: 30, or 28–31 for a month). */
export function localDaysBetween(from: Date, until: Date, timeZone: string): number {
  return startedLocalDays(from, until, timeZone);
}

/** The local calendar month containing `instant`: its first midnight and the next month's. */
export function calendarMonthOf(instant: Date, timeZone: string): { start: Date; end: Date } {
  const first = localMonthStart(instant, timeZone);
  return {
    start: startOfLocalDay(first, timeZone),
    end: startOfLocalDay(addLocalMonths(first, 1), timeZone),
  };
}
