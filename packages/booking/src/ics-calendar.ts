import { utcOffsetMinutes, wallOf } from "@linli/core";
import { vtimezoneLines } from "./vtimezone";
import { checkIcsInput } from "./pure-input";

/** One calendar event. */
export interface IcsEvent {
  /** Globally unique id (`booking-000001@linli`). */
  readonly uid: string;
  readonly start: Date;
  readonly end: Date;
  readonly summary: string;
  readonly description?: string;
  readonly location?: string;
  /** RFC 5545 STATUS. @default "CONFIRMED" */
  readonly status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED";
}

/** A calendar to write. */
export interface IcsCalendar {
  /** Calendar name (`X-WR-CALNAME`). */
  readonly name: string;
  /** IANA zone the events are written in (with its VTIMEZONE). */
  readonly timeZone: string;
  readonly events: readonly IcsEvent[];
  /** DTSTAMP of every event (the export's instant). */
  readonly stamp: Date;
}

/** Escapes a TEXT value (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text.replace(/\\/g, "\\\\").replace(/;/g, "\\;").replace(/,/g, "\\,").replace(/\r?\n/g, "\\n");
}

const encoder = new TextEncoder();
const DAY_MS = 86_400_000;

/** Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line;
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (bytes + size > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
      limit = 74; // continuation lines start with one space
    }
    current += ch;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function utcStamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/** True when the wall-clock time of `instant` occurs twice in the zone (a fall-back hour). */
function ambiguous(instant: number, timeZone: string): boolean {
  const wall = wallOf(instant, timeZone);
  const offsets = new Set([
    utcOffsetMinutes(instant - DAY_MS, timeZone),
    utcOffsetMinutes(instant + DAY_MS, timeZone),
  ]);
  let readings = 0;
  for (const offset of offsets) if (utcOffsetMinutes(wall - offset * 60_000, timeZone) === offset) readings++;
  return readings > 1;
}

/**
 * `DTSTART;TZID=…:local`, or the UTC form for a wall time that occurs twice (RFC 5545 reads
 * it as the first occurrence, some parsers as the second: UTC is read the same by all) or
 * that has seconds.
 */
function dateTimeProperty(name: string, instant: Date, timeZone: string): string {
  const t = instant.getTime();
  if (t % 60_000 !== 0 || ambiguous(t, timeZone)) return `${name}:${utcStamp(instant)}`;
  const wall = new Date(wallOf(t, timeZone)).toISOString();
  return `${name};TZID=${timeZone}:${wall.slice(0, 19).replace(/[-:]/g, "")}`;
}

/**
 * Writes an RFC 5545 calendar: a VTIMEZONE for the zone (covering the events' years) and one
 * VEVENT per event with local times in that zone, lines folded and text escaped, CRLF line
 * ends. Pure and browser-safe.
 */
export function writeIcs(calendar: IcsCalendar): string {
  checkIcsInput(calendar);
  const { timeZone, events } = calendar;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//linli//booking//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    `X-WR-TIMEZONE:${timeZone}`,
  ];
  if (events.length > 0) {
    // A loop, not Math.min(...spread): a spread of 100k arguments overflows the call stack.
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const e of events) {
      first = Math.min(first, e.start.getTime());
      last = Math.max(last, e.end.getTime());
    }
    lines.push(...vtimezoneLines(timeZone, first, last));
  }
  for (const e of events) {
    lines.push(
      "BEGIN:VEVENT",
      `UID:${escapeText(e.uid)}`,
      `DTSTAMP:${utcStamp(calendar.stamp)}`,
      dateTimeProperty("DTSTART", e.start, timeZone),
      dateTimeProperty("DTEND", e.end, timeZone),
      `SUMMARY:${escapeText(e.summary)}`,
    );
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    lines.push(`STATUS:${e.status ?? "CONFIRMED"}`, "END:VEVENT");
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
