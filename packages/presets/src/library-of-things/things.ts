import { type PresetPart, text } from "../preset-part";

/** Everyday kit: borrowed by members only, covered by their membership. */
const EVERYDAY = [
  ["drill", "电钻", "Cordless drill"],
  ["ladder", "梯子", "Step ladder"],
  ["sewing-machine", "缝纫机", "Sewing machine"],
  ["projector", "投影仪", "Projector"],
  ["camping-stove", "露营炉", "Camping stove"],
] as const;

/** Big kit: any resident hires it at a day rate with a refundable deposit. */
const BIG_KIT = [
  ["carpet-cleaner", "地毯清洗机", "Carpet cleaner"],
  ["pressure-washer", "高压清洗机", "Pressure washer"],
  ["gazebo", "折叠凉棚", "Gazebo"],
] as const;

/** The ids of the everyday kit (each a resource and, in the lending catalog, an item type). */
export const EVERYDAY_IDS = EVERYDAY.map(([id]) => id);
/** The ids of the big kit. */
export const BIG_KIT_IDS = BIG_KIT.map(([id]) => id);

/** £6 a started day for big kit, in pence. */
export const BIG_KIT_DAY_RATE = 600;

/** The things lent (everyday kit to members, big kit to any resident), loan rules and big-kit prices. */
export const things: PresetPart = {
  resources: [...EVERYDAY, ...BIG_KIT].map(([id, zh, en]) => ({
    id,
    kind: "item" as const,
    name: text(zh, en),
    place: "hub",
    // Copies of the thing on the shelf.
    capacity: id === "drill" ? 3 : 1,
  })),
  resourceGroups: [
    { id: "everyday-kit", name: text("日常物品", "Everyday kit"), resources: EVERYDAY.map(([id]) => id) },
    { id: "big-kit", name: text("大件设备", "Big kit"), resources: BIG_KIT.map(([id]) => id) },
  ],
  rules: [
    {
      id: "members-borrow",
      kind: "requires-membership",
      appliesTo: { resourceGroups: ["everyday-kit"] },
    },
    {
      id: "big-kit-residents",
      kind: "who-may-book",
      appliesTo: { resourceGroups: ["big-kit"] },
      residentsOnly: true,
    },
    // A loan is an hour to a week; eight days leaves room for a week across a clock change.
    {
      id: "loan-length",
      kind: "duration",
      appliesTo: { resourceGroups: ["everyday-kit", "big-kit"] },
      minMinutes: 60,
      maxMinutes: 8 * 1440,
    },
    {
      id: "loan-window",
      kind: "booking-window",
      appliesTo: { resourceGroups: ["everyday-kit", "big-kit"] },
      maxAdvanceDays: 28,
    },
    {
      id: "loans-per-month",
      kind: "quota",
      appliesTo: { resourceGroups: ["everyday-kit", "big-kit"] },
      period: "month",
      max: 6,
    },
    {
      id: "loans-at-once",
      kind: "max-future-bookings",
      appliesTo: { resourceGroups: ["everyday-kit", "big-kit"] },
      max: 3,
    },
    {
      id: "loan-no-shows",
      kind: "no-show-policy",
      appliesTo: { resourceGroups: ["everyday-kit", "big-kit"] },
      maxNoShows: 2,
      periodDays: 90,
      suspendDays: 28,
    },
  ],
  plans: [
    {
      id: "big-kit-day-rate",
      name: text("大件设备日租", "Big kit day rate"),
      appliesTo: { resourceGroups: ["big-kit"] },
      charge: { kind: "per-time", amount: BIG_KIT_DAY_RATE, unitMinutes: 1440, unitRounding: "started" },
      tiers: [
        { group: "universal-credit", price: { kind: "percentage", discountBasisPoints: 5000 } },
        { group: "volunteer", price: { kind: "free" } },
      ],
      deposit: { amount: 2000 },
    },
  ],
};
