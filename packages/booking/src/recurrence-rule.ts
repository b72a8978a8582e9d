import { LinliError, type LocalizedText } from "@linli/core";
import { bookingErrors } from "./booking-errors";

/**
 * The RRULE (RFC 5545) parts a series accepts, parsed and checked before anything is
 * expanded: a rule that could only be refused after a long search is refused here, naming
 * the part and what it allows. Names and values are case-insensitive, as RFC 5545 says.
 *
 * What a series allows, and why:
 * - `FREQ` is `DAILY`, `WEEKLY`, `MONTHLY` or `YEARLY`. A series books at most one
 *   occurrence a day (exceptions are dates), so `HOURLY`, `MINUTELY` and `SECONDLY` are
 *   refused, and `BYHOUR` / `BYMINUTE` take one value each (they move the time of day).
 * - `COUNT` (1–366) or `UNTIL`, exactly one of them. `INTERVAL` is 1–366.
 * - `BYDAY` is weekday codes `MO`…`SU`, with a position (`1MO`, `-1FR`) only under `MONTHLY`
 *   (±1–5) or `YEARLY` (±1–53, or ±1–5 within the months of `BYMONTH`).
 * - `BYMONTHDAY` is ±1–31 (not with `WEEKLY`), `BYMONTH` 1–12, `BYSETPOS` ±1–366 (with
 *   another `BY…` part), `WKST` a weekday code.
 * - `BYSECOND`, `BYYEARDAY`, `BYWEEKNO` and anything else are refused.
 *
 * @module
 */

/** At most this many occurrences per series (a year of daily bookings); the largest `COUNT`. */
export const MAX_OCCURRENCES = 366;
/** The longest RRULE text accepted, in characters. */
export const MAX_RRULE_LENGTH = 500;
/** The largest `INTERVAL`. */
export const MAX_INTERVAL = 366;

/** The frequencies a series may repeat at: at most one occurrence a day. */
export const RECURRENCE_FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;

/** One of {@link RECURRENCE_FREQUENCIES}. */
export type RecurrenceFrequency = (typeof RECURRENCE_FREQUENCIES)[number];

/** A `BYDAY` entry: an ISO weekday (1 = MO … 7 = SU) and its position in the month or year. */
export interface RuleWeekday {
  readonly weekday: number;
  /** `1` first, `-1` last, …; null for every such weekday. */
  readonly n: number | null;
}

/**
 * `UNTIL` as written: a date (`YYYYMMDD`, the whole local day is included), a local date-time
 * (`YYYYMMDDTHHMMSS`), or a UTC instant (`…Z`, read in the community's zone).
 */
export type RuleUntil =
  | { readonly kind: "date" | "local"; readonly wall: number }
  | { readonly kind: "utc"; readonly instant: number };

/** A checked RRULE. Lists are sorted and without duplicates; null when the part is absent. */
export interface RecurrenceRule {
  /** `FREQ`. */
  readonly freq: RecurrenceFrequency;
  /** `INTERVAL`, 1–366 (default 1). */
  readonly interval: number;
  /** `COUNT`, 1–366; null with `UNTIL`. */
  readonly count: number | null;
  /** `UNTIL`; null with `COUNT`. */
  readonly until: RuleUntil | null;
  /** `BYMONTH`, 1–12. */
  readonly byMonth: readonly number[] | null;
  /** `BYMONTHDAY`, ±1–31 (negative from the month's end). */
  readonly byMonthDay: readonly number[] | null;
  /** `BYDAY`. */
  readonly byDay: readonly RuleWeekday[] | null;
  /** `BYHOUR`, one hour 0–23. */
  readonly byHour: number | null;
  /** `BYMINUTE`, one minute 0–59. */
  readonly byMinute: number | null;
  /** `BYSETPOS`, ±1–366. */
  readonly bySetPos: readonly number[] | null;
  /** ISO weekday the week starts on (`WKST`, default MO). */
  readonly wkst: number;
}

const PARTS = [
  "FREQ",
  "INTERVAL",
  "COUNT",
  "UNTIL",
  "BYDAY",
  "BYMONTHDAY",
  "BYMONTH",
  "BYHOUR",
  "BYMINUTE",
  "BYSETPOS",
  "WKST",
] as const;
type Part = (typeof PARTS)[number];

const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];
/** The longest each month can be (February in a leap year). */
const MONTH_MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * A coded recurrence error whose `{reason}` is written in each locale (the catalog's
 * template holds one placeholder; the reason itself is localized). `details.reason` is the
 * English reason.
 */
export function recurrenceError(
  code: "INVALID_RECURRENCE" | "RECURRENCE_TOO_EXPENSIVE",
  reason: LocalizedText,
  details: Record<string, unknown> = {},
): LinliError<typeof code> {
  const template = bookingErrors[code];
  const fill = (text: string, value: string) => text.replace("{reason}", () => value);
  return new LinliError(
    code,
    { "zh-CN": fill(template["zh-CN"], reason["zh-CN"]), en: fill(template.en, reason.en) },
    { details: { ...details, reason: reason.en } },
  );
}

/** A value as shown in a message: long values are cut. */
const shown = (value: string) => {
  const flat = value.replace(/\s+/g, " ");
  return flat.length > 24 ? `${flat.slice(0, 24)}…` : flat;
};

function invalid(part: string, reason: LocalizedText, details: Record<string, unknown> = {}): LinliError {
  return recurrenceError("INVALID_RECURRENCE", reason, { part, ...details });
}

function outOfRange(part: string, value: string, allowed: string): LinliError {
  return invalid(
    part,
    {
      "zh-CN": `${part}=${shown(value)} 超出范围 ${allowed}`,
      en: `${part}=${shown(value)} is outside ${allowed}`,
    },
    { value: shown(value), allowed },
  );
}

/** An integer in [min, max], or in ±[min, max] when `signed`. */
function integer(part: string, value: string, min: number, max: number, signed = false): number {
  const allowed = signed ? `±${min}–${max}` : `${min}–${max}`;
  if (!/^[+-]?\d{1,9}$/.test(value)) throw outOfRange(part, value, allowed);
  const n = Number(value);
  const size = signed ? Math.abs(n) : n;
  if (size < min || size > max || (!signed && value.startsWith("-"))) throw outOfRange(part, value, allowed);
  return n;
}

function list(part: string, value: string): string[] {
  const items = value.split(",");
  if (items.some((item) => item === "")) {
    throw invalid(part, {
      "zh-CN": `${part}=${shown(value)} 含有空项`,
      en: `${part}=${shown(value)} has an empty item`,
    });
  }
  return [...new Set(items)];
}

const numbers = (part: string, value: string, min: number, max: number, signed = false) =>
  [...new Set(list(part, value).map((v) => integer(part, v, min, max, signed)))].sort((a, b) => a - b);

function single(part: string, value: string, max: number): number {
  if (value.includes(",")) {
    throw invalid(
      part,
      {
        "zh-CN": `${part} 只能取一个值（0–${max}）：系列每天最多一次`,
        en: `${part} takes one value (0–${max}): a series books at most one occurrence a day`,
      },
      { value: shown(value), allowed: `0–${max}` },
    );
  }
  return integer(part, value, 0, max);
}

function weekdayCode(part: string, value: string): number {
  const index = WEEKDAYS.indexOf(value);
  if (index < 0) {
    throw invalid(
      part,
      {
        "zh-CN": `${part}=${shown(value)} 不是星期代码（MO、TU、WE、TH、FR、SA、SU）`,
        en: `${part}=${shown(value)} is not a weekday code (MO, TU, WE, TH, FR, SA, SU)`,
      },
      { value: shown(value), allowed: WEEKDAYS.join(",") },
    );
  }
  return index + 1;
}

function byDay(value: string): RuleWeekday[] {
  const out = new Map<string, RuleWeekday>();
  for (const item of list("BYDAY", value)) {
    const m = /^([+-]?\d{1,2})?([A-Z]{2})$/.exec(item);
    if (!m || !WEEKDAYS.includes(m[2]!)) {
      throw invalid(
        "BYDAY",
        {
          "zh-CN": `BYDAY 的 ${shown(item)} 不是星期代码：应为 MO、TU、WE、TH、FR、SA、SU，可带序号（如 1MO、-1FR）`,
          en: `BYDAY ${shown(item)} is not a weekday: MO, TU, WE, TH, FR, SA or SU, optionally with a position (1MO, -1FR)`,
        },
        { value: shown(item), allowed: "MO..SU, ±n prefix" },
      );
    }
    const n = m[1] === undefined ? null : Number(m[1]);
    if (n !== null && (n === 0 || Math.abs(n) > 53)) throw outOfRange("BYDAY", item, "±1–53");
    const weekday = WEEKDAYS.indexOf(m[2]!) + 1;
    out.set(`${n}${weekday}`, { weekday, n });
  }
  return [...out.values()];
}

function until(value: string): RuleUntil {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/.exec(value);
  const fields = m ? m.slice(1, 7).map((x) => Number(x ?? 0)) : [];
  const [y, mo, d, hh, mm, ss] = fields as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, hh, mm, ss);
  const day = m ? new Date(Date.UTC(y, mo - 1, d)) : null;
  if (
    !m ||
    day?.getUTCFullYear() !== y ||
    day.getUTCMonth() !== mo - 1 ||
    day.getUTCDate() !== d ||
    hh > 23 ||
    mm > 59 ||
    ss > 59
  ) {
    throw invalid(
      "UNTIL",
      {
        "zh-CN": `UNTIL=${shown(value)} 不是日期（YYYYMMDD 或 YYYYMMDDTHHMMSS，可以 Z 结尾）`,
        en: `UNTIL=${shown(value)} is not a date (YYYYMMDD or YYYYMMDDTHHMMSS, optionally ending in Z)`,
      },
      { value: shown(value), allowed: "YYYYMMDD[THHMMSS[Z]]" },
    );
  }
  if (m[4] === undefined) return { kind: "date", wall };
  return m[7] ? { kind: "utc", instant: wall } : { kind: "local", wall };
}

/** The parts as written: name to value, each at most once. */
function splitParts(text: string): Map<Part, string> {
  if (text.length > MAX_RRULE_LENGTH) {
    throw invalid(
      "RRULE",
      {
        "zh-CN": `规则长 ${text.length} 个字符，最多 ${MAX_RRULE_LENGTH} 个`,
        en: `the rule is ${text.length} characters long; at most ${MAX_RRULE_LENGTH}`,
      },
      { length: text.length, allowed: `≤ ${MAX_RRULE_LENGTH}` },
    );
  }
  const body = text
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, "")
    .replace(/;$/, "");
  const parts = new Map<Part, string>();
  for (const piece of body.split(";")) {
    if (piece === "") {
      throw invalid("RRULE", { "zh-CN": "规则含有空的部分（;;）", en: "the rule has an empty part (;;)" });
    }
    const eq = piece.indexOf("=");
    const name = eq < 0 ? piece : piece.slice(0, eq);
    if (eq < 0 || !/^[A-Z-]+$/.test(name)) {
      throw invalid(
        "RRULE",
        {
          "zh-CN": `“${shown(piece)}” 不是 名称=值 形式`,
          en: `“${shown(piece)}” is not NAME=VALUE`,
        },
        { value: shown(piece) },
      );
    }
    if (!(PARTS as readonly string[]).includes(name)) {
      throw invalid(
        name,
        {
          "zh-CN": `不支持 ${shown(name)}；可用的部分为 ${PARTS.join("、")}`,
          en: `${shown(name)} is not supported; the parts allowed are ${PARTS.join(", ")}`,
        },
        { allowed: PARTS.join(",") },
      );
    }
    if (parts.has(name as Part)) {
      throw invalid(name, { "zh-CN": `${name} 出现了不止一次`, en: `${name} appears more than once` });
    }
    const value = piece.slice(eq + 1);
    if (value === "") throw invalid(name, { "zh-CN": `${name} 没有值`, en: `${name} has no value` });
    parts.set(name as Part, value);
  }
  return parts;
}

/**
 * Parses and checks an RRULE value (`FREQ=WEEKLY;BYDAY=SA;COUNT=8`, an `RRULE:` prefix is
 * allowed). Throws `INVALID_RECURRENCE` naming the part and what it allows. Pure; the work is
 * linear in the text, which is at most {@link MAX_RRULE_LENGTH} characters.
 */
export function parseRecurrenceRule(text: string): RecurrenceRule {
  const parts = splitParts(text);
  const get = (part: Part) => parts.get(part);

  const freqText = get("FREQ");
  if (freqText === undefined) {
    throw invalid(
      "FREQ",
      { "zh-CN": "缺少 FREQ", en: "FREQ is required" },
      { allowed: RECURRENCE_FREQUENCIES.join(",") },
    );
  }
  if (!(RECURRENCE_FREQUENCIES as readonly string[]).includes(freqText)) {
    throw invalid(
      "FREQ",
      {
        "zh-CN": `FREQ=${shown(freqText)} 不可用：系列预约每天最多一次，按 DAILY、WEEKLY、MONTHLY 或 YEARLY 重复`,
        en: `FREQ=${shown(freqText)} is not allowed: a series books at most one occurrence a day and repeats DAILY, WEEKLY, MONTHLY or YEARLY`,
      },
      { value: shown(freqText), allowed: RECURRENCE_FREQUENCIES.join(",") },
    );
  }
  const freq = freqText as RecurrenceFrequency;
  const at = <T>(part: Part, parse: (value: string) => T): T | null => {
    const value = get(part);
    return value === undefined ? null : parse(value);
  };
  const count = at("COUNT", (v) => integer("COUNT", v, 1, MAX_OCCURRENCES));
  const untilValue = at("UNTIL", until);
  if ((count === null) === (untilValue === null)) {
    throw invalid("COUNT", {
      "zh-CN": "COUNT 与 UNTIL 须有且只有一个",
      en: "exactly one of COUNT and UNTIL is required",
    });
  }
  const rule: RecurrenceRule = {
    freq,
    interval: at("INTERVAL", (v) => integer("INTERVAL", v, 1, MAX_INTERVAL)) ?? 1,
    count,
    until: untilValue,
    byMonth: at("BYMONTH", (v) => numbers("BYMONTH", v, 1, 12)),
    byMonthDay: at("BYMONTHDAY", (v) => numbers("BYMONTHDAY", v, 1, 31, true)),
    byDay: at("BYDAY", byDay),
    byHour: at("BYHOUR", (v) => single("BYHOUR", v, 23)),
    byMinute: at("BYMINUTE", (v) => single("BYMINUTE", v, 59)),
    bySetPos: at("BYSETPOS", (v) => numbers("BYSETPOS", v, 1, 366, true)),
    wkst: at("WKST", (v) => weekdayCode("WKST", v)) ?? 1,
  };
  checkCombination(rule);
  return rule;
}

/** The checks that involve several parts. */
function checkCombination(rule: RecurrenceRule): void {
  const positioned = rule.byDay?.filter((d) => d.n !== null) ?? [];
  if (positioned.length > 0) {
    const item = positioned[0]!;
    const code = `${item.n}${WEEKDAYS[item.weekday - 1]}`;
    if (rule.freq === "DAILY" || rule.freq === "WEEKLY") {
      throw invalid(
        "BYDAY",
        {
          "zh-CN": `BYDAY 的 ${code} 带序号，只能用于 FREQ=MONTHLY 或 YEARLY`,
          en: `BYDAY ${code} has a position, allowed only with FREQ=MONTHLY or YEARLY`,
        },
        { value: code },
      );
    }
    const max = rule.freq === "MONTHLY" || rule.byMonth ? 5 : 53;
    const wrong = positioned.find((d) => Math.abs(d.n!) > max);
    if (wrong)
      throw outOfRange("BYDAY", `${wrong.n}${WEEKDAYS[wrong.weekday - 1]}`, `±1–${max} (${rule.freq})`);
  }
  if (rule.byMonthDay && rule.freq === "WEEKLY") {
    throw invalid("BYMONTHDAY", {
      "zh-CN": "BYMONTHDAY 不能用于 FREQ=WEEKLY",
      en: "BYMONTHDAY is not allowed with FREQ=WEEKLY",
    });
  }
  if (
    rule.bySetPos &&
    !(rule.byDay || rule.byMonthDay || rule.byMonth || rule.byHour !== null || rule.byMinute !== null)
  ) {
    throw invalid("BYSETPOS", {
      "zh-CN": "BYSETPOS 须与另一个 BY… 部分同用",
      en: "BYSETPOS needs another BY… part to select from",
    });
  }
  checkMonthDays(rule);
}

/**
 * Throws `INVALID_RECURRENCE` when no day of `BYMONTHDAY` exists in any month of `BYMONTH`
 * (`BYMONTH=2;BYMONTHDAY=30`). `fromFirstStart`: the day of month was taken from the first
 * start (a `YEARLY` or `MONTHLY` rule without `BYMONTHDAY` or `BYDAY`), and the message says so.
 */
export function checkMonthDays(rule: RecurrenceRule, fromFirstStart = false): void {
  const monthDays = rule.byMonthDay;
  if (!monthDays) return;
  const months = rule.byMonth ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
  if (months.some((m) => monthDays.some((d) => Math.abs(d) <= MONTH_MAX_DAYS[m - 1]!))) return;
  const days = `BYMONTHDAY=${monthDays.join(",")}`;
  throw invalid(
    "BYMONTHDAY",
    {
      "zh-CN": `${fromFirstStart ? `首次开始的日期（${days}）` : days} 从不落在 BYMONTH=${months.join(",")} 中`,
      en: `${days}${fromFirstStart ? " (the first start's day)" : ""} never falls in BYMONTH=${months.join(",")}`,
    },
    { value: monthDays.join(","), byMonth: months.join(","), fromFirstStart },
  );
}
