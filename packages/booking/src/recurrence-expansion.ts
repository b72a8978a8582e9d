import {
  MAX_OCCURRENCES,
  type RecurrenceFrequency,
  type RecurrenceRule,
  recurrenceError,
} from "./recurrence-rule";

/**
 * Expands a checked rule day by day, in local wall time, within a bounded window, counting
 * every candidate day it examines. The semantics are those of the `rrule` library (and of
 * python-dateutil) for the parts a series allows, with one difference: a `BYDAY` list that
 * mixes plain weekdays and positioned ones (`MO,1TU`) means either, as RFC 5545 says.
 *
 * @module
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The longest period of each frequency in days: the most a period can reach past the window. */
const PERIOD_DAYS: Readonly<Record<RecurrenceFrequency, number>> = {
  DAILY: 1,
  WEEKLY: 7,
  MONTHLY: 31,
  YEARLY: 366,
};

/** The default budget for a frequency: the window's days plus a period reaching out on each side. */
export function defaultBudget(freq: RecurrenceFrequency, windowDays: number): number {
  return windowDays + 2 * PERIOD_DAYS[freq];
}

/** Where the expansion starts and how far it may go. */
export interface ExpansionWindow {
  /** The first start, as a wall number (local time written as UTC, epoch ms). */
  readonly firstWall: number;
  /** The last instant an occurrence may start at, as a wall number. */
  readonly lastWall: number;
  /** The most candidate days to examine before refusing. */
  readonly budget: number;
}

/** The expansion's work so far, updated as it runs (readable after a refusal too). */
export interface ExpansionStats {
  /** Candidate days examined. */
  examined: number;
}

/** Year, month (1–12) and day of a day number (days since 1970-01-01), without allocating. */
function civil(day: number): [number, number, number] {
  // H. Hinnant's days_from_civil inverse.
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
}

const dayOf = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / DAY_MS;
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const CUMULATIVE = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const monthLength = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : LENGTHS[m - 1]!);
const yearDay = (y: number, m: number, d: number) => CUMULATIVE[m - 1]! + d + (m > 2 && isLeap(y) ? 1 : 0);
/** ISO weekday (1 = Monday) of a day number; 1970-01-01 was a Thursday. */
const weekdayOf = (day: number) => ((((day + 3) % 7) + 7) % 7) + 1;

/** The rule with RFC 5545's defaults from the first start filled in (as `rrule` does). */
function withDefaults(rule: RecurrenceRule, firstDay: number): RecurrenceRule {
  if (rule.byMonthDay || rule.byDay) return rule;
  const [, m, d] = civil(firstDay);
  switch (rule.freq) {
    case "YEARLY":
      return { ...rule, byMonth: rule.byMonth ?? [m], byMonthDay: [d] };
    case "MONTHLY":
      return { ...rule, byMonthDay: [d] };
    case "WEEKLY":
      return { ...rule, byDay: [{ weekday: weekdayOf(firstDay), n: null }] };
    default:
      return rule;
  }
}

/** The day test of a rule: month, day of month, weekday (with its position). */
function dayMatcher(rule: RecurrenceRule): (day: number) => boolean {
  const months = rule.byMonth ? new Set(rule.byMonth) : null;
  const monthDays = rule.byMonthDay ? new Set(rule.byMonthDay) : null;
  const plain = new Set<number>();
  const positioned = new Map<number, Set<number>>();
  for (const { weekday, n } of rule.byDay ?? []) {
    if (n === null) plain.add(weekday);
    else positioned.set(weekday, (positioned.get(weekday) ?? new Set()).add(n));
  }
  const byDay = rule.byDay !== null;
  // Positions count within the month under MONTHLY, or YEARLY with BYMONTH; else within the year.
  const inMonth = rule.freq === "MONTHLY" || rule.byMonth !== null;
  return (day) => {
    const [y, m, d] = civil(day);
    if (months && !months.has(m)) return false;
    const length = monthLength(y, m);
    if (monthDays && !monthDays.has(d) && !monthDays.has(d - length - 1)) return false;
    if (!byDay) return true;
    const weekday = weekdayOf(day);
    if (plain.has(weekday)) return true;
    const ns = positioned.get(weekday);
    if (!ns) return false;
    if (inMonth) return ns.has(Math.floor((d - 1) / 7) + 1) || ns.has(-(Math.floor((length - d) / 7) + 1));
    const yd = yearDay(y, m, d);
    const yearLength = isLeap(y) ? 366 : 365;
    return ns.has(Math.floor((yd - 1) / 7) + 1) || ns.has(-(Math.floor((yearLength - yd) / 7) + 1));
  };
}

/** The k-th period (every INTERVAL-th one) as day numbers [start, end). */
function periodOf(rule: RecurrenceRule, firstDay: number, k: number): [number, number] {
  const step = k * rule.interval;
  const [y, m] = civil(firstDay);
  switch (rule.freq) {
    case "DAILY":
      return [firstDay + step, firstDay + step + 1];
    case "WEEKLY": {
      // As `rrule`: the first period runs from the first start to the next week start.
      const weekStart = firstDay - ((weekdayOf(firstDay) - rule.wkst + 7) % 7);
      return k === 0 ? [firstDay, weekStart + 7] : [weekStart + 7 * step, weekStart + 7 * step + 7];
    }
    case "MONTHLY": {
      const index = y * 12 + (m - 1) + step;
      const start = dayOf(Math.floor(index / 12), (index % 12) + 1, 1);
      return [start, start + monthLength(Math.floor(index / 12), (index % 12) + 1)];
    }
    case "YEARLY":
      return [dayOf(y + step, 1, 1), dayOf(y + step + 1, 1, 1)];
  }
}

/** The days at the BYSETPOS positions of a period's matching days, in order. */
function atPositions(days: readonly number[], positions: readonly number[]): number[] {
  const picked = new Set<number>();
  for (const p of positions) {
    const index = p > 0 ? p - 1 : days.length + p;
    if (index >= 0 && index < days.length) picked.add(days[index]!);
  }
  return [...picked].sort((a, b) => a - b);
}

/**
 * The starts of a rule's occurrences from `firstWall` up to `lastWall`, examining at most
 * `budget` candidate days (counted in `stats` as it goes): each period (every INTERVAL-th day, week, month or year) is walked
 * day by day, clipped to the window unless BYSETPOS needs the whole period. Throws
 * `RECURRENCE_TOO_EXPENSIVE` when the budget runs out and `INVALID_RECURRENCE` past
 * {@link MAX_OCCURRENCES}. Stops at COUNT; a COUNT not reached within the window is the
 * caller's to judge.
 */
export function expandRule(rule: RecurrenceRule, window: ExpansionWindow, stats: ExpansionStats): number[] {
  const { firstWall, lastWall, budget } = window;
  const firstDay = Math.floor(firstWall / DAY_MS);
  const lastDay = Math.floor(lastWall / DAY_MS);
  const effective = withDefaults(rule, firstDay);
  const matches = dayMatcher(effective);
  const firstMinute = minuteOfDay(firstWall);
  const minute = (rule.byHour ?? Math.floor(firstMinute / 60)) * 60 + (rule.byMinute ?? firstMinute % 60);
  const whole = rule.bySetPos !== null;
  const walls: number[] = [];
  for (let k = 0; ; k++) {
    const [start, end] = periodOf(effective, firstDay, k);
    if (start > lastDay) break;
    const from = whole ? start : Math.max(start, firstDay);
    const to = whole ? end : Math.min(end, lastDay + 1);
    const days: number[] = [];
    for (let day = from; day < to; day++) {
      if (stats.examined >= budget) {
        throw recurrenceError(
          "RECURRENCE_TOO_EXPENSIVE",
          {
            "zh-CN": `已检查 ${stats.examined} 个候选日期，达到上限 ${budget}`,
            en: `examined ${stats.examined} candidate days, the budget is ${budget}`,
          },
          { limit: "budget", examined: stats.examined, budget },
        );
      }
      stats.examined++;
      if (matches(day)) days.push(day);
    }
    for (const day of rule.bySetPos ? atPositions(days, rule.bySetPos) : days) {
      const wall = day * DAY_MS + minute * MINUTE_MS;
      if (wall < firstWall) continue;
      if (wall > lastWall) return walls;
      walls.push(wall);
      if (walls.length > MAX_OCCURRENCES) {
        throw recurrenceError(
          "INVALID_RECURRENCE",
          {
            "zh-CN": `到 UNTIL 为止规则产生超过 ${MAX_OCCURRENCES} 次，一个系列最多 ${MAX_OCCURRENCES} 次`,
            en: `up to UNTIL the rule gives more than ${MAX_OCCURRENCES} occurrences; a series has at most ${MAX_OCCURRENCES}`,
          },
          { part: "UNTIL", allowed: `≤ ${MAX_OCCURRENCES} occurrences`, examined: stats.examined, budget },
        );
      }
      if (walls.length === rule.count) return walls;
    }
  }
  return walls;
}

const minuteOfDay = (wall: number) => Math.floor((((wall % DAY_MS) + DAY_MS) % DAY_MS) / MINUTE_MS);

/** The rule after defaults, for checks that need the first start (see {@link expandRule}). */
export function effectiveRule(rule: RecurrenceRule, firstWall: number): RecurrenceRule {
  return withDefaults(rule, Math.floor(firstWall / DAY_MS));
}
