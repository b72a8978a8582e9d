const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/**
 * A community configuration (kernel, booking and pricing sections) with 24 mistakes of every
 * kind, numbered in the comments: structural (a wrong type, value or format), cross-reference
 * (a name that is defined nowhere, an id given twice, a currency that is not the community's)
 * and semantic (a minimum above the maximum, a day that does not exist, a range ending before
 * it starts, a lead time beyond the advance window, graduated steps that do not ascend).
 *
 * It also holds traps for a validator that would lie: references to entries that have
 * structural problems of their own (the drying room with capacity 0, the gallery with an
 * unknown kind, the hardship group with a bad verification, a plan with a negative amount).
 * Those references are fine and must not be reported.
 *
 * As parsed JSON (`any`): none of it would compile against the plugins' types.
 */
export function manyMistakesConfig(): any {
  return {
    community: {
      id: "wangjialong",
      name: text("王家垅社区", "Wangjialong"),
      timeZone: "Asia/Changsha", // 1 structural: not an IANA zone
      currency: "CNY",
    },
    places: [
      { id: "lane-6", kind: 42, name: text("六巷", "Lane 6") }, // 2 structural: kind is no place kind
      { id: "courtyard-1", kind: "courtyard", name: text("一号院", "Courtyard 1") },
    ],
    groups: [
      { id: "minimum-subsistence", name: text("低保户", "Minimum-subsistence household") },
      { id: "hardship", name: text("困难户", "Household in difficulty"), verification: "neighbours" }, // 3 structural
      { id: "student", name: text("学生", "Student"), sensitive: false, verification: "self-declared" },
      { id: "student", name: text("学生", "Student") }, // 4 cross-reference: duplicate id
    ],
    resources: [
      // 5 structural: capacity 0; booking and pricing name the drying room, and may.
      {
        id: "drying-room",
        kind: "pool",
        name: text("共享干衣房", "Shared drying room"),
        place: "lane-6",
        capacity: 0,
      },
      { id: "gym", kind: "space", name: text("智慧健身房", "Smart gym"), place: "lane-9", capacity: 30 }, // 6 cross-reference: unknown place
      { id: "gallery", kind: "room", name: text("共享美术馆", "Shared art gallery") }, // 7 structural: kind is no resource kind
      { id: "study-room", kind: "space", name: text("自习室", "Study room"), place: "courtyard-1" },
    ],
    resourceGroups: [
      { id: "free-shared", name: text("免费共享", "Free sharing"), resources: ["gallery", "pool"] }, // 8 cross-reference: unknown resource
    ],
    booking: {
      reminderLeadMinutes: 0, // 9 structural: at least 1
      rules: [
        {
          id: "drying-hours",
          kind: "opening-hours",
          appliesTo: { resources: ["drying-room"] },
          weekly: { mon: [{ from: "09:00", to: "25:00" }] }, // 10 structural: no such time
        },
        { id: "beam-me-up", kind: "teleport" }, // 11 structural: no such rule kind
        {
          id: "sauna-quota",
          kind: "quota",
          appliesTo: { resources: ["sauna"] }, // 12 cross-reference: unknown resource
          period: "day",
          max: 1,
        },
        {
          id: "gym-members",
          kind: "who-may-book",
          appliesTo: { resources: ["gym"] },
          groups: ["veterans"], // 13 cross-reference: unknown eligibility group
        },
        {
          id: "gym-members", // 14 cross-reference: duplicate rule id
          kind: "duration",
          appliesTo: { resources: ["gym"] },
          minMinutes: 120, // 15 semantic: minimum above maximum
          maxMinutes: 60,
        },
        {
          id: "calligraphy-season",
          kind: "seasonal",
          appliesTo: { resources: ["study-room"] },
          periods: [
            { from: "13-45", to: "02-28" }, // 16 semantic: no month 13
            { from: "07-01", to: "08-31" },
          ],
          groups: ["student"],
        },
        {
          id: "holidays",
          kind: "closures",
          appliesTo: { resourceGroups: ["free-shared"] },
          closures: [
            { from: "2026-02-30" }, // 17 semantic: February has no 30th
            { from: "2026-10-07", to: "2026-10-01" }, // 18 semantic: ends before it starts
          ],
        },
        {
          id: "gallery-window",
          kind: "booking-window",
          appliesTo: { resources: ["gallery"] },
          minLeadMinutes: 4320, // 19 semantic: three days' lead, but bookings open two days ahead
          maxAdvanceDays: 1,
        },
      ],
    },
    pricing: {
      currency: "USD", // 20 cross-reference: not the community's currency
      plans: [
        {
          id: "drying-room-per-use",
          name: text("干衣房按次", "Drying room per use"),
          appliesTo: { resources: ["drying-room"] },
          charge: { kind: "per-use", amount: -100 }, // 21 structural: negative price
        },
        {
          id: "gym-visit",
          name: text("健身房单次", "Gym visit"),
          appliesTo: { resources: ["gym"] },
          charge: { kind: "per-moon", amount: 500 }, // 22 structural: no such charge kind
        },
        {
          id: "study-room",
          name: text("自习室阶梯价", "Study room, graduated"),
          appliesTo: { resources: ["study-room"] },
          charge: {
            kind: "graduated",
            unitMinutes: 60,
            steps: [
              { upTo: 4, unitAmount: 300 },
              { upTo: 2, unitAmount: 200 }, // 23 semantic: steps do not ascend
              { upTo: null, unitAmount: 100 },
            ],
          },
          tiers: [
            { group: "hardship", price: { kind: "free" } },
            { group: "veterans", price: { kind: "free" } }, // 24 cross-reference: unknown group
          ],
        },
      ],
      vouchers: [
        {
          id: "welcome",
          name: text("新邻居券", "Welcome voucher"),
          value: { kind: "fixed", amount: 300 },
          plans: ["drying-room-per-use"], // fine: names the plan with the negative price (21)
        },
      ],
    },
  };
}
