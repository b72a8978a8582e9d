import {
  builtInComponents,
  compilePriceBook,
  type MembershipCoverage,
  pricingConfigSchema,
  type Quote,
  quote,
  toCoverage,
  toPublicQuote,
} from "@linli/pricing";
import { sqliteStorage } from "@linli/storage-sqlite";
import { localMonthStart } from "@linli/core";
import { RESIDENTS, residentId, ZONE } from "./lib/fixture";
import {
  groupsOfResident,
  LEDGER_ENTRIES,
  memberships,
  pricingBenchCommunity,
  pricingSection,
  QUOTE_AT,
  seedPricing,
  uses,
} from "./lib/pricing-history";
import { seed } from "./lib/seed";
import { cachedSqlite } from "./lib/storage-cache";
import { compare } from "./report";

// `community.pricing.quote` as residents ask it ("what would a gym visit cost me now?") on a
// SQLite file holding a year of pricing history: 5,800 residents, 100,000 ledger entries,
// 85,000 recorded uses, memberships and eligibility grants. Each run asks BATCH quotes, one
// per resident in turn (a pass holder, a tier, a cap with this month's visits, or the full
// price). Baseline (informative; the target is absolute, above 20,000 quotes/s): the pure
// `quote` on the same facts already in memory (groups, memberships with their uses, this
// month's charges), so the ratio is what the reads through the API cost on top of pricing.
const BATCH = 40;
const STRIDE = 29; // residents asked in turn: k, k + 29, … (all kinds of resident)

export default async () => {
  const filename = await cachedSqlite(
    "pricing-quote",
    async (f) => {
      const storage = sqliteStorage({ filename: f });
      const { community } = await pricingBenchCommunity(storage);
      await seed(storage, { residents: RESIDENTS });
      await seedPricing(storage);
      await community.close();
    },
    ["bench/src/lib/pricing-history.ts", "packages/pricing/src/pricing-models.ts"],
  );
  const { community } = await pricingBenchCommunity(sqliteStorage({ filename }));
  const asked = Array.from({ length: BATCH }, (_, i) => (i * STRIDE) % RESIDENTS);
  const resource = (i: number) => (i % 4 === 3 ? "drying-room" : "gym");

  const ours = async (): Promise<Quote[]> => {
    const out: Quote[] = [];
    for (let i = 0; i < BATCH; i++) {
      const k = asked[i]!;
      out.push(
        await community.pricing.quote({
          actor: { kind: "resident", id: residentId(k) },
          resourceId: resource(i),
        }),
      );
    }
    return out;
  };

  // The facts each asked resident's quote reads, in memory, from the generators.
  const book = compilePriceBook(
    pricingConfigSchema(builtInComponents).parse(pricingSection),
    community.config,
  );
  const at = new Date(QUOTE_AT);
  const period = localMonthStart(at, ZONE).slice(0, 7);
  const history = uses();
  const charged = new Map<number, number>();
  const usedOn = new Map<string, number>();
  for (const u of history) {
    if (u.planId === "gym-visit" && localMonthStart(new Date(u.start), ZONE).slice(0, 7) === period)
      charged.set(u.resident, (charged.get(u.resident) ?? 0) + u.charged);
    if (u.membershipId) usedOn.set(u.membershipId, (usedOn.get(u.membershipId) ?? 0) + 1);
  }
  const coverages = new Map<number, MembershipCoverage[]>();
  for (const m of memberships()) {
    const list = coverages.get(m.resident) ?? [];
    const plan = book.membershipPlan(m.planId)!;
    list.push(
      toCoverage(
        {
          id: m.id,
          planId: m.planId,
          validFrom: new Date(m.validFrom),
          validUntil: new Date(m.validUntil),
          cancelledAt: null,
          usesAllowed: m.usesAllowed,
        },
        plan,
        book.membershipResources(m.planId),
        usedOn.get(m.id) ?? 0,
        ZONE,
      ),
    );
    coverages.set(m.resident, list);
  }
  const inputs = asked.map((k, i) => {
    const plan = book.planFor(resource(i));
    return {
      input: {
        resourceId: resource(i),
        plan,
        groups: groupsOfResident(k),
        usage: { start: at, end: null, quantity: 1 },
        memberships: coverages.get(k) ?? [],
        chargedThisPeriod: plan?.cap ? (charged.get(k) ?? 0) : 0,
        context: book.context,
      },
    };
  });
  // A resident sees the public receipt (what the query returns to a resident actor).
  const pure = (): Quote[] => inputs.map(({ input }) => toPublicQuote(quote(input)));

  const result = await compare({
    id: "pricing.quote.api-sqlite",
    unit: "ops/s",
    opsPerRun: BATCH,
    params: {
      quotesPerRun: BATCH,
      residents: RESIDENTS,
      ledgerEntries: LEDGER_ENTRIES,
      recordedUses: history.length,
      storage: "sqlite file (WAL)",
      actor: "resident",
    },
    ours: { name: "community.pricing.quote", run: ours },
    baseline: { name: "pure-quote-facts-in-memory", run: pure },
    // Few runs are enough at the target (40 quotes take 2 ms); at today's 0.25 s per capped
    // quote (see README: the cap read scans every recorded use) 64 runs would take minutes.
    iterations: 5,
    extra: { targets: { opsPerSecond: 20_000 } },
  });
  await community.close();
  return result;
};
