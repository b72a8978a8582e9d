import { isDeepStrictEqual } from "node:util";
import { expandRecurrence } from "@linli/booking";
import { isLinliError } from "@linli/core";
import * as rruleModule from "rrule";
import { Bench } from "tinybench";
import { type BenchResult, emit } from "./report";

// The slowest answer over a table of adversarial recurrence rules (impossible dates, values
// out of range, sub-daily frequencies, huge intervals, far UNTILs, rules that never or rarely
// match): `value` is the median time of `expandRecurrence` on its slowest rule.
//
// Baseline: what `occurrencesOf` did before, the `rrule` library's `.all()` capped at 367
// results, on the same rules, but only on those it finishes: on the others it searches up
// to the year 9999 (it checks UNTIL only on the dates it finds) or loops for ever. Measured
// once on this table (one process per rule, 30 s limit): 1.7 s, 7.7 s, 8.2 s, 9.1 s, 9.6 s,
// and never for FREQ=HOURLY;BYHOUR=25 (its step looks for hour 25 for ever); those rules are
// flagged `hangs` and left out. The baseline's value is its slowest finished rule, so the
// comparison leaves out exactly the cases where the baseline is worst: it favours the
// baseline. Answers are checked equal before timing on every rule where both sides give
// occurrences (the rules both sides accept and rrule's answer lies within the horizon).

type RRuleClass = typeof rruleModule.RRule;
const RRule: RRuleClass =
  (rruleModule as { RRule?: RRuleClass }).RRule ??
  (rruleModule as unknown as { default: { RRule: RRuleClass } }).default.RRule;

const FIRST = "2026-07-01T09:00";
const DTSTART = new Date(Date.UTC(2026, 6, 1, 9, 0));
const CAP = 366;

interface Case {
  readonly id: string;
  readonly rrule: string;
  /** The baseline does not finish within 1 s (measured above). */
  readonly hangs?: true;
}

const longRule = (() => {
  let rule = "FREQ=MONTHLY;COUNT=12;BYMONTHDAY=1";
  for (let day = 2; 500 - rule.length > 3; day = (day % 9) + 1) rule += `,${day}`;
  return rule + (500 - rule.length === 3 ? ",10" : ",1");
})();

const cases: readonly Case[] = [
  { id: "impossible-date", rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30;COUNT=3" },
  { id: "hour-25", rrule: "FREQ=DAILY;BYHOUR=25;COUNT=5" },
  { id: "minute-75", rrule: "FREQ=DAILY;BYMINUTE=75;COUNT=5" },
  { id: "hourly-hour-25", rrule: "FREQ=HOURLY;BYHOUR=25;COUNT=3", hangs: true },
  { id: "secondly", rrule: "FREQ=SECONDLY;COUNT=5" },
  { id: "secondly-impossible", rrule: "FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30;COUNT=5", hangs: true },
  { id: "minutely-until", rrule: "FREQ=MINUTELY;UNTIL=20260702T000000" },
  { id: "minutely-leap-day", rrule: "FREQ=MINUTELY;BYMONTH=2;BYMONTHDAY=29;COUNT=1" },
  { id: "interval-1e6", rrule: "FREQ=DAILY;INTERVAL=1000000;COUNT=2" },
  {
    id: "until-9999",
    rrule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO;UNTIL=99991231T000000Z",
    hangs: true,
  },
  { id: "byday-xx", rrule: "FREQ=WEEKLY;BYDAY=XX;COUNT=3" },
  { id: "byday-empty", rrule: "FREQ=WEEKLY;BYDAY=;COUNT=3" },
  { id: "bysetpos-400", rrule: "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=400;COUNT=3" },
  { id: "count-100000", rrule: "FREQ=DAILY;COUNT=100000" },
  { id: "duplicated-count", rrule: "FREQ=DAILY;COUNT=3;COUNT=4" },
  { id: "lowercase", rrule: "RRULE:freq=weekly;byday=sa,su;count=3;" },
  { id: "leap-day", rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=1" },
  { id: "two-leap-days", rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=2" },
  { id: "fifth-monday-february", rrule: "FREQ=MONTHLY;BYMONTH=2;BYDAY=5MO;COUNT=1" },
  { id: "53rd-monday", rrule: "FREQ=YEARLY;BYDAY=53MO;COUNT=1" },
  { id: "weekly-setpos-never", rrule: "FREQ=WEEKLY;BYDAY=MO;BYSETPOS=2;COUNT=5", hangs: true },
  { id: "daily-setpos-never", rrule: "FREQ=DAILY;BYMONTHDAY=-28;BYDAY=SA;BYSETPOS=2;COUNT=15", hangs: true },
  { id: "until-never", rrule: "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31;UNTIL=20270101", hangs: true },
  { id: "odd-months-never", rrule: "FREQ=MONTHLY;INTERVAL=2;BYMONTH=4,12;BYDAY=MO;COUNT=2" },
  { id: "monday-31st", rrule: "FREQ=MONTHLY;BYMONTHDAY=31;BYDAY=MO;UNTIL=20280630" },
  { id: "last-weekday", rrule: "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=6" },
  {
    id: "yearly-setpos-scan",
    rrule: "FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=1,15;BYSETPOS=-1;COUNT=3",
  },
  { id: "daily-366", rrule: "FREQ=DAILY;COUNT=366" },
  { id: "daily-until-horizon", rrule: "FREQ=DAILY;UNTIL=20280630" },
  { id: "rule-500-chars", rrule: longRule },
];

/** Occurrence starts (UTC zone, so wall time = instant), or the refusal's code. */
type Answer = readonly string[] | { readonly refused: string };

function ours(rrule: string): Answer {
  try {
    return expandRecurrence({ rrule, firstStart: FIRST, durationMinutes: 60 }, "UTC").occurrences.map((o) =>
      o.start.toISOString(),
    );
  } catch (error) {
    if (isLinliError(error)) return { refused: error.code };
    throw error;
  }
}

/** The former `occurrencesOf`: rrule in floating time, capped at 367 results. */
function naive(rrule: string): Answer {
  try {
    const options = RRule.parseString(rrule.replace(/^RRULE:/, ""));
    const all = new RRule({ ...options, dtstart: DTSTART }).all((_d, i) => i < CAP + 1);
    return all.length > CAP ? { refused: "more than 366" } : all.map((d) => d.toISOString());
  } catch (error) {
    return { refused: String((error as Error).name) };
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export default async function run(): Promise<BenchResult> {
  const id = "booking.recurrence.adversarial";
  const params = {
    cases: cases.length,
    baselineCases: cases.filter((c) => !c.hangs).length,
    firstStart: FIRST,
  };
  // Same inputs, checked equal where both sides give occurrences.
  let compared = 0;
  for (const c of cases.filter((x) => !x.hangs)) {
    const a = ours(c.rrule);
    const b = naive(c.rrule);
    if (!Array.isArray(a) || !Array.isArray(b)) continue;
    compared++;
    if (!isDeepStrictEqual(a, b)) {
      const result: BenchResult = {
        id,
        unit: "ms",
        better: "lower",
        params,
        error: `${c.id}: answers differ`,
      };
      emit(result);
      return result;
    }
  }
  const bench = new Bench({ time: 100, warmupTime: 20, iterations: 20 });
  for (const c of cases) {
    bench.add(`ours:${c.id}`, () => ours(c.rrule));
    if (!c.hangs) bench.add(`rrule:${c.id}`, () => naive(c.rrule));
  }
  await bench.run();
  const median = (name: string) => {
    const result = bench.getTask(name)?.result as { latency?: { p50?: number }; error?: unknown } | undefined;
    if (result?.latency?.p50 === undefined) throw new Error(`${name} failed: ${String(result?.error)}`);
    return result.latency.p50;
  };
  const table = cases.map((c) => ({
    id: c.id,
    ours: round(median(`ours:${c.id}`)),
    rrule: c.hangs ? "hangs" : round(median(`rrule:${c.id}`)),
    answer: ((a) => (Array.isArray(a) ? `${a.length} occurrences` : (a as { refused: string }).refused))(
      ours(c.rrule),
    ),
  }));
  const slowest = table.reduce((a, b) => (b.ours > a.ours ? b : a));
  const finished = table.filter((t) => typeof t.rrule === "number") as { id: string; rrule: number }[];
  const slowestBaseline = finished.reduce((a, b) => (b.rrule > a.rrule ? b : a));
  const result: BenchResult = {
    id,
    value: slowest.ours,
    unit: "ms",
    better: "lower",
    baseline: { name: "rrule.all-capped (finished rules only)", value: slowestBaseline.rrule },
    ratio: round(slowestBaseline.rrule / slowest.ours),
    params: { ...params, comparedAnswers: compared },
    slowestCase: slowest.id,
    slowestBaselineCase: slowestBaseline.id,
    cases: table,
    targets: { medianMs: 50 },
  };
  emit(result);
  return result;
}
