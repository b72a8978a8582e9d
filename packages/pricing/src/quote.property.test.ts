import type { RoundingMode } from "@linli/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { context, membership, plan, text } from "../test/pure-fixtures";
import type { PricePlan, Voucher } from "./pricing-config";
import { quote } from "./quote";
import type { QuoteInput } from "./quote-types";

const GROUPS = ["hardship", "elderly-living-alone", "minimum-subsistence", "student", "veteran"] as const;
const base = Date.UTC(2026, 5, 1);

const amount = fc.integer({ min: 0, max: 1_000_000 });
const tierPrice = fc.oneof(
  fc.constant({ kind: "free" as const }),
  amount.map((a) => ({ kind: "fixed" as const, amount: a })),
  fc.integer({ min: 0, max: 10_000 }).map((bp) => ({ kind: "percentage" as const, discountBasisPoints: bp })),
);
const charge = fc.oneof(
  fc.constant({ kind: "free" as const }),
  amount.map((a) => ({ kind: "per-use" as const, amount: a })),
  fc
    .record({
      amount,
      unitMinutes: fc.integer({ min: 1, max: 240 }),
      unitRounding: fc.constantFrom("started", "completed", "nearest"),
    })
    .map((c) => ({ kind: "per-time" as const, ...c })),
  fc.record({ first: amount, rest: amount, upTo: fc.integer({ min: 1, max: 5 }) }).map((g) => ({
    kind: "graduated" as const,
    unitMinutes: 30,
    steps: [
      { upTo: g.upTo, unitAmount: g.first },
      { upTo: null, unitAmount: g.rest },
    ],
  })),
);

const planArb: fc.Arbitrary<PricePlan> = fc
  .record({
    charge,
    tiers: fc.uniqueArray(fc.record({ group: fc.constantFrom(...GROUPS), price: tierPrice }), {
      selector: (t) => t.group,
      maxLength: GROUPS.length,
    }),
    cap: fc.option(amount, { nil: undefined }),
    deposit: fc.option(fc.integer({ min: 1, max: 100_000 }), { nil: undefined }),
  })
  .map((p) =>
    plan({
      id: "p",
      name: text("方案", "Plan"),
      appliesTo: { resources: ["r"] },
      charge: p.charge,
      tiers: p.tiers,
      ...(p.cap === undefined ? {} : { cap: { amount: p.cap } }),
      ...(p.deposit === undefined ? {} : { deposit: { amount: p.deposit } }),
    }),
  );

const voucherArb: fc.Arbitrary<Voucher> = fc
  .oneof(
    amount.filter((a) => a > 0).map((a) => ({ kind: "fixed" as const, amount: a })),
    fc.integer({ min: 1, max: 10_000 }).map((bp) => ({ kind: "percentage" as const, basisPoints: bp })),
  )
  .map((value) => ({ id: "v", name: text("券", "Voucher"), value }));

/** Everything but the groups, which the properties vary. */
const scenario = fc.record({
  plan: planArb,
  minutes: fc.integer({ min: 0, max: 600 }),
  quantity: fc.integer({ min: 1, max: 5 }),
  chargedThisPeriod: fc.integer({ min: 0, max: 2_000_000 }),
  voucher: fc.option(voucherArb, { nil: undefined }),
  waiver: fc.boolean(),
  member: fc.boolean(),
  rounding: fc.constantFrom<RoundingMode>("half-up", "half-even", "floor", "ceil", "down", "up", "half-down"),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function inputOf(s: Scenario, groups: readonly string[]): QuoteInput {
  const start = new Date(base + 3_600_000);
  return {
    resourceId: "r",
    plan: s.plan,
    groups,
    usage: { start, end: new Date(start.getTime() + s.minutes * 60_000), quantity: s.quantity },
    memberships: s.member ? [membership("m", ["r"], "2026-06-01T00:00:00Z", "2026-06-02T00:00:00Z")] : [],
    chargedThisPeriod: s.chargedThisPeriod,
    ...(s.voucher ? { voucher: { voucher: s.voucher, usedBefore: 0 } } : {}),
    ...(s.waiver ? { waiver: { reason: "test", by: "desk" } } : {}),
    context: context(s.rounding),
  };
}

const groupSet = fc.subarray([...GROUPS]);

describe("quote properties (fast-check)", () => {
  test("the total equals the sum of the lines, is never negative, and every amount is an integer", () => {
    fc.assert(
      fc.property(scenario, groupSet, (s, groups) => {
        const q = quote(inputOf(s, groups));
        const sum = q.lines.reduce((acc, l) => acc + l.amount.amount, 0);
        expect(q.total.amount).toBe(sum);
        expect(q.total.amount).toBeGreaterThanOrEqual(0);
        expect(q.charge.amount).toBeGreaterThanOrEqual(0);
        expect(q.charge.amount + q.deposit.amount).toBe(q.total.amount);
        for (const m of [q.total, q.charge, q.deposit, ...q.lines.map((l) => l.amount)]) {
          expect(Number.isSafeInteger(m.amount)).toBe(true);
          expect(m.currency).toBe("CNY");
        }
        // The running total never dips below zero: no adjustment takes more than is there.
        let running = 0;
        for (const l of q.lines) {
          running += l.amount.amount;
          expect(running).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  test("a resident in more groups never pays more than in fewer", () => {
    fc.assert(
      fc.property(scenario, groupSet, groupSet, (s, fewer, extra) => {
        const more = [...new Set([...fewer, ...extra])];
        const a = quote(inputOf(s, fewer));
        const b = quote(inputOf(s, more));
        expect(b.total.amount).toBeLessThanOrEqual(a.total.amount);
      }),
      { numRuns: 500, seed: 16 },
    );
  });

  test("the quote is pure: the same input gives the same quote", () => {
    fc.assert(
      fc.property(scenario, groupSet, (s, groups) => {
        expect(quote(inputOf(s, groups))).toEqual(quote(inputOf(s, groups)));
      }),
      { numRuns: 100, seed: 16 },
    );
  });
});
