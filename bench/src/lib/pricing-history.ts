import {
  builtInComponents,
  ledgerEntryModel,
  membershipModel,
  type PricePlan,
  pricePlanSchema,
  pricingPlugin,
  quote,
  usageModel,
} from "@linli/pricing";
import {
  createCommunity,
  defineCommunityConfig,
  localMonthStart,
  manualClock,
  type StorageAdapter,
} from "@linli/core";
import { createTx, eligibilityGrantModel, ValueCodec } from "@linli/core/adapter";
import { sequentialIds } from "@linli/core";
import { COMMUNITY, DAY, RESIDENTS, residentId, ZONE } from "./fixture";
import { random } from "./rng";

// The pricing community of `pricing.quote.api-sqlite` and a year of its history: 5,800
// residents, four eligibility groups, a gym priced per visit (four tiers, a monthly cap) and
// a drying room, monthly gym passes and ten-use drying cards, and 100,000 ledger entries
// (a charge per recorded use, membership charges, payments). Deterministic (seeded).

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** When the benched quotes are asked (the clock), three weeks into June 2026. */
export const QUOTE_AT = Date.parse("2026-06-21T10:00:00+08:00");
/** Ledger entries written. */
export const LEDGER_ENTRIES = 100_000;
const USES = 85_000;
const MONTH_START = Date.parse("2026-06-01T00:00:00+08:00");
const MONTH_END = Date.parse("2026-07-01T00:00:00+08:00");

/** The `pricing` section (also parsed by the bench's pure baseline). */
export const pricingSection = {
  plans: [
    {
      id: "gym-visit",
      name: text("健身房单次", "Gym visit"),
      appliesTo: { resources: ["gym"] },
      charge: { kind: "per-use" as const, amount: 1000 },
      cap: { amount: 10_000 },
      tiers: [
        { group: "student", price: { kind: "percentage" as const, discountBasisPoints: 2000 } },
        { group: "veteran", price: { kind: "fixed" as const, amount: 700 } },
        { group: "empty-nest-elderly", price: { kind: "percentage" as const, discountBasisPoints: 3500 } },
        { group: "hardship", price: { kind: "free" as const } },
      ],
    },
    {
      id: "drying-per-use",
      name: text("干衣房按次", "Drying room per use"),
      appliesTo: { resources: ["drying-room"] },
      charge: { kind: "per-use" as const, amount: 100 },
    },
  ],
  memberships: [
    {
      id: "gym-monthly",
      name: text("健身房月卡", "Gym monthly pass"),
      price: 2500,
      period: { kind: "calendar-month" as const },
      covers: { resources: ["gym"] },
    },
    {
      id: "drying-10",
      name: text("干衣房十次卡", "Drying room 10 uses"),
      price: 800,
      period: { kind: "days" as const, days: 30 },
      uses: 10,
      covers: { resources: ["drying-room"] },
    },
  ],
};

/** The community config: pricing only (a quote reads no booking data). */
export function pricingBenchConfig() {
  return defineCommunityConfig([pricingPlugin()], {
    community: { id: COMMUNITY, name: text("基准社区", "Bench community"), timeZone: ZONE, currency: "CNY" },
    groups: [
      { id: "student", name: text("学生", "Student"), sensitive: false, verification: "self-declared" },
      { id: "veteran", name: text("退役军人", "Veteran"), sensitive: false },
      { id: "empty-nest-elderly", name: text("空巢老人", "Empty-nest elderly") },
      { id: "hardship", name: text("困难户", "Household in difficulty") },
    ],
    resources: [
      { id: "gym", kind: "space", name: text("健身房", "Gym"), capacity: 30 },
      { id: "drying-room", kind: "pool", name: text("干衣房", "Drying room"), capacity: 4 },
    ],
    pricing: pricingSection,
  });
}

/** The community on `storage`, its clock at {@link QUOTE_AT}. */
export async function pricingBenchCommunity(storage: StorageAdapter) {
  const clock = manualClock(new Date(QUOTE_AT).toISOString());
  const community = await createCommunity({
    config: pricingBenchConfig(),
    storage,
    plugins: [pricingPlugin()] as const,
    clock,
  });
  return { community, clock };
}

/** The groups resident `k` is in (granted long before the history). */
export function groupsOfResident(k: number): string[] {
  const out: string[] = [];
  if (k % 10 === 0) out.push("student");
  if (k % 15 === 0) out.push("veteran");
  if (k % 7 === 0) out.push("empty-nest-elderly");
  if (k % 23 === 0) out.push("hardship");
  return out;
}

/** A stored membership as generated. */
export interface GeneratedMembership {
  readonly id: string;
  readonly resident: number;
  readonly planId: "gym-monthly" | "drying-10";
  readonly validFrom: number;
  readonly validUntil: number;
  readonly usesAllowed: number | null;
  readonly price: number;
}

/** A recorded use as generated. */
export interface GeneratedUse {
  readonly id: string;
  readonly resident: number;
  readonly resourceId: "gym" | "drying-room";
  readonly planId: string;
  readonly start: number;
  readonly charged: number;
  readonly membershipId: string | null;
}

/** The memberships: June's gym pass for every ninth resident, a drying card for every thirteenth. */
export function memberships(): GeneratedMembership[] {
  const out: GeneratedMembership[] = [];
  for (let k = 0; k < RESIDENTS; k++) {
    if (k % 9 === 0)
      out.push({
        id: `gym-pass-${k}`,
        resident: k,
        planId: "gym-monthly",
        validFrom: MONTH_START,
        validUntil: MONTH_END,
        usesAllowed: null,
        price: 2500,
      });
    if (k % 13 === 0)
      out.push({
        id: `drying-card-${k}`,
        resident: k,
        planId: "drying-10",
        validFrom: QUOTE_AT - 10 * DAY,
        validUntil: QUOTE_AT + 20 * DAY,
        usesAllowed: 10,
        price: 800,
      });
  }
  return out;
}

/** The recorded uses of the year before {@link QUOTE_AT}: gym visits (charged as priced then) and drying-room uses. */
export function uses(): GeneratedUse[] {
  const rnd = random(4242);
  const cards = new Map(
    memberships()
      .filter((m) => m.planId === "drying-10")
      .map((m) => [m.resident, m]),
  );
  const out: GeneratedUse[] = [];
  for (let i = 0; i < USES; i++) {
    const resident = Math.floor(rnd() * RESIDENTS);
    const start = QUOTE_AT - 365 * DAY + Math.floor(rnd() * 365 * 96) * 15 * 60_000;
    const gym = rnd() < 0.8;
    const card = cards.get(resident);
    const onCard = !gym && card !== undefined && start >= card.validFrom && start < QUOTE_AT;
    out.push({
      id: `use-${i}`,
      resident,
      resourceId: gym ? "gym" : "drying-room",
      planId: gym ? "gym-visit" : "drying-per-use",
      start,
      charged: onCard ? 0 : gym ? 300 + 100 * (i % 8) : 100,
      membershipId: onCard ? card.id : null,
    });
  }
  return out;
}

const CHUNK = 2000;

/**
 * Writes the history through the kernel's `Tx` (the adapter's own encoding): eligibility
 * grants, memberships, the recorded uses (each with a stored quote) and {@link LEDGER_ENTRIES}
 * ledger entries numbered per resident.
 */
export async function seedPricing(storage: StorageAdapter): Promise<void> {
  const codec = new ValueCodec(storage.capabilities);
  const ids = sequentialIds();
  const inTx = (fn: (tx: ReturnType<typeof createTx>) => Promise<void>) =>
    storage.transaction((inner) => fn(createTx(inner, { communityId: COMMUNITY, ids, codec })));
  const longAgo = new Date(Date.UTC(2025, 0, 1));
  await inTx(async (tx) => {
    for (let k = 0; k < RESIDENTS; k++)
      for (const groupId of groupsOfResident(k))
        await tx.create(eligibilityGrantModel, {
          residentId: residentId(k),
          groupId,
          verifiedBy: "desk",
          verifiedAt: longAgo,
          validFrom: longAgo,
        });
  });
  const seq = new Map<number, number>();
  const nextSeq = (k: number) => {
    const n = (seq.get(k) ?? 0) + 1;
    seq.set(k, n);
    return n;
  };
  let entries = 0;
  const ledger = (tx: ReturnType<typeof createTx>, k: number, row: Record<string, unknown>) => {
    entries++;
    return tx.create(ledgerEntryModel, {
      residentId: residentId(k),
      seq: nextSeq(k),
      currency: "CNY",
      actorKind: "staff",
      actorId: "desk",
      ...row,
    } as Parameters<typeof tx.create<typeof ledgerEntryModel>>[1]);
  };
  const ms = memberships();
  await inTx(async (tx) => {
    for (const m of ms) {
      await tx.create(membershipModel, {
        id: m.id,
        residentId: residentId(m.resident),
        planId: m.planId,
        validFrom: new Date(m.validFrom),
        validUntil: new Date(m.validUntil),
        usesAllowed: m.usesAllowed,
        price: m.price,
        currency: "CNY",
        purchasedAt: new Date(m.validFrom - DAY),
      });
      await ledger(tx, m.resident, {
        kind: "charge",
        amount: m.price,
        code: "MEMBERSHIP_PURCHASE",
        text: text("购买会员", "Membership purchase"),
        membershipId: m.id,
        createdAt: new Date(m.validFrom - DAY),
      });
    }
  });
  const all = uses();
  // The stored quote of each use: the price it was charged, priced by `quote` as a plan of that amount.
  const plans = new Map<string, PricePlan>();
  const planOf = (id: string, amount: number) => {
    const key = `${id}:${amount}`;
    let p = plans.get(key);
    if (!p) {
      p = pricePlanSchema(builtInComponents).parse({
        id,
        name: text(id, id),
        appliesTo: { resources: ["gym", "drying-room"] },
        charge: { kind: "per-use", amount },
      });
      plans.set(key, p);
    }
    return p;
  };
  const context = {
    currency: "CNY",
    rounding: "half-up" as const,
    groups: new Map(),
    components: new Map(builtInComponents.map((c) => [c.kind, c])),
  };
  for (let from = 0; from < all.length; from += CHUNK) {
    await inTx(async (tx) => {
      for (const u of all.slice(from, from + CHUNK)) {
        const start = new Date(u.start);
        const stored = quote({
          resourceId: u.resourceId,
          plan: planOf(u.planId, u.charged),
          groups: [],
          usage: { start, end: null, quantity: 1 },
          memberships: [],
          context,
        });
        await tx.create(usageModel, {
          id: u.id,
          residentId: residentId(u.resident),
          resourceId: u.resourceId,
          planId: u.planId,
          start,
          end: null,
          quantity: 1,
          period: localMonthStart(start, ZONE).slice(0, 7),
          charged: u.charged,
          deposit: 0,
          currency: "CNY",
          membershipId: u.membershipId,
          voucherId: null,
          decidedByGroup: null,
          quote: stored,
          createdAt: start,
        });
        await ledger(tx, u.resident, {
          kind: "charge",
          amount: u.charged,
          code: "PER_USE",
          text: stored.lines[0]!.publicText,
          usageId: u.id,
          membershipId: u.membershipId,
          createdAt: start,
        });
      }
    });
  }
  // Payments fill the ledger up to LEDGER_ENTRIES.
  const rnd = random(77);
  while (entries < LEDGER_ENTRIES) {
    await inTx(async (tx) => {
      for (let n = 0; n < CHUNK && entries < LEDGER_ENTRIES; n++) {
        const k = Math.floor(rnd() * RESIDENTS);
        await ledger(tx, k, {
          kind: "payment",
          amount: -(100 + 100 * Math.floor(rnd() * 30)),
          code: "PAYMENT",
          text: text("付款", "Payment"),
          method: "wechat-pay",
          reference: `wx-${entries}`,
          createdAt: new Date(QUOTE_AT - Math.floor(rnd() * 365) * DAY),
        });
      }
    });
  }
}
