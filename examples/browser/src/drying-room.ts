// The community the page runs in the browser: Wangjialong's drying room on the memory adapter,
// two dryers open 08:00-20:00, two uses a day per resident, 1 yuan a use, free for households
// in difficulty. Two residents stand for the two price profiles.
import { bookingPlugin } from "@linli/booking";
import { type Clock, createCommunity, defineCommunityConfig, systemClock } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

const plugins = () => [bookingPlugin(), pricingPlugin()] as const;

/** The drying room's configuration. */
export const dryingRoomConfig = defineCommunityConfig(plugins(), {
  members: [{ id: "desk-1", kind: "staff" }],
  community: {
    id: "wangjialong",
    name: text("王家垅社区", "Wangjialong Community"),
    timeZone: "Asia/Shanghai",
    currency: "CNY",
  },
  groups: [{ id: "hardship", name: text("困难户", "Household in difficulty") }],
  resources: [
    { id: "dryer-1", kind: "pool", name: text("干衣机 1 号", "Dryer 1") },
    { id: "dryer-2", kind: "pool", name: text("干衣机 2 号", "Dryer 2") },
  ],
  resourceGroups: [
    { id: "drying-room", name: text("共享干衣房", "Shared drying room"), resources: ["dryer-1", "dryer-2"] },
  ],
  booking: {
    rules: [
      {
        id: "drying-hours",
        kind: "opening-hours",
        appliesTo: { resourceGroups: ["drying-room"] },
        weekly: Object.fromEntries(week.map((d) => [d, [{ from: "08:00", to: "20:00" }]])),
      },
      {
        id: "drying-grid",
        kind: "slot-grid",
        appliesTo: { resourceGroups: ["drying-room"] },
        granularityMinutes: 60,
      },
      {
        id: "drying-quota",
        kind: "quota",
        appliesTo: { resourceGroups: ["drying-room"] },
        period: "day",
        max: 2,
      },
    ],
  },
  pricing: {
    plans: [
      {
        id: "drying-room-per-use",
        name: text("干衣房按次", "Drying room per use"),
        appliesTo: { resourceGroups: ["drying-room"] },
        charge: { kind: "per-use", amount: 100 },
        tiers: [{ group: "hardship", price: { kind: "free" } }],
      },
    ],
  },
});

/** A resident profile the page offers: who books, and why their price is what it is. */
export interface Profile {
  readonly residentId: string;
  readonly label: string;
}

/** Starts the community in the page and registers one resident per price profile. */
export async function startDryingRoom(clock: Clock = systemClock) {
  const community = await createCommunity({
    config: dryingRoomConfig,
    storage: memoryStorage(),
    plugins: plugins(),
    clock,
  });
  const desk = community.as({ kind: "staff", id: "desk-1" });
  const li = await desk.residents.register({ name: "李师傅" });
  const wang = await desk.residents.register({ name: "王奶奶" });
  await desk.for(wang.id).eligibility.grant({ groupId: "hardship", evidenceRef: "困难户证 2026-017" });
  const profiles: Profile[] = [
    { residentId: li.id, label: "李师傅 · 标准价 Standard price" },
    { residentId: wang.id, label: "王奶奶 · 困难户 Household in difficulty" },
  ];
  return { community, profiles };
}

/** The running drying room. */
export type DryingRoom = Awaited<ReturnType<typeof startDryingRoom>>;
