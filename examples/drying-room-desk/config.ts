// Wangjialong's drying room as configuration only: two dryers, opening hours, a 30-minute
// grid, two uses a day per resident, and the price: 1 yuan a use, free for households in
// difficulty and elderly people with no family.
import { bookingPlugin } from "@linli/booking";
import { defineCommunityConfig } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** The community configuration this example runs. */
export const dryingRoomConfig = defineCommunityConfig([bookingPlugin(), pricingPlugin()], {
  // Staff who act are declared: linli verifies every actor id.
  members: [{ id: "desk-1", kind: "staff" }],
  community: {
    id: "wangjialong",
    name: text("王家垅社区", "Wangjialong Community"),
    timeZone: "Asia/Shanghai",
    currency: "CNY",
  },
  groups: [
    { id: "hardship", name: text("困难户", "Household in difficulty") },
    { id: "elderly-no-family", name: text("孤寡老人", "Elderly person with no family") },
  ],
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
        weekly: Object.fromEntries(
          ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ from: "08:00", to: "20:00" }]]),
        ),
      },
      {
        id: "drying-grid",
        kind: "slot-grid",
        appliesTo: { resourceGroups: ["drying-room"] },
        granularityMinutes: 30,
      },
      {
        id: "drying-daily-quota",
        kind: "quota",
        appliesTo: { resourceGroups: ["drying-room"] },
        period: "day",
        max: 2,
      },
      {
        id: "drying-cancel",
        kind: "cancellation-deadline",
        appliesTo: { resourceGroups: ["drying-room"] },
        minutesBefore: 60,
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
        tiers: [
          { group: "elderly-no-family", price: { kind: "free" } },
          { group: "hardship", price: { kind: "free" } },
        ],
      },
    ],
  },
});
