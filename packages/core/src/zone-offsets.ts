/**
 * UTC offsets of IANA zones from the runtime's own zone data (`Intl`), with a per-zone,
 * per-year table of offset changes so that hot paths (availability sweeps over hundreds of
 * resources) read an offset with a few comparisons instead of formatting a date.
 */

const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of a zone at an instant, in minutes (east positive), read from `Intl`. */
export function utcOffsetMinutes(timeZone: string, instant: number): number {
  let f = formatters.get(timeZone);
  if (!f) {
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
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** The offset changes of a zone between two instants (found day by day, then to the minute). */
export function offsetTransitions(timeZone: string, from: number, to: number): ZoneOffsetTransition[] {
  const out: ZoneOffsetTransition[] = [];
  let t = from;
  let offset = utcOffsetMinutes(timeZone, t);
  while (t < to) {
    const next = Math.min(t + DAY_MS, to);
    const nextOffset = utcOffsetMinutes(timeZone, next);
    if (nextOffset !== offset) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (utcOffsetMinutes(timeZone, mid) === offset) lo = mid;
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
  readonly initial: number;
  readonly changes: readonly { readonly at: number; readonly to: number }[];
}

const years = new Map<string, YearOffsets>();

/**
 * The UTC offset of a zone at an instant, in minutes (east positive), from the cached table.
 * Offset changes are found by sampling each day, so a zone that changed twice within one day
 * (no zone in current use does) would be read with the day's last offset.
 */
export function cachedOffsetMinutes(timeZone: string, instant: number): number {
  const year = new Date(instant).getUTCFullYear();
  const key = `${timeZone}|${year}`;
  let table = years.get(key);
  if (!table) {
    const start = Date.UTC(year, 0, 1);
    table = {
      initial: utcOffsetMinutes(timeZone, start),
      changes: offsetTransitions(timeZone, start, Date.UTC(year + 1, 0, 1)),
    };
    years.set(key, table);
  }
  let offset = table.initial;
  for (const change of table.changes) {
    if (change.at > instant) break;
    offset = change.to;
  }
  return offset;
}
