import { divideRounded, type RoundingMode } from "@linli/core";
import { localDaysBetween, startedLocalDays } from "./local-days";

/**
 * `amount × days / of`, rounded by `rounding`, exactly (BigInt), for whole-day proration.
 * `prorate(10_000, 14, 31, "half-up")` is 4,516: 14 of 31 days of 100.00, billed in arrears.
 */
export function prorate(amount: number, days: number, of: number, rounding: RoundingMode): number {
  if (!Number.isSafeInteger(amount) || !Number.isSafeInteger(days) || !Number.isSafeInteger(of) || of <= 0) {
    throw new RangeError(`prorate needs integers and a positive period, got ${amount} × ${days}/${of}`);
  }
  if (days < 0 || days > of) throw new RangeError(`days ${days} is outside 0..${of}`);
  return Number(divideRounded(BigInt(amount) * BigInt(days), BigInt(of), rounding));
}

/** The facts of a pro-rata computation, for the ledger text and for tests. */
export interface Proration {
  /** Days of the period (30, or the month's length). */
  readonly periodDays: number;
  /** Days started before the cut (counted as used). */
  readonly usedDays: number;
  /** Days left (`periodDays − usedDays`). */
  readonly remainingDays: number;
  /** The prorated amount, integer minor units. */
  readonly amount: number;
}

/**
 * The refund of a period paid in advance and cancelled at `at`: the price times the unused
 * local days over the period's days. A started day counts as used, so a 30-day membership
 * cancelled exactly 14 days in refunds 16/30, and one minute later 15/30.
 */
export function proratedRefund(options: {
  readonly price: number;
  readonly validFrom: Date;
  readonly validUntil: Date;
  readonly at: Date;
  readonly timeZone: string;
  readonly rounding: RoundingMode;
}): Proration {
  const periodDays = localDaysBetween(options.validFrom, options.validUntil, options.timeZone);
  const at = options.at.getTime() > options.validUntil.getTime() ? options.validUntil : options.at;
  const usedDays = startedLocalDays(options.validFrom, at, options.timeZone);
  const remainingDays = periodDays - usedDays;
  return {
    periodDays,
    usedDays,
    remainingDays,
    amount: prorate(options.price, remainingDays, periodDays, options.rounding),
  };
}

/**
 * The charge in arrears for the part `[from, to)` of a period `[periodStart, periodEnd)`:
 * the price times the local days used over the period's days (Lago's "14 of 31 days").
 */
export function proratedCharge(options: {
  readonly price: number;
  readonly periodStart: Date;
  readonly periodEnd: Date;
  readonly from: Date;
  readonly to: Date;
  readonly timeZone: string;
  readonly rounding: RoundingMode;
}): Proration {
  const periodDays = localDaysBetween(options.periodStart, options.periodEnd, options.timeZone);
  const usedDays = localDaysBetween(options.from, options.to, options.timeZone);
  return {
    periodDays,
    usedDays,
    remainingDays: periodDays - usedDays,
    amount: prorate(options.price, usedDays, periodDays, options.rounding),
  };
}
