import {
  addLocalDays,
  instantOfWall,
  localDate,
  minuteOfDay,
  type Refusal,
  violation,
  wallDay,
  wallOf,
  wallWeekday,
} from "@linli/core";

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const DAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
/** How far ahead the next opening is looked for, in days. */
const SEARCH_DAYS = 400;

/** A local time range of one day (`HH:mm`); `to` at or before `from` runs past midnight. */
export interface OpeningRange {
  readonly from: string;
  readonly to: string;
}

/** The tool room's calendar: weekly hours (absent: always open), closures of whole days, its zone. */
export interface ToolRoomCalendar {
  readonly openingHours?: Partial<Record<(typeof DAY_KEYS)[number], readonly OpeningRange[]>>;
  /** Closed local days, inclusive (`to` defaults to `from`). */
  readonly closures: readonly { readonly from: string; readonly to?: string }[];
  readonly timeZone: string;
}

function closedDays(calendar: ToolRoomCalendar): (day: string) => boolean {
  const spans = calendar.closures.map((c) => [c.from, c.to ?? c.from] as const);
  return (day) => spans.some(([from, to]) => day >= from && day <= to);
}

/**
 * The first instant at or after `at` when the tool room is open: `at` itself when it is open
 * then, else the start of the next opening range on a day that is not closed. Null when it
 * does not open within about a year (a config that never opens). Pure.
 */
export function nextOpening(at: Date, calendar: ToolRoomCalendar): Date | null {
  const { timeZone } = calendar;
  const isClosed = closedDays(calendar);
  const t = at.getTime();
  const first = wallDay(wallOf(t, timeZone));
  // From the day before (a range across midnight into today) to a year ahead.
  for (let i = -1; i < SEARCH_DAYS; i++) {
    const day = first + i * DAY_MS;
    const date = new Date(day).toISOString().slice(0, 10);
    if (isClosed(date)) continue;
    const list = calendar.openingHours
      ? (calendar.openingHours[DAY_KEYS[wallWeekday(day) - 1]!] ?? [])
      : [{ from: "00:00", to: "24:00" }];
    const opens = [...list].sort((a, b) => (a.from < b.from ? -1 : 1));
    for (const range of opens) {
      const from = minuteOfDay(range.from) * MINUTE_MS;
      const to = minuteOfDay(range.to) * MINUTE_MS + (range.to > range.from ? 0 : DAY_MS);
      const start = instantOfWall(day + from, timeZone);
      const end = instantOfWall(day + to, timeZone);
      if (t < end) return new Date(Math.max(t, start));
    }
  }
  return null;
}

/** The outcome of {@link dueDate}: the due instant (and whether it was moved to an opening), or why none. */
export type DueDateResult =
  | { readonly ok: true; readonly violations: readonly []; readonly dueAt: Date; readonly moved: boolean }
  | Refusal;

/** What {@link dueDate} computes from. */
export interface DueDateInput {
  /** When the loan starts (or the renewal is made from, usually the old due date). */
  readonly from: Date;
  /** Days lent. */
  readonly loanDays: number;
  readonly calendar: ToolRoomCalendar;
}

/**
 * The due date of a loan: `loanDays` whole days after `from`, moved to the next opening of the
 * tool room when it would fall while the room is closed (out of hours, a closed weekday, a
 * holiday). Returned as a `Decision` with the instant: refused (`NO_OPENING`, zh-CN/en) when
 * the room does not open within a year. Pure.
 *
 * @example
 * ```ts
 * const due = dueDate({ from: new Date("2026-09-24T02:00:00Z"), loanDays: 7, calendar });
 * if (due.ok) console.log(due.dueAt.toISOString()); // after the National Day closure
 * ```
 */
export function dueDate(input: DueDateInput): DueDateResult {
  const { timeZone } = input.calendar;
  // Whole local days: the same wall time `loanDays` later, whatever DST does.
  const wall = wallOf(input.from.getTime(), timeZone) + input.loanDays * DAY_MS;
  const nominal = new Date(instantOfWall(wall, timeZone));
  const open = nextOpening(nominal, input.calendar);
  if (open === null) {
    const from = localDate(nominal, timeZone);
    return {
      ok: false,
      violations: [
        violation(
          "NO_OPENING",
          "due-date",
          {
            "zh-CN": "{from} 之后一年内工具房都不开放",
            en: "The tool room does not open within a year after {from}",
          },
          { from, until: addLocalDays(from, SEARCH_DAYS) },
        ),
      ],
    };
  }
  return { ok: true, violations: [], dueAt: open, moved: open.getTime() !== nominal.getTime() };
}
