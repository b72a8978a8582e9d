import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";

/**
 * IANA zones and their UTC offsets, from the runtime's own zone data (`Intl`): no zone
 * database ships with linli. `Intl` is read only to build a per-zone, per-year table of
 * offset changes; after that an offset costs a few comparisons, which is what lets the
 * local-time functions of `local-time.ts` run inside availability sweeps over hundreds of
 * resources. Instants here are epoch milliseconds, and the zone is the last argument.
 *
 * @module
 */

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

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

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The offset read from `Intl` itself (slow: a formatted date). Only the table builder uses it. */
function intlOffsetMinutes(instant: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    assertTimeZone(timeZone);
    f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, f);
  }
  const name = f.formatToParts(new Date(instant)).find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "-" ? -minutes : minutes;
}

/** A change of a zone's UTC offset: the first instant of the new offset, in minutes east. */
export interface ZoneOffsetTransition {
  /** First instant (epoch ms) of the new offset. */
  readonly at: number;
  /** Offset before, minutes east of UTC. */
  readonly from: number;
  /** Offset from `at` on, minutes east of UTC. */
  readonly to: number;
}

/**
 * The offset changes of a zone between two instants (epoch ms), found by sampling each day
 * and then narrowing to the minute. Reads `Intl` (about one call per day of the range): for
 * cold paths such as writing an iCalendar VTIMEZONE. Throws `INVALID_TIME_ZONE` for an
 * unknown zone.
 */
export function offsetTransitions(from: number, to: number, timeZone: string): ZoneOffsetTransition[] {
  const out: ZoneOffsetTransition[] = [];
  let t = from;
  let offset = intlOffsetMinutes(t, timeZone);
  while (t < to) {
    const next = Math.min(t + DAY_MS, to);
    const nextOffset = intlOffsetMinutes(next, timeZone);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > MINUTE_MS) {
        const mid = lo + Math.floor((hi - lo) / (2 * MINUTE_MS)) * MINUTE_MS;
        if (intlOffsetMinutes(mid, timeZone) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi, from: offset, to: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}

/** A year of one zone: its offset on 1 January 00:00 UTC and the changes in the year. */
interface YearOffsets {
  /** 1 January 00:00 UTC of the year, and of the next one (epoch ms). */
  readonly from: number;
  readonly to: number;
  readonly initial: number;
  readonly changes: readonly { readonly at: number; readonly to: number }[];
}

const years = new Map<string, YearOffsets>();
// The year each zone was last read in: sweeps read one zone over days or weeks, so most
// look-ups hit it and cost a map read and two comparisons (no `Date`, no key string).
const lastYear = new Map<string, YearOffsets>();

function offsetIn(table: YearOffsets, instant: number): number {
  let offset = table.initial;
  for (const change of table.changes) {
    if (change.at > instant) break;
    offset = change.to;
  }
  return offset;
}

/**
 * The UTC offset of a zone at an instant (epoch ms), in minutes east of UTC (Shanghai 480,
 * New York -300 or -240). Read from a table of the year's offset changes, built from `Intl`
 * on the first use of a zone in a UTC year. Changes are found by sampling each day, so a zone
 * that changed twice within one day (no zone in current use does) would be read with the
 * day's last offset. A non-finite instant gives `NaN`; an unknown zone throws
 * `INVALID_TIME_ZONE`.
 */
export function utcOffsetMinutes(instant: number, timeZone: string): number {
  const last = lastYear.get(timeZone);
  if (last !== undefined && instant >= last.from && instant < last.to) return offsetIn(last, instant);
  if (!Number.isFinite(instant)) return Number.NaN;
  const year = new Date(instant).getUTCFullYear();
  const key = `${timeZone}|${year}`;
  let table = years.get(key);
  if (!table) {
    const start = Date.UTC(year, 0, 1);
    const end = Date.UTC(year + 1, 0, 1);
    table = {
      from: start,
      to: end,
      initial: intlOffsetMinutes(start, timeZone),
      changes: offsetTransitions(start, end, timeZone),
    };
    years.set(key, table);
  }
  lastYear.set(timeZone, table);
  return offsetIn(table, instant);
}
