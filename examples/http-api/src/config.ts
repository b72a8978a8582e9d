// The community this service runs: Wangjialong's drying room (booking, priced per use), the
// shared tool room (lending) and home repairs by volunteers (priced through pricing).
import { bookingPlugin } from "@linli/booking";
import { defineCommunityConfig } from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { volunteersPlugin } from "@linli/volunteers";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
const daily = (from: string, to: string) => Object.fromEntries(week.map((d) => [d, [{ from, to }]]));

/** The plugins the service embeds, in the order their config sections are typed. */
export const plugins = () => [bookingPlugin(), pricingPlugin(), lendingPlugin(), volunteersPlugin()] as const;

/** The community's configuration: validated when the service starts. */
export const serviceConfig = defineCommunityConfig(plugins(), {
  // Every non-resident actor is declared: linli verifies actor ids.
  members: [
    { id: "desk-1", kind: "staff" },
    { id: "li-shifu", kind: "volunteer" },
    // The volunteers plugin quotes help requests through pricing as this system account.
    { id: "volunteers", kind: "system" },
  ],
  community: {
    id: "wangjialong",
    name: text("王家垅社区", "Wangjialong Community"),
    timeZone: "Asia/Shanghai",
    currency: "CNY",
  },
  places: [
    { id: "courtyard-1", kind: "courtyard", name: text("一号院", "Courtyard 1") },
    {
      id: "gatehouse",
      kind: "building",
      name: text("门房工具房", "Gatehouse tool room"),
      parent: "courtyard-1",
    },
  ],
  groups: [
    { id: "hardship", name: text("困难户", "Household in difficulty") },
    { id: "elderly-living-alone", name: text("独居老人", "Elderly person living alone") },
  ],
  resources: [
    { id: "dryer-1", kind: "pool", name: text("干衣机 1 号", "Dryer 1") },
    { id: "dryer-2", kind: "pool", name: text("干衣机 2 号", "Dryer 2") },
    { id: "tool-room", kind: "space", name: text("共享工具房", "Shared tool room") },
    { id: "home-repair", kind: "service", name: text("上门维修", "Home repair") },
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
        weekly: daily("08:00", "20:00"),
      },
      {
        id: "drying-grid",
        kind: "slot-grid",
        appliesTo: { resourceGroups: ["drying-room"] },
        granularityMinutes: 30,
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
      {
        id: "home-repair",
        name: text("上门维修", "Home repair"),
        appliesTo: { resources: ["home-repair"] },
        charge: { kind: "per-use", amount: 1000 },
        tiers: [
          { group: "hardship", price: { kind: "free" } },
          { group: "elderly-living-alone", price: { kind: "free" } },
        ],
      },
    ],
  },
  lending: {
    categories: [
      { id: "power-tools", name: text("电动工具", "Power tools"), loanDays: 3 },
      { id: "garden", name: text("园艺工具", "Garden tools") },
    ],
    loanDays: 7,
    policies: [{ id: "one-power-tool", kind: "max-loans", max: 1, categories: ["power-tools"] }],
  },
  volunteers: {
    kinds: [{ id: "home-repair", priceResource: "home-repair" }],
  },
});
