import { type PresetPart, text, WEEKDAYS } from "../preset-part";
import { BIG_KIT_IDS, EVERYDAY_IDS } from "./things";

/** The hub's counter hours (Tuesday and Thursday evenings, Saturday daytime): loans fall due in them. */
export const COUNTER_HOURS = Object.fromEntries(
  WEEKDAYS.map((d) => [
    d,
    d === "tue" || d === "thu"
      ? [{ from: "17:00", to: "20:00" }]
      : d === "sat"
        ? [{ from: "10:00", to: "16:00" }]
        : [],
  ]),
) as Record<(typeof WEEKDAYS)[number], { from: string; to: string }[]>;

/** Members collecting at once in one 15-minute collection slot. */
export const COLLECTION_SLOT_CAPACITY = 3;

/**
 * The library's lending desk: everyday kit for a week, big kit for three days, one renewal;
 * three things at once; nothing new while a loan is a week overdue. Loans are priced by
 * pricing (`charges`): each thing is a resource, so everyday kit needs the yearly membership
 * and big kit costs its day rate with a £20 deposit held until the return; a late return is
 * the `late-return` fee (£1 a started day, capped at £10 a month). No fines of lending's own:
 * the late fee is pricing's. Members book a 15-minute collection slot (three members a slot)
 * through booking to pick up what waits for them.
 */
export const lending: PresetPart = {
  resources: [
    {
      id: "collection-slot",
      kind: "service",
      name: text("取物预约", "Collection slot"),
      place: "hub",
      capacity: COLLECTION_SLOT_CAPACITY,
      tags: ["lending"],
    },
  ],
  rules: [
    {
      id: "collection-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["collection-slot"] },
      weekly: COUNTER_HOURS,
    },
    {
      id: "collection-grid",
      kind: "slot-grid",
      appliesTo: { resources: ["collection-slot"] },
      granularityMinutes: 15,
    },
    {
      id: "collection-length",
      kind: "duration",
      appliesTo: { resources: ["collection-slot"] },
      minMinutes: 15,
      maxMinutes: 15,
    },
  ],
  plans: [
    {
      id: "collection-free",
      name: text("取物预约（免费）", "Collection slot (free)"),
      appliesTo: { resources: ["collection-slot"] },
      charge: { kind: "free" },
    },
  ],
  lending: {
    openingHours: COUNTER_HOURS,
    closures: [
      { from: "2026-12-24", to: "2027-01-02", reason: text("圣诞及新年假期", "Christmas and New Year") },
    ],
    categories: [
      { id: "everyday-kit", name: text("日常物品", "Everyday kit"), loanDays: 7 },
      { id: "big-kit", name: text("大件设备", "Big kit"), loanDays: 3 },
    ],
    loanDays: 7,
    maxRenewals: 1,
    holds: { pickupHours: 72, maxPerResident: 3 },
    fines: { enabled: false },
    charges: {
      itemTypes: Object.fromEntries([...EVERYDAY_IDS, ...BIG_KIT_IDS].map((id) => [id, id])),
      lateReturnResource: "late-return",
    },
    pickups: { resourceId: "collection-slot" },
    policies: [
      { id: "three-at-once", kind: "max-loans", max: 3 },
      { id: "week-overdue-blocks", kind: "no-loans-while-overdue", graceHours: 7 * 24 },
    ],
  },
};
