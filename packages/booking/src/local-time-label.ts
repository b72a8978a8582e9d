import {
  type ErrorCatalog,
  LinliError,
  type Locale,
  type LocalizedText,
  type MessageParams,
  utcOffsetMinutes,
  type Violation,
  violation,
} from "@linli/core";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/**
 * True when the wall time of `instant` (whose UTC offset is `offset`) also names another
 * instant: the repeated hour of a fall-back change. Three offset look-ups, no `Intl`.
 */
function isRepeatedWallTime(instant: number, offset: number, timeZone: string): boolean {
  const wall = instant + offset * MINUTE_MS;
  for (const probe of [instant - DAY_MS, instant + DAY_MS]) {
    const other = utcOffsetMinutes(probe, timeZone);
    if (other !== offset && utcOffsetMinutes(wall - other * MINUTE_MS, timeZone) === other) return true;
  }
  return false;
}

/** `UTC+01:00`, `UTC-04:00`, `UTC+05:45`. */
function utcOffsetLabel(offset: number): string {
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `UTC${offset < 0 ? "-" : "+"}${hh}:${mm}`;
}

/**
 * An instant as the community reads it on its wall clocks: `YYYY-MM-DD HH:mm` in the zone.
 * Violations carry these labels so that a desk clerk can read the reason out as is.
 *
 * A wall time that names two instants (the repeated hour of a day when the clocks go back)
 * also carries the UTC offset, so the two can be told apart: `2026-10-25 01:30 (UTC+01:00)`
 * and `2026-10-25 01:30 (UTC+00:00)` in London, and in zh-CN with full-width brackets,
 * `2026-10-25 01:30（UTC+01:00）`. Every other label is the same in both locales and has no
 * offset.
 */
export function localLabel(instant: Date, timeZone: string, locale: Locale = "en"): string {
  const t = instant.getTime();
  const offset = utcOffsetMinutes(t, timeZone);
  const iso = new Date(t + offset * MINUTE_MS).toISOString();
  const label = `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  if (!isRepeatedWallTime(t, offset, timeZone)) return label;
  const utc = utcOffsetLabel(offset);
  return locale === "zh-CN" ? `${label}（${utc}）` : `${label} (${utc})`;
}

/** Instants to show in a message, by parameter name: one instant or a list of them. */
export type TimeParams = Readonly<Record<string, Date | readonly Date[]>>;

function labelled(times: TimeParams, timeZone: string, locale: Locale): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(times)) {
    out[key] =
      value instanceof Date
        ? localLabel(value, timeZone, locale)
        : value.map((d) => localLabel(d, timeZone, locale));
  }
  return out;
}

function sameLabels(a: Record<string, string | string[]>, b: Record<string, string | string[]>): boolean {
  return Object.keys(a).every((key) => String(a[key]) === String(b[key]));
}

/**
 * A `Violation` whose `times` are instants shown as wall-clock labels
 * ({@link localLabel}) in each locale: the params (the facts) and the en message carry the en
 * labels, the zh-CN message the zh-CN ones. They differ only for a repeated local time.
 */
export function violationAt(
  code: string,
  rule: string,
  template: LocalizedText,
  params: MessageParams,
  times: TimeParams,
  timeZone: string,
): Violation {
  const en = labelled(times, timeZone, "en");
  const zh = labelled(times, timeZone, "zh-CN");
  const v = violation(code, rule, template, { ...params, ...en });
  if (sameLabels(en, zh)) return v;
  const zhMessage = violation(code, rule, template, { ...params, ...zh }).message["zh-CN"];
  return { ...v, message: { "zh-CN": zhMessage, en: v.message.en } };
}

/**
 * `LinliError.from` with `times` shown as wall-clock labels in each locale, as
 * {@link violationAt} does: the details and the en message carry the en labels, the zh-CN
 * message the zh-CN ones.
 */
export function errorAt<C extends string>(
  catalog: ErrorCatalog<C>,
  code: C,
  params: MessageParams,
  times: TimeParams,
  timeZone: string,
): LinliError<C> {
  const en = labelled(times, timeZone, "en");
  const zh = labelled(times, timeZone, "zh-CN");
  const error = LinliError.from(catalog, code, { ...params, ...en });
  if (sameLabels(en, zh)) return error;
  const zhMessage = LinliError.from(catalog, code, { ...params, ...zh }).messages["zh-CN"];
  return new LinliError<C>(code, { "zh-CN": zhMessage, en: error.messages.en }, { details: error.details });
}
