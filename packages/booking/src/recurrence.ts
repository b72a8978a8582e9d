import { assertTimeZone, instantOfWall, type LocalizedText, wallOf } from "@linli/core";
import * as z from "zod";
import { defaultBudget, effectiveRule, type ExpansionStats, expandRule } from "./recurrence-expansion";
import { checkMonthDays, parseRecurrenceRule, recurrenceError } from "./recurrence-rule";

export type { ExpansionStats } from "./recurrence-expansion";
export {
  MAX_INTERVAL,
  MAX_OCCURRENCES,
  MAX_RRULE_LENGTH,
  parseRecurrenceRule,
  RECURRENCE_FREQUENCIES,
  type RecurrenceFrequency,
  type RecurrenceRule,
  type RuleUntil,
  type RuleWeekday,
} from "./recurrence-rule";

/**
 * How far a series reaches: every occurrence starts on the first start's local date or in
 * the {@link RECURRENCE_HORIZON_DAYS} − 1 days after it (two years, a leap day included).
 * `UNTIL` must fall inside; a `COUNT` not reached inside is refused.
 */
export const RECURRENCE_HORIZON_DAYS = 731;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** A recurring booking's pattern, in the community's local time. */
export interface Recurrence {
  /**
   * An RFC 5545 RRULE value, e.g. `FREQ=WEEKLY;BYDAY=SA;COUNT=8` (COUNT or UNTIL required;
   * see `parseRecurrenceRule` for the parts a series allows).
   */
  readonly rrule: string;
  /** First start as local `YYYY-MM-DDTHH:mm`. */
  readonly firstStart: string;
  /** Length of each occurrence, 1–1440 minutes. */
  readonly durationMinutes: number;
  /** Local dates (`YYYY-MM-DD`) left out, at most 366. */
  readonly exceptions?: readonly string[];
}

/** One occurrence: its local date and its instants. */
export interface Occurrence {
  readonly date: string;
  readonly start: Date;
  readonly end: Date;
}

/** Options of {@link expandRecurrence}. */
export interface ExpandRecurrenceOptions {
  /**
   * The most candidate days to examine before refusing with `RECURRENCE_TOO_EXPENSIVE`.
   * @default the horizon's days plus one period on each side: 733 (DAILY), 745 (WEEKLY),
   * 793 (MONTHLY), 1,463 (YEARLY), which no rule reaches
   */
  readonly budget?: number;
  /**
   * Filled in as the expansion runs (reset to 0 at its start): candidate days examined so
   * far. Readable after a refusal too (0 when the rule was refused before expanding).
   */
  readonly stats?: ExpansionStats;
}

/** What {@link expandRecurrence} found, and the work it took. */
export interface RecurrenceExpansion {
  /** The occurrences, in order, exceptions left out. */
  readonly occurrences: Occurrence[];
  /** Candidate days examined: the expansion's work, never more than `budget`. */
  readonly examined: number;
  /** The budget the expansion ran under. */
  readonly budget: number;
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The wall number (local time written as UTC) of a `YYYY-MM-DD[THH:mm]`, or NaN if it is no such date. */
function wallOfText(text: string): number {
  const m = LOCAL.exec(text) ?? DATE.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d, hh = 0, mm = 0] = m.slice(1).map(Number) as [number, number, number, number?, number?];
  const wall = Date.UTC(y, mo - 1, d, hh, mm);
  const back = new Date(wall);
  const same = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
  return same && hh < 24 && mm < 60 ? wall : Number.NaN;
}

const isLocal = (text: string) => LOCAL.test(text) && !Number.isNaN(wallOfText(text));
const isDate = (text: string) => DATE.test(text) && !Number.isNaN(wallOfText(text));

const FIELD_REASONS: Record<string, LocalizedText> = {
  rrule: { "zh-CN": "rrule 应为非空字符串", en: "rrule is a non-empty string" },
  firstStart: {
    "zh-CN": "firstStart 应为本地时间 YYYY-MM-DDTHH:mm",
    en: "firstStart is a local YYYY-MM-DDTHH:mm",
  },
  durationMinutes: {
    "zh-CN": "durationMinutes 应为 1–1440 的整数",
    en: "durationMinutes is a whole number 1–1440",
  },
  exceptions: {
    "zh-CN": "exceptions 应为最多 366 个 YYYY-MM-DD 日期",
    en: "exceptions are at most 366 dates YYYY-MM-DD",
  },
};

const recurrenceSchema = z.object({
  rrule: z.string().min(1),
  firstStart: z.string().refine(isLocal),
  durationMinutes: z.number().int().min(1).max(1440),
  exceptions: z.array(z.string().refine(isDate)).max(366).optional(),
});

const optionsSchema = z.object({
  budget: z.number().int().min(1).max(1_000_000).optional(),
  stats: z.object({ examined: z.number() }).optional(),
});

function checkInput(recurrence: Recurrence, options: ExpandRecurrenceOptions): void {
  const parsed = recurrenceSchema.safeParse(recurrence);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "rrule");
    throw recurrenceError("INVALID_RECURRENCE", FIELD_REASONS[field] ?? FIELD_REASONS.rrule!, {
      part: field,
    });
  }
  if (!optionsSchema.safeParse(options).success) {
    throw recurrenceError(
      "INVALID_RECURRENCE",
      {
        "zh-CN": "选项 budget 应为 1–1000000 的整数，stats 应为 { examined: number }",
        en: "option budget is a whole number 1–1000000 and stats is { examined: number }",
      },
      { part: "options" },
    );
  }
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** `YYYY-MM-DD` of a wall number. */
function dateOf(wall: number): string {
  const d = new Date(wall);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}
const labelOf = (wall: number) => `${dateOf(wall)} ${new Date(wall).toISOString().slice(11, 16)}`;

/**
 * Expands a recurrence in the community's local time ("floating": a weekly 09:00 class stays
 * at 09:00 across DST changes) and places each occurrence in the zone; exceptions are left
 * out. The work is bounded before it starts: the rule is checked part by part
 * (`INVALID_RECURRENCE` names the part and what it allows), occurrences must start within
 * {@link RECURRENCE_HORIZON_DAYS} of the first start, and candidate days are counted against
 * a budget (`RECURRENCE_TOO_EXPENSIVE`, with `details.limit` `"budget"` or `"horizon"` when
 * COUNT is not reached within the horizon). Pure; returns the count of days examined.
 */
export function expandRecurrence(
  recurrence: Recurrence,
  timeZone: string,
  options: ExpandRecurrenceOptions = {},
): RecurrenceExpansion {
  checkInput(recurrence, options);
  const stats = options.stats ?? { examined: 0 };
  stats.examined = 0;
  assertTimeZone(timeZone);
  const rule = parseRecurrenceRule(recurrence.rrule);
  const firstWall = wallOfText(recurrence.firstStart);
  if (rule.byMonthDay === null && rule.byDay === null) checkMonthDays(effectiveRule(rule, firstWall), true);
  const firstDay = Math.floor(firstWall / DAY_MS);
  const horizonWall = (firstDay + RECURRENCE_HORIZON_DAYS) * DAY_MS - 1;
  const lastDate = dateOf(horizonWall);
  let lastWall = horizonWall;
  if (rule.until) {
    const until =
      rule.until.kind === "utc"
        ? wallOf(rule.until.instant, timeZone)
        : rule.until.wall + (rule.until.kind === "date" ? DAY_MS - 1 : 0);
    if (until < firstWall) {
      throw recurrenceError(
        "INVALID_RECURRENCE",
        {
          "zh-CN": `UNTIL（${labelOf(until)}）早于首次开始 ${labelOf(firstWall)}`,
          en: `UNTIL (${labelOf(until)}) is before the first start ${labelOf(firstWall)}`,
        },
        { part: "UNTIL", allowed: `${dateOf(firstWall)}..${lastDate}` },
      );
    }
    if (until > horizonWall) {
      throw recurrenceError(
        "INVALID_RECURRENCE",
        {
          "zh-CN": `UNTIL（${dateOf(until)}）超出范围：最晚为首次开始后 ${RECURRENCE_HORIZON_DAYS - 1} 天（${lastDate}）`,
          en: `UNTIL (${dateOf(until)}) is too far: at the latest ${RECURRENCE_HORIZON_DAYS - 1} days after the first start (${lastDate})`,
        },
        { part: "UNTIL", allowed: `${dateOf(firstWall)}..${lastDate}` },
      );
    }
    lastWall = until;
  }
  const budget = options.budget ?? defaultBudget(rule.freq, RECURRENCE_HORIZON_DAYS);
  const walls = expandRule(rule, { firstWall, lastWall, budget }, stats);
  const { examined } = stats;
  if (rule.count !== null && walls.length < rule.count) {
    throw recurrenceError(
      "RECURRENCE_TOO_EXPENSIVE",
      {
        "zh-CN": `首次开始后 ${RECURRENCE_HORIZON_DAYS} 天内（至 ${lastDate}）只有 ${walls.length} 次，不足 COUNT=${rule.count}`,
        en: `only ${walls.length} of COUNT=${rule.count} occurrences fall within ${RECURRENCE_HORIZON_DAYS} days of the first start (up to ${lastDate})`,
      },
      {
        limit: "horizon",
        horizonDays: RECURRENCE_HORIZON_DAYS,
        found: walls.length,
        count: rule.count,
        examined,
        budget,
      },
    );
  }
  const skip = new Set(recurrence.exceptions ?? []);
  const occurrences: Occurrence[] = [];
  for (const wall of walls) {
    const date = dateOf(wall);
    if (skip.has(date)) continue;
    const start = new Date(instantOfWall(wall, timeZone));
    occurrences.push({
      date,
      start,
      end: new Date(start.getTime() + recurrence.durationMinutes * MINUTE_MS),
    });
  }
  return { occurrences, examined, budget };
}

/**
 * The occurrences of a recurrence (see {@link expandRecurrence}, whose limits apply). Pure;
 * throws `INVALID_RECURRENCE` for a bad rule and `RECURRENCE_TOO_EXPENSIVE` for one that
 * would not finish within the horizon.
 */
export function occurrencesOf(recurrence: Recurrence, timeZone: string): Occurrence[] {
  return expandRecurrence(recurrence, timeZone).occurrences;
}
