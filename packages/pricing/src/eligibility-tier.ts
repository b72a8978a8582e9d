import { divideRounded, type RoundingMode } from "@linli/core";
import type { Tier } from "./pricing-config";

/** The tier that gives a resident the best price, and that price. */
export interface TierChoice {
  /** The group whose tier decided. */
  readonly group: string;
  /** The tier applied. */
  readonly tier: Tier;
  /** What the resident pays under it (integer minor units, never above the plan's price). */
  readonly amount: number;
}

/**
 * The price a tier gives for a usage whose plan price is `base`: `free` is 0, `fixed` is the
 * concession price per unit of quantity, `percentage` takes `discountBasisPoints` off `base`
 * with the community's rounding. Never more than `base`.
 */
export function tierAmount(tier: Tier, base: number, quantity: number, rounding: RoundingMode): number {
  const price = tier.price;
  let amount: number;
  if (price.kind === "free") amount = 0;
  else if (price.kind === "fixed") amount = price.amount * quantity;
  else amount = base - discountOf(base, price.discountBasisPoints, rounding);
  return Math.min(amount, base);
}

/**
 * `base × basisPoints / 10,000` rounded by `rounding`: in plain numbers when the product is a
 * safe integer (every real price; exactly what `divideRounded` gives), else in bigint.
 */
function discountOf(base: number, basisPoints: number, rounding: RoundingMode): number {
  const product = base * basisPoints;
  if (!Number.isSafeInteger(product))
    return Number(divideRounded(BigInt(base) * BigInt(basisPoints), 10_000n, rounding));
  const r = product % 10_000; // exact: both are integers
  const q = (product - r) / 10_000; // exact: a multiple of 10,000
  if (r === 0) return q;
  const negative = product < 0;
  const away = negative ? q - 1 : q + 1;
  const twice = Math.abs(r) * 2;
  switch (rounding) {
    case "down":
      return q;
    case "up":
      return away;
    case "floor":
      return negative ? away : q;
    case "ceil":
      return negative ? q : away;
    case "half-up":
      return twice >= 10_000 ? away : q;
    case "half-down":
      return twice > 10_000 ? away : q;
    case "half-even":
      if (twice > 10_000) return away;
      if (twice < 10_000) return q;
      return q % 2 === 0 ? q : away;
  }
}

/**
 * The best price among the tiers of the groups a resident is in, or null when no tier beats
 * the plan's price. Ties go to the group that sorts first, so the recorded group is stable.
 * Taking the minimum is what makes "a resident in more groups never pays more" hold.
 */
export function bestTier(
  tiers: readonly Tier[],
  groups: readonly string[],
  base: number,
  quantity: number,
  rounding: RoundingMode,
): TierChoice | null {
  let best: TierChoice | null = null;
  for (const tier of tiers) {
    if (!groups.includes(tier.group)) continue;
    const amount = tierAmount(tier, base, quantity, rounding);
    if (amount >= base) continue;
    if (best === null || amount < best.amount || (amount === best.amount && tier.group < best.group)) {
      best = { group: tier.group, tier, amount };
    }
  }
  return best;
}
