import {
  builtInComponents,
  type MembershipCoverage,
  type PricePlan,
  pricePlanSchema,
  type QuoteContext,
  type QuoteInput,
  quote,
} from "@linli/pricing";
import { compare } from "./report";

const BATCH = 1000;
const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** A plan with a per-use price and four eligibility tiers, parsed as configuration would be. */
const plan: PricePlan = pricePlanSchema(builtInComponents).parse({
  id: "gym-visit",
  name: text("健身房单次", "Gym visit"),
  appliesTo: { resources: ["gym"] },
  charge: { kind: "per-use", amount: 1000 },
  tiers: [
    { group: "student", price: { kind: "percentage", discountBasisPoints: 2000 } },
    { group: "veteran", price: { kind: "fixed", amount: 700 } },
    { group: "empty-nest-elderly", price: { kind: "percentage", discountBasisPoints: 3500 } },
    { group: "hardship", price: { kind: "free" } },
  ],
});

const context: QuoteContext = {
  currency: "CNY",
  rounding: "half-up",
  groups: new Map([
    ["student", { name: text("学生", "Student"), sensitive: false }],
    ["veteran", { name: text("退役军人", "Veteran"), sensitive: false }],
    ["empty-nest-elderly", { name: text("空巢老人", "Empty-nest elderly"), sensitive: true }],
    ["hardship", { name: text("困难户", "Household in difficulty"), sensitive: true }],
  ]),
  components: new Map(builtInComponents.map((c) => [c.kind, c])),
};

/** The resident: three groups, and a pass valid for the first half of June. */
const groups = ["empty-nest-elderly", "student", "veteran"];
const pass: MembershipCoverage = {
  id: "m1",
  planId: "gym-half-month",
  name: text("健身房半月卡", "Gym half-month pass"),
  validFrom: new Date("2026-05-31T16:00:00Z"),
  validUntil: new Date("2026-06-15T16:00:00Z"),
  lastDay: "2026-06-15",
  usesRemaining: null,
  resources: ["gym"],
};

/** BATCH visits spread over June: about half inside the pass, half priced by tiers. */
const inputs: QuoteInput[] = Array.from({ length: BATCH }, (_, k) => ({
  resourceId: "gym",
  plan,
  groups,
  usage: { start: new Date(Date.UTC(2026, 5, 1) + k * 43 * 60_000), end: null, quantity: 1 + (k % 3) },
  memberships: [pass],
  context,
}));

function ours(): number[] {
  return inputs.map((input) => quote(input).total.amount);
}

/** The lowest price by hand: the membership first, then the cheapest matching tier. */
function naivePrice(input: QuoteInput): {
  covered: boolean;
  base: number;
  best: number;
  group: string | null;
} {
  const t = input.usage.start.getTime();
  const covered = input.memberships.some(
    (m) => m.resources.includes(input.resourceId) && m.validFrom.getTime() <= t && t < m.validUntil.getTime(),
  );
  const base = (input.plan!.charge.amount as number) * input.usage.quantity;
  if (covered) return { covered, base, best: 0, group: null };
  let best = base;
  let group: string | null = null;
  for (const tier of input.plan!.tiers) {
    if (!input.groups.includes(tier.group)) continue;
    const p = tier.price;
    const price =
      p.kind === "free"
        ? 0
        : p.kind === "fixed"
          ? p.amount * input.usage.quantity
          : base - Math.floor((base * p.discountBasisPoints + 5000) / 10_000);
    if (price < best) {
      best = price;
      group = tier.group;
    }
  }
  return { covered, base, best, group };
}

// A competent engineer builds each Intl.NumberFormat once, not per amount.
const zhMoney = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" });
const enMoney = new Intl.NumberFormat("en", { style: "currency", currency: "CNY" });

/**
 * The baseline: the same job written the straightforward way, fairly: the price by hand, and
 * the explained lines (zh-CN and en text, amounts formatted with one cached formatter per
 * locale).
 */
function naiveExplained(): number[] {
  return inputs.map((input) => {
    const r = naivePrice(input);
    const fmt = (amount: number) => ({
      "zh-CN": zhMoney.format(amount / 100),
      en: enMoney.format(amount / 100),
    });
    const lines = r.covered
      ? [{ code: "MEMBERSHIP_COVERED", amount: 0, text: text("月卡覆盖", "Covered by pass") }]
      : [
          { code: "PER_USE", amount: r.base, text: fmt(r.base) },
          ...(r.group ? [{ code: "TIER", amount: r.best - r.base, text: fmt(r.best - r.base) }] : []),
        ];
    return lines.reduce((a, l) => a + l.amount, 0);
  });
}

/** A peer for scale: the bare total only, no lines, no texts, no checks. */
function bareTotal(): number[] {
  return inputs.map((input) => naivePrice(input).best);
}

export default () =>
  compare({
    id: "pricing.quote",
    unit: "ops/s",
    opsPerRun: BATCH,
    params: {
      quotesPerRun: BATCH,
      groupsOfResident: groups.length,
      tiers: plan.tiers.length,
      membership: "valid for half of the visits",
    },
    ours: { name: "linli-quote", run: ours },
    baseline: { name: "naive-explained", run: naiveExplained },
    peers: [{ name: "bare-total", run: bareTotal }],
    extra: {
      targets: { ratio: 1 },
      note: "baseline: hand-written price plus explained lines, one cached Intl formatter per locale; bare-total: the price only",
    },
  });
