import { addLocalDays, localDate, minuteOfDay, zonedInstant } from "@linli/core";
import type { AvailabilityException, WeeklyWindow } from "./volunteers-models";

/** A UTC interval. */
export interface Interval {
  /** Start (inclusive). */
  readonly start: Date;
  /** End (exclusive). */
  readonly end: Date;
}

const DAY_MS = 86_400_000;

/**
 * A volunteer's availability between `from` and `to` as UTC intervals: the weekly windows
 * (local times in the community zone, on every local day of the range) minus `unavailable`
 * exceptions plus `available` ones, sorted and merged. DST days follow the zone's rules.
 */
export function expandAvailability(
  weekly: readonly WeeklyWindow[],
  exceptions: readonly AvailabilityException[],
  from: Date,
  to: Date,
  timeZone: string,
): Interval[] {
  const out: Interval[] = [];
  if (to.getTime() <= from.getTime()) return out;
  const last = localDate(to, timeZone);
  const first = localDate(new Date(from.getTime() - DAY_MS), timeZone);
  const byDay = new Map<number, WeeklyWindow[]>();
  for (const w of weekly) byDay.set(w.weekday, [...(byDay.get(w.weekday) ?? []), w]);
  for (let day = first; day <= last; day = addLocalDays(day, 1)) {
    const [y, m, d] = day.split("-").map(Number) as [number, number, number];
    const weekday = ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
    for (const w of byDay.get(weekday) ?? []) {
      if (minuteOfDay(w.to) <= minuteOfDay(w.from)) continue;
      const start = zonedInstant(day, w.from, timeZone);
      const end =
        w.to === "24:00"
          ? zonedInstant(addLocalDays(day, 1), "00:00", timeZone)
          : zonedInstant(day, w.to, timeZone);
      if (end > from && start < to) out.push({ start, end });
    }
  }
  for (const e of exceptions) if (e.kind === "available" && e.end > from && e.start < to) out.push(e);
  let merged = merge(out);
  for (const e of exceptions) if (e.kind === "unavailable") merged = subtract(merged, e);
  return merged;
}

function merge(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start.getTime() - b.start.getTime());
  const out: Interval[] = [];
  for (const i of sorted) {
    const prev = out[out.length - 1];
    if (prev && i.start.getTime() <= prev.end.getTime()) {
      if (i.end > prev.end) out[out.length - 1] = { start: prev.start, end: i.end };
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}

function subtract(intervals: Interval[], cut: Interval): Interval[] {
  const out: Interval[] = [];
  for (const i of intervals) {
    if (cut.end <= i.start || cut.start >= i.end) {
      out.push(i);
      continue;
    }
    if (cut.start > i.start) out.push({ start: i.start, end: cut.start });
    if (cut.end < i.end) out.push({ start: cut.end, end: i.end });
  }
  return out;
}

/** Whether one of the intervals covers `[start, end)` entirely. */
export function covers(intervals: readonly Interval[], start: Date, end: Date): boolean {
  return intervals.some((i) => i.start <= start && i.end >= end);
}

/** The intervals with every busy interval taken out (a shift held, a task accepted). */
export function withoutBusy(intervals: readonly Interval[], busy: readonly Interval[]): Interval[] {
  let out = [...intervals];
  for (const b of busy) out = subtract(out, b);
  return out;
}
