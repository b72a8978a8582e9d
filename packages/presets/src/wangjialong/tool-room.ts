// 3. Sharing circle: the shared tool room in a disused gatehouse (tools bought by the community,
// later donated by residents, lent free; over 100 kinds), and the home repairs its volunteers
// make: free for minimum-subsistence households, elderly people living alone and extremely poor
// households; a low fee for other residents. The tool room's loan rules are the `lending`
// section; its tools are seed data (`wangjialongToolInventory`).
import { type PresetPart, text, WEEKDAYS } from "../preset-part";

const MORNING = { from: "09:00", to: "11:30" };
const AFTERNOON = { from: "15:00", to: "18:00" };

/**
 * The tool room's weekly hours, when repair volunteers are on duty (an assumption: the source
 * gives none): weekday mornings and afternoons, weekend mornings. Booking's `tool-room-hours`
 * rule and the lending section's opening hours (due dates) are the same hours.
 */
export const TOOL_ROOM_HOURS = Object.fromEntries(
  WEEKDAYS.map((d) => [d, d === "sat" || d === "sun" ? [MORNING] : [MORNING, AFTERNOON]]),
) as Record<(typeof WEEKDAYS)[number], { from: string; to: string }[]>;

/** The eligibility group recording a resident's power-tool training (an impact drill, an angle grinder). */
export const TOOL_ROOM_TRAINING_GROUP = "power-tool-training";

/**
 * The tool room's categories and their loan days (assumptions: the source gives none): power
 * tools, ladders and cleaning machines go out for three days, the rest for a week.
 */
export const TOOL_CATEGORIES = [
  { id: "hand-tools", name: text("手动工具", "Hand tools"), loanDays: 7 },
  { id: "power-tools", name: text("电动工具", "Power tools"), loanDays: 3 },
  { id: "ladders", name: text("梯子", "Ladders"), loanDays: 3 },
  { id: "garden", name: text("园艺工具", "Garden tools"), loanDays: 7 },
  { id: "cleaning", name: text("清洁工具", "Cleaning"), loanDays: 3 },
  { id: "household", name: text("家居修补", "Household repair"), loanDays: 7 },
] as const;

/** Tools a resident may have out at once (an assumption). */
export const TOOL_ROOM_MAX_LOANS = 3;

/** The groups whose home repairs are free. */
export const HOME_REPAIR_FREE_GROUPS = [
  "minimum-subsistence",
  "elderly-living-alone",
  "extremely-poor",
] as const;

/** The low fee of a home repair for other residents, in fen (an assumption: the source says only "low"). */
export const HOME_REPAIR_LOW_FEE = 1000;

/**
 * The tool room (free lending: no fines, no fees, no deposits) and volunteer home repair (free
 * for three groups, low fee otherwise). Loans: the six categories' days, one renewal, at most
 * three tools at once, nothing new while a loan is a day overdue, power tools that need the
 * recorded training (or a staff approval), holds kept 48 hours on the shelf, a service every
 * 20 loans for power tools; due dates fall in the opening hours.
 */
export const toolRoom: PresetPart = {
  places: [
    {
      id: "tool-room-site",
      kind: "facility",
      name: text("共享工具房（原传达室）", "Shared tool room (old gatehouse)"),
    },
  ],
  groups: [
    {
      id: TOOL_ROOM_TRAINING_GROUP,
      name: text("电动工具培训合格", "Power-tool training done"),
      sensitive: false,
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
      weekly: TOOL_ROOM_HOURS,
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
  lending: {
    openingHours: TOOL_ROOM_HOURS,
    categories: TOOL_CATEGORIES.map((c) => ({ ...c, maxRenewals: 1 })),
    loanDays: 7,
    maxRenewals: 1,
    holds: { pickupHours: 48, maxPerResident: 3 },
    // Wangjialong lends free: no fines, and no loan is priced (`charges` names no resource).
    fines: { enabled: false },
    maintenancePlans: [{ id: "power-tools-service", categories: ["power-tools"], everyLoans: 20 }],
    policies: [
      { id: "three-at-once", kind: "max-loans", max: TOOL_ROOM_MAX_LOANS },
      { id: "overdue-blocks", kind: "no-loans-while-overdue", graceHours: 24 },
      { id: "power-tool-training", kind: "training-required", allowStaffApproval: true },
    ],
  },
};
