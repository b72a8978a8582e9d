import { type PresetPart, text, WEEKDAYS } from "../preset-part";

/** The workshop bench (by the hour) and the monthly repair café, with the hub's opening hours. */
export const workshop: PresetPart = {
  resources: [
    {
      id: "workshop",
      kind: "space",
      name: text("工作台", "Workshop bench"),
      place: "hub",
      capacity: 2,
    },
    {
      id: "repair-cafe",
      kind: "service",
      name: text("维修咖啡馆", "Repair café"),
      place: "hub",
      capacity: 6,
    },
  ],
  rules: [
    {
      id: "hub-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["workshop", "repair-cafe"] },
      weekly: {
        tue: [{ from: "17:00", to: "20:00" }],
        thu: [{ from: "17:00", to: "20:00" }],
        sat: [{ from: "10:00", to: "16:00" }],
      },
    },
    // The repair café runs on Saturdays only.
    {
      id: "repair-cafe-days",
      kind: "opening-hours",
      appliesTo: { resources: ["repair-cafe"] },
      weekly: Object.fromEntries(
        WEEKDAYS.map((d) => [d, d === "sat" ? [{ from: "10:00", to: "13:00" }] : []]),
      ),
    },
    {
      id: "hub-closures",
      kind: "closures",
      appliesTo: { resources: ["workshop", "repair-cafe"] },
      closures: [
        { from: "2026-12-24", to: "2027-01-02", reason: text("圣诞及新年假期", "Christmas and New Year") },
      ],
    },
    {
      id: "workshop-grid",
      kind: "slot-grid",
      appliesTo: { resources: ["workshop"] },
      granularityMinutes: 60,
    },
    {
      id: "repair-cafe-grid",
      kind: "slot-grid",
      appliesTo: { resources: ["repair-cafe"] },
      granularityMinutes: 30,
    },
    {
      id: "workshop-cancel",
      kind: "cancellation-deadline",
      appliesTo: { resources: ["workshop"] },
      minutesBefore: 24 * 60,
    },
  ],
  plans: [
    {
      id: "workshop-hourly",
      name: text("工作台按小时", "Workshop bench by the hour"),
      appliesTo: { resources: ["workshop"] },
      charge: { kind: "per-time", amount: 400, unitMinutes: 60, unitRounding: "started" },
      tiers: [{ group: "universal-credit", price: { kind: "percentage", discountBasisPoints: 5000 } }],
    },
    {
      id: "repair-cafe-free",
      name: text("维修咖啡馆免费", "Repair café, free"),
      appliesTo: { resources: ["repair-cafe"] },
      charge: { kind: "free" },
    },
  ],
};
