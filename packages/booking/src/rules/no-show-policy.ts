import * as z from "zod";
import type { BookingFacts } from "../rule-kind";
import { violationAt } from "../local-time-label";
import { defineRuleKind } from "../rule-kind";

/** Parameters of `no-show-policy`. */
export const noShowPolicyParams = z.object({
  /** This many no-shows … */
  maxNoShows: z.number().int().min(1).describe("This many no-shows …"),
  /** … within this many days … */
  periodDays: z.number().int().min(1).describe("… within this many days …"),
  /** … suspend booking for this many days from the last of them. */
  suspendDays: z
    .number()
    .int()
    .min(1)
    .describe("… suspend booking for this many days from the last of them."),
});

const DAY_MS = 86_400_000;

/**
 * The instant a resident's suspension ends, or null when not suspended at `now`: after
 * `maxNoShows` no-shows within `periodDays`, booking is suspended for `suspendDays` from the
 * no-show that reached the count. Pure.
 */
export function suspendedUntil(
  noShows: readonly Date[],
  params: { maxNoShows: number; periodDays: number; suspendDays: number },
  now: Date,
): Date | null {
  const times = noShows.map((d) => d.getTime()).sort((a, b) => a - b);
  let until = 0;
  let first = 0;
  for (let i = 0; i < times.length; i++) {
    const t = times[i]!;
    while (times[first]! <= t - params.periodDays * DAY_MS) first++;
    if (i - first + 1 >= params.maxNoShows) until = Math.max(until, t + params.suspendDays * DAY_MS);
  }
  return until > now.getTime() ? new Date(until) : null;
}

/** The no-show instants among a resident's bookings on the given resources. */
export function noShowsOf(
  bookings: readonly BookingFacts[],
  residentId: string,
  targets: ReadonlySet<string>,
): Date[] {
  const out: Date[] = [];
  for (const b of bookings)
    if (b.residentId === residentId && b.noShowAt && targets.has(b.resourceId)) out.push(b.noShowAt);
  return out;
}

/** `no-show-policy`: after N no-shows in a period, booking is suspended for M days. */
export const noShowPolicyKind = defineRuleKind({
  kind: "no-show-policy",
  description: {
    "zh-CN": "爽约规则：一段时间内爽约 N 次，暂停预约 M 天",
    en: "No-show policy: after N no-shows in a period, booking is suspended for M days",
  },
  params: noShowPolicyParams,
  reads: { residentBookings: true, groups: false },
  evaluate(params, cx) {
    const { request, snapshot, rule, now, timeZone } = cx;
    if (!request.residentId) return [];
    const until = suspendedUntil(
      noShowsOf(snapshot.residentBookings, request.residentId, rule.targets),
      params,
      now,
    );
    if (!until) return [];
    return [
      violationAt(
        "SUSPENDED_FOR_NO_SHOWS",
        rule.id,
        {
          "zh-CN": "{periodDays} 天内爽约 {maxNoShows} 次，预约暂停至 {until}",
          en: "{maxNoShows} no-shows within {periodDays} days: booking is suspended until {until}",
        },
        { maxNoShows: params.maxNoShows, periodDays: params.periodDays },
        { until },
        timeZone,
      ),
    ];
  },
});
