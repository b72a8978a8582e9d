import { offsetTransitions, utcOffsetMinutes } from "@linli/core";

/**
 * RFC 5545 VTIMEZONE components for an IANA zone, computed from the runtime's own zone data
 * (Intl), so no zone database ships with the package. Each UTC-offset change in the years
 * asked for becomes one STANDARD or DAYLIGHT sub-component with an explicit DTSTART.
 */

/** An instant's wall-clock time at a fixed offset, as an iCalendar local DATE-TIME. */
function localStamp(instant: number, offsetMinutes: number): string {
  return new Date(instant + offsetMinutes * 60_000).toISOString().replace(/[-:]/g, "").slice(0, 15);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/**
 * The VTIMEZONE lines for `timeZone`, valid for instants in `[from, to)` (widened to whole
 * years). A zone without DST changes gets one STANDARD component.
 */
export function vtimezoneLines(timeZone: string, from: number, to: number): string[] {
  const start = Date.UTC(new Date(from).getUTCFullYear() - 1, 0, 1);
  const end = Date.UTC(new Date(to).getUTCFullYear() + 1, 0, 1);
  const initial = utcOffsetMinutes(start, timeZone);
  const transitions = offsetTransitions(start, end, timeZone);
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
