import type { CommandContext } from "@linli/core";
import type { Validity } from "./membership-period";

/**
 * The eligibility groups that price a membership: those the resident is in over the part of
 * the covered period still ahead when it is bought, that is both at its start (the later of
 * the period's start and `purchasedAt`) and at its last instant. A membership is priced by
 * the period it covers, not by the day it is bought: a resident whose concession ends on the
 * 30th pays the full price for next month's pass bought on the 25th, and a concession granted
 * mid-month prices this month's pass bought after the grant.
 *
 * Eligibility is read at those two instants only: a grant that covers both covers every day
 * between, but a lapse and a new grant both inside the period are not seen.
 */
export async function groupsOverPeriod(
  cx: CommandContext,
  residentId: string,
  period: Validity,
  purchasedAt: Date,
): Promise<string[]> {
  const last = new Date(period.validUntil.getTime() - 1);
  const fromPurchase = Math.max(period.validFrom.getTime(), purchasedAt.getTime());
  // A period already over (staff recording an old purchase) is read from its own start.
  const first = fromPurchase > last.getTime() ? period.validFrom : new Date(fromPurchase);
  const atStart = await cx.groupsOf(residentId, first);
  const atEnd = new Set(await cx.groupsOf(residentId, last));
  return atStart.filter((g) => atEnd.has(g));
}
