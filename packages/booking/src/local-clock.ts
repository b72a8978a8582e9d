import { utcOffsetMinutes } from "./vtimezone";

/**
 * Fast local-time conversions for the availability sweep. They give the same answers as the
 * kernel's `zonedInstant` / `startOfLocalDay` / `localDate` (checked by a property test), but
 * read only UTC offsets (one cached `Intl` formatter per zone) instead of building a zoned
 * date from its parts, which is about 20 times slower and dominated the sweep.
 */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` + minutes since midnight, as if UTC (the "wall clock" number). */
function wallMs(date: string, minuteOfDay: number): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) + minuteOfDay * 60_000;
}

/**
 * The instant of a local wall-clock time. A time skipped by a DST change maps forward by the
 * gap; a repeated time resolves as in @date-fns/tz.
 */
export function localInstant(date: string, minuteOfDay: number, timeZone: string): number {
  const wall = wallMs(date, minuteOfDay);
  // The offset at the wall-clock number read as UTC, then re-checked at the result: the same
  // steps as @date-fns/tz, so repeated fall-back times resolve the same way.
  const guess = utcOffsetMinutes(timeZone, wall);
  const t = wall - guess * 60_000;
  const actual = utcOffsetMinutes(timeZone, t);
  if (actual === guess) return t;
  const t2 = wall - actual * 60_000;
  if (utcOffsetMinutes(timeZone, t2) === actual) return t2;
  // In the gap of a spring-forward change: forward by the gap.
  return wall - utcOffsetMinutes(timeZone, wall - DAY_MS) * 60_000;
}

/** The instant local midnight starts `date`. */
export function localMidnight(date: string, timeZone: string): number {
  return localInstant(date, 0, timeZone);
}

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDateOf(instant: number, timeZone: string): string {
  return new Date(instant + utcOffsetMinutes(timeZone, instant) * 60_000).toISOString().slice(0, 10);
}

/** Minutes since local midnight of an instant (wall clock). */
export function localMinuteOf(instant: number, timeZone: string): number {
  const local = instant + utcOffsetMinutes(timeZone, instant) * 60_000;
  return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
}

/** Minutes from `HH:mm` (`24:00` is 1440). */
export function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}
