// 3. Sharing circle: the shared tool room in a disused gatehouse (tools bought by the community,
// later donated by residents, lent free; over 100 kinds), and the home repairs its volunteers
// make: free for minimum-subsistence households, elderly people living alone and extremely poor
// households; a low fee for other residents. The tool catalog and loan policies arrive with the
// lending plugin (see the package README).
import { type PresetPart, text } from "../preset-part";

/** The groups whose home repairs are free. */
export const HOME_REPAIR_FREE_GROUPS = [
  "minimum-subsistence",
  "elderly-living-alone",
  "extremely-poor",
] as const;

/** The low fee of a home repair for other residents, in fen (an assumption: the source says only "low"). */
export const HOME_REPAIR_LOW_FEE = 1000;

/** The tool room (free lending) and volunteer home repair (free for three groups, low fee otherwise). */
export const toolRoom: PresetPart = {
  places: [
    {
      id: "tool-room-site",
      kind: "facility",
      name: text("共享工具房（原传达室）", "Shared tool room (old gatehouse)"),
    },
  ],
  resources: [
    {
      id: "tool-room",
      kind: "item",
      name: text("共享工具房", "Shared tool room"),
      place: "tool-room-site",
      // Tools out on loan at once (the source counts over 100 kinds).
      capacity: 100,
      tags: ["lending", "donated-tools", "staffed-by-volunteers"],
    },
    {
      id: "home-repair",
      kind: "service",
      name: text("上门维修", "Home repair"),
      place: "tool-room-site",
      // Repair volunteers on duty at once.
      capacity: 2,
      tags: ["staffed-by-volunteers", "at-home"],
    },
  ],
  rules: [
    // Volunteers on duty; hours are an assumption.
    {
      id: "tool-room-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["tool-room", "home-repair"] },
      weekly: {
        mon: [
          { from: "09:00", to: "11:30" },
          { from: "15:00", to: "18:00" },
        ],
        tue: [
          { from: "09:00", to: "11:30" },
          { from: "15:00", to: "18:00" },
        ],
        wed: [
          { from: "09:00", to: "11:30" },
          { from: "15:00", to: "18:00" },
        ],
        thu: [
          { from: "09:00", to: "11:30" },
          { from: "15:00", to: "18:00" },
        ],
        fri: [
          { from: "09:00", to: "11:30" },
          { from: "15:00", to: "18:00" },
        ],
        sat: [{ from: "09:00", to: "11:30" }],
        sun: [{ from: "09:00", to: "11:30" }],
      },
    },
    {
      id: "home-repair-grid",
      kind: "slot-grid",
      appliesTo: { resources: ["home-repair"] },
      granularityMinutes: 30,
    },
    {
      id: "home-repair-length",
      kind: "duration",
      appliesTo: { resources: ["home-repair"] },
      minMinutes: 30,
      maxMinutes: 180,
    },
    {
      id: "home-repair-residents",
      kind: "who-may-book",
      appliesTo: { resources: ["home-repair"] },
      residentsOnly: true,
    },
  ],
  plans: [
    {
      id: "tool-room-free",
      name: text("工具免费借用", "Tool lending, free"),
      appliesTo: { resources: ["tool-room"] },
      charge: { kind: "free" },
    },
    {
      id: "home-repair",
      name: text("上门维修（低偿）", "Home repair (low fee)"),
      appliesTo: { resources: ["home-repair"] },
      charge: { kind: "per-use", amount: HOME_REPAIR_LOW_FEE },
      tiers: HOME_REPAIR_FREE_GROUPS.map((group) => ({ group, price: { kind: "free" as const } })),
    },
  ],
};
