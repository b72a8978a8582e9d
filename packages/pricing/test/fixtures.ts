import {
  type AnyPlugin,
  type CommunityConfigInput,
  createCommunity,
  defineCommunityConfig,
  type KernelApi,
  manualClock,
  type ManualClock,
  sequentialIds,
  type StorageAdapter,
} from "@linli/core";
import { bookingPlugin } from "@linli/booking";
import { memoryStorage } from "@linli/storage-memory";
import { type PricingPlugin, pricingPlugin } from "../src/pricing-plugin";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/**
 * Wangjialong's prices from DOMAIN.md as configuration. Two figures are not in the source
 * and are assumptions of this fixture: the home repair "low fee" (10 yuan) and the price of
 * a single gym visit without a membership (5 yuan, capped at the membership's 25 yuan a
 * month so a visitor never pays more than a member).
 *
 * Typed against the pricing plugin (a typo in a charge kind or a resource kind is a compile
 * error); tests that break it on purpose edit a JSON copy ({@link asJson}).
 */
export function wangjialongConfig() {
  return defineCommunityConfig([pricingPlugin()], {
    // Every non-resident actor the tests use is declared: linli verifies actor ids.
    members: [
      { id: "desk-1", kind: "staff" },
      { id: "admin-1", kind: "admin" },
      { id: "scheduler", kind: "system" },
      { id: "wechat-callback", kind: "system" },
    ],
    community: {
      id: "wangjialong",
      name: text("王家垅社区", "Wangjialong"),
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    },
    groups: [
      { id: "minimum-subsistence", name: text("低保户", "Minimum-subsistence household") },
      { id: "extremely-poor", name: text("特困户", "Extremely poor household") },
      { id: "hardship", name: text("困难户", "Household in difficulty") },
      { id: "elderly-living-alone", name: text("独居老人", "Elderly person living alone") },
      { id: "elderly-no-family", name: text("孤寡老人", "Elderly person with no family") },
      { id: "student", name: text("学生", "Student"), sensitive: false, verification: "self-declared" },
    ],
    resources: [
      { id: "drying-room", kind: "pool", name: text("共享干衣房", "Shared drying room"), capacity: 4 },
      { id: "gym", kind: "space", name: text("智慧健身房", "Smart gym"), capacity: 30 },
      { id: "home-repair", kind: "service", name: text("上门维修", "Home repair") },
      { id: "gallery", kind: "space", name: text("共享美术馆", "Shared art gallery") },
      { id: "tool-room", kind: "item", name: text("共享工具房", "Shared tool room") },
      { id: "study-room", kind: "space", name: text("自习室", "Study room") },
    ],
    resourceGroups: [
      { id: "free-shared", name: text("免费共享", "Free sharing"), resources: ["gallery", "tool-room"] },
    ],
    pricing: {
      plans: [
        {
          id: "drying-room-per-use",
          name: text("干衣房按次", "Drying room per use"),
          appliesTo: { resources: ["drying-room"] },
          charge: { kind: "per-use", amount: 100 },
          tiers: [
            { group: "elderly-no-family", price: { kind: "free" } },
            { group: "hardship", price: { kind: "free" } },
          ],
        },
        {
          id: "gym-visit",
          name: text("健身房单次", "Gym visit"),
          appliesTo: { resources: ["gym"] },
          charge: { kind: "per-use", amount: 500 },
          cap: { amount: 2500 },
        },
        {
          id: "home-repair",
          name: text("上门维修", "Home repair"),
          appliesTo: { resources: ["home-repair"] },
          charge: { kind: "per-use", amount: 1000 },
          tiers: [
            { group: "minimum-subsistence", price: { kind: "free" } },
            { group: "elderly-living-alone", price: { kind: "free" } },
            { group: "extremely-poor", price: { kind: "free" } },
          ],
        },
        {
          id: "free-shared",
          name: text("免费共享", "Free sharing"),
          appliesTo: { resourceGroups: ["free-shared"] },
          charge: { kind: "free" },
        },
        {
          id: "study-room",
          name: text("自习室按时", "Study room by time"),
          appliesTo: { resources: ["study-room"] },
          charge: { kind: "per-time", amount: 200, unitMinutes: 30, unitRounding: "started" },
          tiers: [{ group: "student", price: { kind: "percentage", discountBasisPoints: 5000 } }],
        },
      ],
      memberships: [
        {
          id: "gym-monthly",
          name: text("健身房月卡", "Gym monthly pass"),
          price: 2500,
          period: { kind: "calendar-month" },
          covers: { resources: ["gym"] },
          refund: { policy: "pro-rata-days", rounding: "floor" },
        },
        {
          id: "gym-30-days",
          name: text("健身房30天卡", "Gym 30-day pass"),
          price: 2500,
          period: { kind: "days", days: 30 },
          covers: { resources: ["gym"] },
          refund: { policy: "pro-rata-days", rounding: "half-up" },
        },
        {
          id: "drying-10",
          name: text("干衣房十次卡", "Drying room 10 uses"),
          price: 800,
          period: { kind: "days", days: 30 },
          uses: 10,
          covers: { resources: ["drying-room"] },
        },
      ],
      vouchers: [
        {
          id: "welcome",
          name: text("新邻居券", "Welcome voucher"),
          value: { kind: "fixed", amount: 300 },
          limitPerResident: 1,
          validUntil: "2026-12-31T16:00:00Z",
        },
      ],
    },
  });
}

/**
 * Wangjialong with the booking plugin, and the gym as the community runs it: 25 yuan a month
 * is the only way in. The gym has no per-visit price (the fixture's `gym-visit` assumption is
 * left out) and a `requires-membership` rule refuses everyone without a pass; it opens 06:00
 * to 22:00 every day.
 */
export function wangjialongWithGym() {
  const base = wangjialongConfig();
  const pricing = base.pricing!;
  return defineCommunityConfig([bookingPlugin(), pricingPlugin()], {
    ...base,
    pricing: { ...pricing, plans: (pricing.plans ?? []).filter((p) => p.id !== "gym-visit") },
    booking: {
      rules: [
        {
          id: "gym-hours",
          kind: "opening-hours",
          appliesTo: { resources: ["gym"] },
          weekly: Object.fromEntries(
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
              d,
              [{ from: "06:00", to: "22:00" }],
            ]),
          ),
        },
        { id: "gym-members", kind: "requires-membership", appliesTo: { resources: ["gym"] } },
      ],
    },
  });
}

/** The Wangjialong config as parsed JSON (`any`, checked only at run time), to break it on purpose. */
export function asJson(config: object): any {
  return JSON.parse(JSON.stringify(config));
}

/** The staff desk actor. */
export const desk = { kind: "staff", id: "desk-1" } as const;

/**
 * A test community on the memory adapter with a manual clock and sequential ids: the
 * Wangjialong config and the pricing plugin unless others are given.
 */
export async function testCommunity<const P extends readonly AnyPlugin[] = [PricingPlugin]>(
  options: {
    // Not an inference site: P comes from the plugins alone (see createCommunity's own config typing).
    config?: NoInfer<CommunityConfigInput<P>>;
    plugins?: P;
    storage?: StorageAdapter;
    start?: string;
  } = {},
) {
  const clock: ManualClock = manualClock(options.start ?? "2026-06-01T02:00:00Z");
  const community = await createCommunity<P>({
    // The defaults fit the default P (pricing only); TypeScript cannot tie a default to a type parameter.
    config: (options.config ?? wangjialongConfig()) as CommunityConfigInput<P>,
    storage: options.storage ?? memoryStorage(),
    plugins: (options.plugins ?? [pricingPlugin()]) as P,
    clock,
    ids: sequentialIds(),
  });
  return { community, clock };
}

/** Registers a resident and grants them groups (from a day before the clock's now, without end). */
export async function resident(
  community: Pick<KernelApi, "residents" | "eligibility">,
  id: string,
  groups: readonly string[] = [],
): Promise<string> {
  await community.residents.register({ actor: desk, id, name: id });
  for (const groupId of groups) {
    await community.eligibility.grant({
      actor: desk,
      forResident: id,
      groupId,
      validFrom: new Date("2026-01-01T00:00:00Z"),
      validUntil: null,
    });
  }
  return id;
}
