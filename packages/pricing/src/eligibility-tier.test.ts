import { divideRounded, ROUNDING_MODES } from "@linli/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { tierAmount } from "./eligibility-tier";

describe("tierAmount", () => {
  test("property: a percentage tier rounds exactly as the bigint division does, for any price and mode", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: 0, max: 1_000_000 }),
          fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
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
});
