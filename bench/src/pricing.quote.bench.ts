import {
  builtInComponents,
  type MembershipCoverage,
  type PricePlan,
  pricePlanSchema,
  type Quote,
  type QuoteContext,
  type QuoteInput,
  type QuoteLine,
  quote,
  type Tier,
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

function ours(): Quote[] {
  return inputs.map(quote);
}

/** The lowest price by hand: the membership first, then the cheapest matching tier. */
function naivePrice(input: QuoteInput): {
  pass: MembershipCoverage | null;
  base: number;
  best: number;
  tier: Tier | null;
} {
  const t = input.usage.start.getTime();
  let pass: MembershipCoverage | null = null;
  for (const m of input.memberships)
    if (m.resources.includes(input.resourceId) && m.validFrom.getTime() <= t && t < m.validUntil.getTime())
      pass = m;
  const base = (input.plan!.charge.amount as number) * input.usage.quantity;
  if (pass) return { pass, base, best: 0, tier: null };
  let best = base;
  let tier: Tier | null = null;
  for (const candidate of input.plan!.tiers) {
    if (!input.groups.includes(candidate.group)) continue;
    const p = candidate.price;
    const price =
      p.kind === "free"
        ? 0
        : p.kind === "fixed"
          ? p.amount * input.usage.quantity
          : base - Math.floor((base * p.discountBasisPoints + 5000) / 10_000);
    // Ties go to the group that sorts first, as quote records a stable group.
    if (price < best || (tier !== null && price === best && candidate.group < tier.group)) {
      best = price;
      tier = candidate;
    }
  }
  return { pass, base, best, tier };
}

// A competent engineer builds each Intl.NumberFormat once, not per amount.
const zhMoney = new Intl.NumberFormat("zh-CN", { style: "currency", currency: "CNY" });
const enMoney = new Intl.NumberFormat("en", { style: "currency", currency: "CNY" });
const money = (amount: number) => ({ amount: amount === 0 ? 0 : amount, currency: "CNY" });

/**
 * The baseline: the same job written the straightforward way, fairly: the price by hand, and
 * the same quote as `quote` returns (every line with its staff and public texts in zh-CN and
 * en, the group that decided, totals), amounts formatted with one cached formatter per
 * locale. It checks nothing: the input is trusted.
 */
function naiveExplained(): Quote[] {
  return inputs.map((input): Quote => {
    const r = naivePrice(input);
    const plan = input.plan!;
    const lines: QuoteLine[] = [];
    let decidedBy: Quote["decidedBy"] = null;
    if (r.pass) {
      const covered = {
        "zh-CN": `${r.pass.name["zh-CN"]}覆盖（有效至 ${r.pass.lastDay}）`,
        en: `Covered by ${r.pass.name.en} (valid through ${r.pass.lastDay})`,
      };
      lines.push({
        kind: "charge",
        code: "MEMBERSHIP_COVERED",
        amount: money(0),
        text: covered,
        publicText: covered,
      });
    } else {
      const unit = plan.charge.amount as number;
      const perUse = {
        "zh-CN": `按次计费：${zhMoney.format(unit / 100)} × ${input.usage.quantity}`,
        en: `Per use: ${enMoney.format(unit / 100)} × ${input.usage.quantity}`,
      };
      lines.push({
        kind: "charge",
        code: "PER_USE",
        amount: money(r.base),
        text: perUse,
        publicText: perUse,
      });
      if (r.tier) {
        const info = input.context.groups.get(r.tier.group)!;
        const delta = r.best - r.base;
        const zh = zhMoney.format(delta / 100);
        const en = enMoney.format(delta / 100);
        const text = { "zh-CN": `${info.name["zh-CN"]}优惠：${zh}`, en: `${info.name.en} concession: ${en}` };
        const publicText = info.sensitive
          ? { "zh-CN": `资格优惠：${zh}`, en: `Eligibility concession: ${en}` }
          : text;
        lines.push({
          kind: "adjustment",
          code: `TIER_${r.tier.price.kind.toUpperCase()}`,
          amount: money(delta),
          text,
          publicText,
          group: r.tier.group,
        });
        decidedBy = { group: r.tier.group, sensitive: info.sensitive };
      }
    }
    return {
      resourceId: input.resourceId,
      planId: plan.id,
      at: input.usage.start.toISOString(),
      lines,
      total: money(r.best),
      deposit: money(0),
      charge: money(r.best),
      decidedBy,
      membershipId: r.pass?.id ?? null,
      voucherId: null,
      voucherRefusal: null,
    };
  });
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
    extra: {
      targets: { ratio: 1 },
      note: "baseline: the same quotes (lines, staff and public texts, totals) by hand, one cached Intl formatter per locale, compared whole",
    },
  });
