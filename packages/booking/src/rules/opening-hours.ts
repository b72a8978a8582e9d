import { instantOfWall, minuteOfDay, wallDay, wallOf, wallWeekday } from "@linli/core";
import * as z from "zod";
import { coveredBy, type Interval, intersectIntervals, normalizeIntervals } from "../interval";
import { timeOfDaySchema } from "../day-formats";
import { violationAt } from "../local-time-label";
import { defineRuleKind } from "../rule-kind";

/** A local time range of one day; `to` at or before `from` runs past midnight into the next day. */
export const timeRangeSchema = z
  .object({ from: timeOfDaySchema, to: timeOfDaySchema })
  .describe("A local time range of one day; `to` at or before `from` runs past midnight into the next day.");

const DAY_MS = 86_400_000;
const DAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const ranges = z.array(timeRangeSchema).default([]).describe("The day's open ranges, local time.");

/** Parameters of `opening-hours`: 24 hours, or several ranges per weekday. */
export const openingHoursParams = z.object({
  /** Open around the clock (the 24-hour library, the smart gym). @default false */
  alwaysOpen: z
    .boolean()
    .default(false)
    .describe("Open around the clock (the 24-hour library, the smart gym)."),
  /** Ranges per weekday, local time; a day without ranges is closed. */
  weekly: z
    .object({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges })
    .partial()
    .default({})
    .describe("Ranges per weekday, local time; a day without ranges is closed."),
});

type Params = z.output<typeof openingHoursParams>;

/** The open intervals of the days touching `[start, end)`, merged (ranges across midnight join up). */
export function openIntervals(params: Params, start: Date, end: Date, timeZone: string): Interval[] {
  if (params.alwaysOpen) return [{ start: start.getTime(), end: end.getTime() }];
  const out: Interval[] = [];
  // From the day before (a range crossing midnight into the window) to the last day, as
  // wall-clock numbers (local midnight written as if UTC): no date strings in the loop.
  const last = wallDay(wallOf(end.getTime(), timeZone));
  for (let day = wallDay(wallOf(start.getTime(), timeZone)) - DAY_MS; day <= last; day += DAY_MS) {
    const key = DAY_KEYS[wallWeekday(day) - 1]!;
    for (const range of params.weekly[key] ?? []) {
      const from = minuteOfDay(range.from) * 60_000;
      const to = minuteOfDay(range.to) * 60_000 + (range.to > range.from ? 0 : DAY_MS);
      out.push({ start: instantOfWall(day + from, timeZone), end: instantOfWall(day + to, timeZone) });
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
  reads: { residentBookings: false, groups: false },
  allowedIntervals: (params, cx) => openIntervals(params, cx.start, cx.end, cx.timeZone),
  evaluate(params, cx) {
    const { start, end } = cx.request;
    const open = openIntervals(params, start, end, cx.timeZone);
    if (coveredBy(open, start.getTime(), end.getTime())) return [];
    return [
      violationAt(
        "OUTSIDE_OPENING_HOURS",
        cx.rule.id,
        {
          "zh-CN": "{from} 至 {to} 不在开放时间内",
          en: "{from} to {to} is outside the opening hours",
        },
        {},
        { from: start, to: end },
        cx.timeZone,
      ),
    ];
  },
});
