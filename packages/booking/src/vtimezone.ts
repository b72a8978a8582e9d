/**
 * RFC 5545 VTIMEZONE components for an IANA zone, computed from the runtime's own zone data
 * (Intl), so no zone database ships with the package. Each UTC-offset change in the years
 * asked for becomes one STANDARD or DAYLIGHT sub-component with an explicit DTSTART.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The UTC offset of a zone at an instant, in minutes (east positive). */
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

/** An instant's wall-clock time at a fixed offset, as an iCalendar local DATE-TIME. */
function localStamp(instant: number, offsetMinutes: number): string {
  return new Date(instant + offsetMinutes * 60_000).toISOString().replace(/[-:]/g, "").slice(0, 15);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** An offset change: the first instant of the new offset. */
interface Transition {
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** The offset changes of a zone between two instants (found day by day, then to the minute). */
export function offsetTransitions(timeZone: string, from: number, to: number): Transition[] {
  const out: Transition[] = [];
  const DAY = 86_400_000;
  let t = from;
  let offset = utcOffsetMinutes(timeZone, t);
  while (t < to) {
    const next = Math.min(t + DAY, to);
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

/**
 * The VTIMEZONE lines for `timeZone`, valid for instants in `[from, to)` (widened to whole
 * years). A zone without DST changes gets one STANDARD component.
 */
export function vtimezoneLines(timeZone: string, from: number, to: number): string[] {
  const start = Date.UTC(new Date(from).getUTCFullYear() - 1, 0, 1);
  const end = Date.UTC(new Date(to).getUTCFullYear() + 1, 0, 1);
  const initial = utcOffsetMinutes(timeZone, start);
  const transitions = offsetTransitions(timeZone, start, end);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  const component = (daylight: boolean, at: number, fromOffset: number, toOffset: number) => {
    const kind = daylight ? "DAYLIGHT" : "STANDARD";
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(at, fromOffset)}`,
      `TZOFFSETFROM:${offsetText(fromOffset)}`,
      `TZOFFSETTO:${offsetText(toOffset)}`,
      `END:${kind}`,
    );
  };
  // The offset in force at the start of the range; daylight when a later change lowers it.
  const firstIsDaylight = transitions.length > 0 && transitions[0]!.to < initial;
  component(firstIsDaylight, start, initial, initial);
  for (const tr of transitions) component(tr.to > tr.from, tr.at, tr.from, tr.to);
  lines.push("END:VTIMEZONE");
  return lines;
}
