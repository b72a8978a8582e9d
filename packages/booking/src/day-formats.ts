import { customProblem, type LocalizedText, type ReportProblem } from "@linli/core";
import * as z from "zod";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY = /^(\d{4}-)?\d{2}-\d{2}$/;

/**
 * A string matching `pattern` (kept as the JSON Schema's `pattern` for editors), refused with
 * `code` and a message in zh-CN and en.
 */
function patternString(pattern: RegExp, code: string, message: LocalizedText) {
  return z
    .string()
    .refine((s) => pattern.test(s), customProblem(code, message))
    .meta({ pattern: pattern.source });
}

/** A local time of day, `HH:mm`; `24:00` is the midnight that ends a day. */
export const timeOfDaySchema = patternString(TIME, "INVALID_TIME", {
  "zh-CN": "时间应写作 HH:mm（如 09:30；一天结束的午夜写作 24:00）",
  en: "A time is written HH:mm (09:30; the midnight ending a day is 24:00)",
}).describe("Local time of day, `HH:mm` (`24:00` is the end of the day).");

/** A calendar date, `YYYY-MM-DD` (that the day exists is a semantic check: {@link checkDay}). */
export const dateSchema = patternString(DATE, "INVALID_DATE_FORMAT", {
  "zh-CN": "日期应写作 YYYY-MM-DD（如 2026-10-01）",
  en: "A date is written YYYY-MM-DD (2026-10-01)",
}).describe("A local date, `YYYY-MM-DD`.");

/** A date `YYYY-MM-DD`, or a day of every year `MM-DD`. */
export const dayOrYearlyDaySchema = patternString(DAY, "INVALID_DATE_FORMAT", {
  "zh-CN": "日期应写作 YYYY-MM-DD（某一年），或 MM-DD（每年）",
  en: "A date is written YYYY-MM-DD (one year), or MM-DD (every year)",
}).describe("A local date `YYYY-MM-DD` (one year) or `MM-DD` (every year).");

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Whether a `YYYY-MM-DD` or `MM-DD` string names a day of the calendar: a month 01–12 and a
 * day that month has (`2026-02-30` and `13-45` do not exist; `02-29` does, in leap years).
 */
export function isCalendarDay(day: string): boolean {
  const match = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(day);
  if (!match) return false;
  // A day of every year: 02-29 exists (in leap years), so check it against a leap year.
  const year = match[1] === undefined ? 2000 : Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  return month >= 1 && month <= 12 && date >= 1 && date <= daysInMonth(year, month);
}

/** Reports `INVALID_DATE` at `path` when `day` names no day of the calendar. */
export function checkDay(day: string, path: readonly PropertyKey[], report: ReportProblem): boolean {
  if (isCalendarDay(day)) return true;
  report(path, "INVALID_DATE", {
    "zh-CN": `日期 "${day}" 不存在`,
    en: `There is no day "${day}"`,
  });
  return false;
}

/**
 * Checks a range of whole days `from`–`to` (inclusive) at `path`: both days exist, and a
 * range of dates does not end before it starts. A range of days of every year (`MM-DD`) may
 * wrap the new year (`12-20` to `01-05`); one side yearly and the other a date is refused
 * (`MIXED_DAY_FORMS`), since it would silently repeat every year.
 */
export function checkDayRange(
  range: { readonly from: string; readonly to?: string | undefined },
  path: readonly PropertyKey[],
  report: ReportProblem,
): void {
  const fromOk = checkDay(range.from, [...path, "from"], report);
  if (range.to === undefined) return;
  const toOk = checkDay(range.to, [...path, "to"], report);
  if (!fromOk || !toOk) return;
  const fromYearly = range.from.length === 5;
  if (fromYearly !== (range.to.length === 5)) {
    report([...path, "to"], "MIXED_DAY_FORMS", {
      "zh-CN": `起止日期须同为 YYYY-MM-DD 或同为 MM-DD（"${range.from}" 至 "${range.to}"）`,
      en: `Both ends are YYYY-MM-DD, or both MM-DD ("${range.from}" to "${range.to}")`,
    });
    return;
  }
  if (!fromYearly && range.to < range.from) {
    report([...path, "to"], "ENDS_BEFORE_START", {
      "zh-CN": `结束日期 ${range.to} 早于开始日期 ${range.from}`,
      en: `Ends on ${range.to}, before it starts on ${range.from}`,
    });
  }
}
