import { addLocalDays, localDate, startOfLocalDay, violation } from "@linli/core";
import * as z from "zod";
import { coveredBy, type Interval, intersectIntervals, normalizeIntervals } from "../interval";
import { checkDayRange, dayOrYearlyDaySchema } from "../day-formats";
import { violationAt } from "../local-time-label";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `seasonal`: the periods a resource is bookable, optionally only for some groups. */
export const seasonalParams = z.object({
  /**
   * Periods of whole local days, inclusive. `MM-DD` repeats every year (`12-20` to `01-05`
   * wraps the new year); `YYYY-MM-DD` is one period.
   */
  periods: z
    .array(
      z.object({
        from: dayOrYearlyDaySchema.describe("First day of the period."),
        to: dayOrYearlyDaySchema.describe("Last day of the period, inclusive."),
      }),
    )
    .min(1)
    .describe(
      "Periods of whole local days, inclusive. `MM-DD` repeats every year (`12-20` to `01-05` wraps the new year); `YYYY-MM-DD` is one period.",
    ),
  /** During the periods, only residents of these groups may book (students in school holidays). */
  groups: z
    .array(z.string())
    .min(1)
    .optional()
    .describe("During the periods, only residents of these groups may book (students in school holidays)."),
});

type Params = z.output<typeof seasonalParams>;

/** The season intervals touching `[start, end)`. */
export function seasonIntervals(params: Params, start: Date, end: Date, timeZone: string): Interval[] {
  const firstYear = Number(localDate(start, timeZone).slice(0, 4)) - 1;
  const lastYear = Number(localDate(end, timeZone).slice(0, 4));
  const out: Interval[] = [];
  const push = (from: string, to: string) =>
    out.push({
      start: startOfLocalDay(from, timeZone).getTime(),
      end: startOfLocalDay(addLocalDays(to, 1), timeZone).getTime(),
    });
  for (const p of params.periods) {
    if (p.from.length === 10 && p.to.length === 10) {
      push(p.from, p.to);
      continue;
    }
    const from = p.from.slice(-5);
    const to = p.to.slice(-5);
    for (let y = firstYear; y <= lastYear; y++) {
      // `02-29` in a year without it: a period starts on 03-01 and ends on 02-28.
      const f = addLocalDays(`${y}-${from}`, 0);
      const t = lastValidDay(`${to < from ? y + 1 : y}-${to}`);
      push(f, t);
    }
  }
  return intersectIntervals(normalizeIntervals(out), [{ start: start.getTime(), end: end.getTime() }]);
}

/** The day itself, or the month's last day when it does not exist (2027-02-29 → 2027-02-28). */
function lastValidDay(day: string): string {
  const normalized = addLocalDays(day, 0);
  return normalized === day ? day : addLocalDays(`${normalized.slice(0, 8)}01`, -1);
}

/**
 * `seasonal`: bookable only in the given periods (calligraphy classes run in the winter and
 * summer school holidays), and in them only for the given groups.
 */
export const seasonalKind = defineRuleKind({
  kind: "seasonal",
  description: {
    "zh-CN": "季节性开放（如寒暑假期间仅对学生开放）",
    en: "Seasonal availability (e.g. students only in school holidays)",
  },
  params: seasonalParams,
  reads: { residentBookings: false, groups: true },
  check(params, report) {
    for (const [i, period] of params.periods.entries()) checkDayRange(period, ["periods", i], report);
  },
  allowedIntervals: (params, cx) => {
    if (params.groups && !params.groups.some((g) => cx.groups.includes(g))) return [];
    return seasonIntervals(params, cx.start, cx.end, cx.timeZone);
  },
  evaluate(params, cx) {
    const { request, rule, timeZone } = cx;
    const out = [];
    const seasons = seasonIntervals(params, request.start, request.end, timeZone);
    if (!coveredBy(seasons, request.start.getTime(), request.end.getTime())) {
      out.push(
        violationAt(
          "OUT_OF_SEASON",
          rule.id,
          {
            "zh-CN": "{from} 至 {to} 不在开放期内（开放期：{periods}）",
            en: "{from} to {to} is outside the open periods ({periods})",
          },
          { periods: params.periods.map((p) => `${p.from}–${p.to}`) },
          { from: request.start, to: request.end },
          timeZone,
        ),
      );
    }
    if (params.groups && !params.groups.some((g) => request.groups?.includes(g))) {
      out.push(
        violation("NOT_ELIGIBLE", rule.id, {
          "zh-CN": "开放期内仅向符合条件的居民开放，请咨询社区工作人员",
          en: "In its season this is open to eligible residents only; please ask community staff",
        }),
      );
    }
    return out;
  },
});
