import { LinliError, zonedInstant } from "@linli/core";
import * as rruleModule from "rrule";
import { bookingErrors } from "./booking-errors";

// rrule ships a UMD main and an ESM `module`: Node's ESM loader sees only a default export,
// bundlers see named ones. Take the class from whichever shape arrived.
type RRuleClass = typeof rruleModule.RRule;
const RRule: RRuleClass =
  (rruleModule as { RRule?: RRuleClass }).RRule ??
  (rruleModule as unknown as { default: { RRule: RRuleClass } }).default.RRule;

/** At most this many occurrences per series (a year of daily bookings). */
export const MAX_OCCURRENCES = 366;

/** A recurring booking's pattern, in the community's local time. */
export interface Recurrence {
  /** An RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=SA;COUNT=8` (COUNT or UNTIL required). */
  readonly rrule: string;
  /** First start as local `YYYY-MM-DDTHH:mm`. */
  readonly firstStart: string;
  readonly durationMinutes: number;
  /** Local dates (`YYYY-MM-DD`) left out. */
  readonly exceptions?: readonly string[];
}

/** One occurrence: its local date and its instants. */
export interface Occurrence {
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The occurrences of a recurrence, expanded by the `rrule` library in "floating" local time
 * and then placed in the community's zone, so a weekly 09:00 class stays at 09:00 across DST
 * changes. Exceptions are dropped. Pure; throws `INVALID_RECURRENCE` for a bad rule.
 */
export function occurrencesOf(recurrence: Recurrence, timeZone: string): Occurrence[] {
  const m = LOCAL.exec(recurrence.firstStart);
  if (!m)
    throw LinliError.from(bookingErrors, "INVALID_RECURRENCE", { reason: "firstStart is YYYY-MM-DDTHH:mm" });
  let options: ReturnType<typeof RRule.parseString>;
  try {
    options = RRule.parseString(recurrence.rrule.replace(/^RRULE:/, ""));
  } catch (error) {
    throw LinliError.from(bookingErrors, "INVALID_RECURRENCE", { reason: String((error as Error).message) });
  }
  if (options.count == null && options.until == null) {
    throw LinliError.from(bookingErrors, "INVALID_RECURRENCE", { reason: "COUNT or UNTIL is required" });
  }
  const [, y, mo, d, hh, mm] = m.map(Number) as [number, number, number, number, number, number];
  // Floating time: rrule computes in UTC fields that we read back as local wall-clock fields.
  const rule = new RRule({ ...options, dtstart: new Date(Date.UTC(y, mo - 1, d, hh, mm)) });
  const floating = rule.all((_date, i) => i < MAX_OCCURRENCES + 1);
  if (floating.length > MAX_OCCURRENCES) {
    throw LinliError.from(bookingErrors, "INVALID_RECURRENCE", {
      reason: `more than ${MAX_OCCURRENCES} occurrences`,
    });
  }
  const skip = new Set(recurrence.exceptions ?? []);
  const out: Occurrence[] = [];
  for (const f of floating) {
    const iso = f.toISOString();
    const date = iso.slice(0, 10);
    if (skip.has(date)) continue;
    const start = zonedInstant(date, iso.slice(11, 16), timeZone);
    out.push({ date, start, end: new Date(start.getTime() + recurrence.durationMinutes * 60_000) });
  }
  return out;
}
