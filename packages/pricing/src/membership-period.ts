import { localDate } from "@linli/core";
import { addLocalDaysAt, calendarMonthOf } from "./local-days";
import type { MembershipPlan } from "./pricing-config";
import type { MembershipCoverage } from "./quote-types";

/** A validity period `[validFrom, validUntil)`. */
export interface Validity {
  /** Start (inclusive). */
  readonly validFrom: Date;
  /** End (exclusive). */
  readonly validUntil: Date;
}

/**
 * The validity of a membership bought to start at `startsAt`: the whole local calendar month
 * containing it for `calendar-month` plans (25 yuan buys the month, whatever the day), or
 * `days` local days from `startsAt` for `days` plans.
 */
export function membershipValidity(plan: MembershipPlan, startsAt: Date, timeZone: string): Validity {
  if (plan.period.kind === "calendar-month") {
    const month = calendarMonthOf(startsAt, timeZone);
    return { validFrom: month.start, validUntil: month.end };
  }
  return { validFrom: startsAt, validUntil: addLocalDaysAt(startsAt, plan.period.days, timeZone) };
}

/** A stored membership as the pure functions need it. */
export interface MembershipRecord {
  /** The membership's id. */
  readonly id: string;
  /** Its membership plan. */
  readonly planId: string;
  /** Start of validity (inclusive). */
  readonly validFrom: Date;
  /** End of validity as bought (exclusive). */
  readonly validUntil: Date;
  /** When it was cancelled, if it was. */
  readonly cancelledAt: Date | null;
  /** Covered uses; null for unlimited. */
  readonly usesAllowed: number | null;
}

/** Where a membership's validity really ends: at its end, or earlier when cancelled. */
export function effectiveEnd(m: MembershipRecord): Date {
  return m.cancelledAt !== null && m.cancelledAt.getTime() < m.validUntil.getTime()
    ? m.cancelledAt
    : m.validUntil;
}

/** True when two periods share an instant. */
export function overlaps(a: Validity, b: Validity): boolean {
  return a.validFrom.getTime() < b.validUntil.getTime() && b.validFrom.getTime() < a.validUntil.getTime();
}

/**
 * A membership as a quote sees it: effective validity, uses left (`usesAllowed − usesConsumed`)
 * and the resources its plan covers.
 */
export function toCoverage(
  m: MembershipRecord,
  plan: MembershipPlan,
  resources: readonly string[],
  usesConsumed: number,
  timeZone: string,
): MembershipCoverage {
  const validUntil = effectiveEnd(m);
  return {
    id: m.id,
    planId: m.planId,
    name: plan.name,
    validFrom: m.validFrom,
    validUntil,
    lastDay: localDate(new Date(validUntil.getTime() - 1), timeZone),
    usesRemaining: m.usesAllowed === null ? null : Math.max(0, m.usesAllowed - usesConsumed),
    resources,
  };
}

/** The membership covering `resourceId` at `at` with uses left, the one ending first on a tie. */
export function coveringMembership(
  memberships: readonly MembershipCoverage[],
  resourceId: string,
  at: Date,
): MembershipCoverage | null {
  const t = at.getTime();
  let found: MembershipCoverage | null = null;
  for (const m of memberships) {
    if (m.validFrom.getTime() > t || m.validUntil.getTime() <= t) continue;
    if (m.usesRemaining !== null && m.usesRemaining <= 0) continue;
    if (!m.resources.includes(resourceId)) continue;
    if (found === null || m.validUntil.getTime() < found.validUntil.getTime()) found = m;
  }
  return found;
}

/**
 * True when one of the memberships covers `resourceId` at `at` with a use left: the pure
 * answer to "does this resident have a valid membership covering this resource at T".
 */
export function hasValidMembership(
  memberships: readonly MembershipCoverage[],
  resourceId: string,
  at: Date,
): boolean {
  return coveringMembership(memberships, resourceId, at) !== null;
}
