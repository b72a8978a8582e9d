import { addLocalDays, violation } from "@linli/core";
import { z } from "zod";
import { coveredBy, type Interval, intersectIntervals, normalizeIntervals } from "../interval";
import { localDateOf, localInstant, minutesOf } from "../local-clock";
import { localLabel, weekdayOfDate } from "../local-time-label";
import { defineRuleKind } from "../rule-kind";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** A local time range of one day; `to` at or before `from` runs past midnight into the next day. */
export const timeRangeSchema = z.object({
  from: z.string().regex(TIME, { message: "HH:mm" }),
  to: z.string().regex(TIME, { message: "HH:mm (24:00 for midnight)" }),
});

const DAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const ranges = z.array(timeRangeSchema).default([]);

/** Parameters of `opening-hours`: 24 hours, or several ranges per weekday. */
export const openingHoursParams = z.object({
  /** Open around the clock (the 24-hour library, the smart gym). @default false */
  alwaysOpen: z.boolean().default(false),
  /** Ranges per weekday, local time; a day without ranges is closed. */
  weekly: z
    .object({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges })
    .partial()
    .default({}),
});

type Params = z.output<typeof openingHoursParams>;

/** The open intervals of the days touching `[start, end)`, merged (ranges across midnight join up). */
export function openIntervals(params: Params, start: Date, end: Date, timeZone: string): Interval[] {
  if (params.alwaysOpen) return [{ start: start.getTime(), end: end.getTime() }];
  const out: Interval[] = [];
  // From the day before (a range crossing midnight into the window) to the last day.
  const last = localDateOf(end.getTime(), timeZone);
  for (
    let day = addLocalDays(localDateOf(start.getTime(), timeZone), -1);
    day <= last;
    day = addLocalDays(day, 1)
  ) {
    const key = DAY_KEYS[weekdayOfDate(day) - 1]!;
    for (const range of params.weekly[key] ?? []) {
      const from = localInstant(day, minutesOf(range.from), timeZone);
      const to =
        range.to > range.from
          ? localInstant(day, minutesOf(range.to), timeZone)
          : localInstant(addLocalDays(day, 1), minutesOf(range.to), timeZone);
      out.push({ start: from, end: to });
    }
  }
  return intersectIntervals(normalizeIntervals(out), [{ start: start.getTime(), end: end.getTime() }]);
}

/**
 * `opening-hours`: bookings lie within the weekly opening hours (several ranges a day, ranges
 * across midnight, or around the clock), read in the community's zone so DST days hold.
 */
export const openingHoursKind = defineRuleKind({
  kind: "opening-hours",
  description: {
    "zh-CN": "每周开放时间（每天可有多个时段，或 24 小时开放）",
    en: "Weekly opening hours (several ranges a day, or 24 hours)",
  },
  params: openingHoursParams,
  allowedIntervals: (params, cx) => openIntervals(params, cx.start, cx.end, cx.timeZone),
  evaluate(params, cx) {
    const { start, end } = cx.request;
    const open = openIntervals(params, start, end, cx.timeZone);
    if (coveredBy(open, start.getTime(), end.getTime())) return [];
    return [
      violation(
        "OUTSIDE_OPENING_HOURS",
        cx.rule.id,
        {
          "zh-CN": "{from} 至 {to} 不在开放时间内",
          en: "{from} to {to} is outside the opening hours",
        },
        { from: localLabel(start, cx.timeZone), to: localLabel(end, cx.timeZone) },
      ),
    ];
  },
});
