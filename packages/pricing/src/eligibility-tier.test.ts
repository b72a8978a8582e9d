import { divideRounded, ROUNDING_MODES } from "@linli/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { bestTier, tierAmount } from "./eligibility-tier";
import type { Tier } from "./pricing-config";

describe("tierAmount", () => {
  test("property: a percentage tier rounds exactly as the bigint division does, for any price and mode", () => {
    fc.assert(
      fc.property(
        // Negative prices too: tierAmount is public and promises divideRounded's rounding.
        fc.oneof(
          fc.integer({ min: -1_000_000, max: 1_000_000 }),
          fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
        ),
        fc.integer({ min: 0, max: 10_000 }),
        fc.constantFrom(...ROUNDING_MODES),
        (base, discountBasisPoints, rounding) => {
          const tier = { group: "g", price: { kind: "percentage" as const, discountBasisPoints } };
          const exact =
            base - Number(divideRounded(BigInt(base) * BigInt(discountBasisPoints), 10_000n, rounding));
          expect(tierAmount(tier, base, 1, rounding)).toBe(Math.min(exact, base));
        },
      ),
      { numRuns: 2000, seed: 11 },
    );
  });

  test("each rounding mode below, at and above a half, with an even and an odd quotient", () => {
    // Discounts of 0.4, 0.5, 1.5, 2.5 and 0.6 minor units: [base, basis points] → base − discount.
    const cases: [number, number][] = [
      [1, 4000],
      [1, 5000],
      [3, 5000],
      [5, 5000],
      [1, 6000],
    ];
    const discounts = (rounding: (typeof ROUNDING_MODES)[number]) =>
      cases.map(
        ([base, bp]) =>
          base -
          tierAmount(
            { group: "g", price: { kind: "percentage", discountBasisPoints: bp } },
            base,
            1,
            rounding,
          ),
      );
    expect(discounts("down")).toEqual([0, 0, 1, 2, 0]);
    expect(discounts("up")).toEqual([1, 1, 2, 3, 1]);
    expect(discounts("floor")).toEqual([0, 0, 1, 2, 0]);
    expect(discounts("ceil")).toEqual([1, 1, 2, 3, 1]);
    expect(discounts("half-up")).toEqual([0, 1, 2, 3, 1]);
    expect(discounts("half-down")).toEqual([0, 0, 1, 2, 1]);
    expect(discounts("half-even")).toEqual([0, 0, 2, 2, 1]);
  });

  test("free is 0 and fixed is the concession price per unit of quantity, never above the plan's price", () => {
    expect(tierAmount({ group: "g", price: { kind: "free" } }, 900, 3, "half-up")).toBe(0);
    expect(tierAmount({ group: "g", price: { kind: "fixed", amount: 200 } }, 900, 3, "half-up")).toBe(600);
    expect(tierAmount({ group: "g", price: { kind: "fixed", amount: 400 } }, 900, 3, "half-up")).toBe(900);
  });
});

describe("bestTier", () => {
  const fixed = (group: string, amount: number): Tier => ({ group, price: { kind: "fixed", amount } });

  test("only the resident's groups count, and the lowest price wins whatever the order", () => {
    const tiers = [fixed("a", 700), fixed("b", 500), fixed("c", 100), fixed("d", 600)];
    expect(bestTier(tiers, ["a", "b", "d"], 1000, 1, "half-up")).toEqual({
      group: "b",
      tier: tiers[1],
      amount: 500,
    });
    expect(bestTier(tiers, ["d", "a"], 1000, 1, "half-up")).toEqual({
      group: "d",
      tier: tiers[3],
      amount: 600,
    });
    expect(bestTier(tiers, [], 1000, 1, "half-up")).toBeNull();
    // A dearer tier of a group that sorts first does not displace a cheaper one.
    const sorted = [fixed("z", 500), fixed("a", 700)];
    expect(bestTier(sorted, ["a", "z"], 1000, 1, "half-up")?.group).toBe("z");
  });

  test("a tier at the plan's price decides nothing", () => {
    expect(bestTier([fixed("a", 1000)], ["a"], 1000, 1, "half-up")).toBeNull();
    expect(bestTier([fixed("a", 999)], ["a"], 1000, 1, "half-up")?.amount).toBe(999);
  });

  test("ties go to the group that sorts first, in either order of the tiers", () => {
    const tiers = [fixed("veteran", 500), fixed("student", 500)];
    expect(bestTier(tiers, ["veteran", "student"], 1000, 1, "half-up")?.group).toBe("student");
    expect(bestTier([...tiers].reverse(), ["veteran", "student"], 1000, 1, "half-up")?.group).toBe("student");
  });
});
