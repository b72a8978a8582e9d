// A Wangjialong-like community for the simulation's tests (and the demo until the
// `wangjialong` preset of @linli/presets lands): the facilities of DOMAIN.md that booking and
// pricing model, as configuration. Figures not in DOMAIN.md are assumptions of this fixture:
// capacities, hours of the calligraphy room and the drying room, the daily drying quota, the
// home repair "low fee" (10 yuan) and the charging price (1 yuan an hour).
import { bookingPlugin } from "@linli/booking";
import { defineCommunityConfig } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const everyDay = (from: string, to: string) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ from, to }]]));

/** The fixture's configuration, typed against booking and pricing. */
export function wangjialongLikeConfig() {
  return defineCommunityConfig([bookingPlugin(), pricingPlugin()], {
    community: {
      id: "wangjialong",
      name: text("王家垅社区", "Wangjialong Community"),
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    },
    groups: [
      { id: "minimum-subsistence", name: text("低保户", "Minimum-subsistence household") },
      { id: "extremely-poor", name: text("特困户", "Extremely poor household") },
      { id: "hardship", name: text("困难户", "Household in difficulty") },
      { id: "elderly-living-alone", name: text("独居老人", "Elderly person living alone") },
      { id: "elderly-no-family", name: text("孤寡老人", "Elderly person with no family") },
      { id: "empty-nest-elderly", name: text("空巢老人", "Empty-nest elderly") },
      { id: "disabled", name: text("残疾人", "Person with a disability") },
      { id: "student", name: text("学生", "Student"), sensitive: false, verification: "self-declared" },
    ],
    resources: [
      {
        id: "library",
        kind: "space",
        name: text("24小时图书馆", "24-hour library"),
        capacity: 120,
        zones: [
          { id: "adult-reading", name: text("成人阅读区", "Adult reading area"), capacity: 50 },
          { id: "children-reading", name: text("少儿阅读区", "Children's reading area"), capacity: 25 },
          { id: "e-reading", name: text("电子阅览区", "E-reading area"), capacity: 12 },
          { id: "activity", name: text("活动区", "Activity area"), capacity: 30 },
        ],
      },
      { id: "library-exhibition", kind: "space", name: text("图书馆展览区", "Library exhibition area") },
      { id: "calligraphy-room", kind: "space", name: text("书法室", "Calligraphy room"), capacity: 12 },
      { id: "dryer-1", kind: "pool", name: text("干衣机 1 号", "Dryer 1") },
      { id: "dryer-2", kind: "pool", name: text("干衣机 2 号", "Dryer 2") },
      { id: "gallery", kind: "space", name: text("共享美术馆", "Shared art gallery") },
      {
        id: "gym",
        kind: "space",
        name: text("24小时智慧健身房", "24-hour smart gym"),
        capacity: 30,
        zones: [
          { id: "strength", name: text("固定器械区", "Strength machines"), capacity: 10 },
          { id: "cardio", name: text("有氧区", "Cardio"), capacity: 8 },
          { id: "free-weights", name: text("自由重量区", "Free weights"), capacity: 6 },
          { id: "exercise-room", name: text("操房", "Exercise room"), capacity: 12 },
        ],
      },
      { id: "ev-charging", kind: "pool", name: text("充电桩", "EV charging points"), capacity: 6 },
      { id: "home-repair", kind: "service", name: text("上门维修", "Home repair"), capacity: 3 },
      { id: "courtyard-1-centre", kind: "space", name: text("一号院邻里中心", "Courtyard 1 centre"), capacity: 20 },
      { id: "courtyard-2-centre", kind: "space", name: text("二号院邻里中心", "Courtyard 2 centre"), capacity: 20 },
      { id: "courtyard-3-centre", kind: "space", name: text("三号院邻里中心", "Courtyard 3 centre"), capacity: 20 },
    ],
    resourceGroups: [
      { id: "drying-room", name: text("共享干衣房", "Shared drying room"), resources: ["dryer-1", "dryer-2"] },
      {
        id: "courtyard-centres",
        name: text("邻里中心", "Neighbours' centres"),
        resources: ["courtyard-1-centre", "courtyard-2-centre", "courtyard-3-centre"],
      },
      {
        id: "free-culture",
        name: text("免费文化空间", "Free culture spaces"),
        resources: ["library", "library-exhibition", "calligraphy-room", "gallery"],
      },
    ],
    booking: {
      rules: [
        {
          id: "library-hours",
          kind: "opening-hours",
          appliesTo: { resources: ["library", "library-exhibition"] },
          alwaysOpen: true,
        },
        { id: "library-length", kind: "duration", appliesTo: { resources: ["library"] }, maxMinutes: 240 },
        { id: "drying-hours", kind: "opening-hours", appliesTo: { resourceGroups: ["drying-room"] }, weekly: everyDay("08:00", "20:00") },
        { id: "drying-grid", kind: "slot-grid", appliesTo: { resourceGroups: ["drying-room"] }, granularityMinutes: 30 },
        { id: "drying-daily", kind: "quota", appliesTo: { resourceGroups: ["drying-room"] }, period: "day", max: 2 },
        { id: "gym-hours", kind: "opening-hours", appliesTo: { resources: ["gym"] }, alwaysOpen: true },
        { id: "gym-members", kind: "requires-membership", appliesTo: { resources: ["gym"] } },
        {
          id: "calligraphy-hours",
          kind: "opening-hours",
          appliesTo: { resources: ["calligraphy-room"] },
          weekly: everyDay("08:30", "17:30"),
        },
        {
          id: "calligraphy-holiday-classes",
          kind: "seasonal",
          appliesTo: { resources: ["calligraphy-room"] },
          periods: [
            { from: "01-20", to: "02-20" },
            { from: "07-10", to: "08-31" },
          ],
          groups: ["student"],
        },
        { id: "gallery-proposals", kind: "approval-required", appliesTo: { resources: ["gallery", "library-exhibition"] } },
        { id: "gallery-hours", kind: "opening-hours", appliesTo: { resources: ["gallery"] }, weekly: everyDay("09:00", "18:00") },
        { id: "charging-hours", kind: "opening-hours", appliesTo: { resources: ["ev-charging"] }, alwaysOpen: true },
        { id: "repair-hours", kind: "opening-hours", appliesTo: { resources: ["home-repair"] }, weekly: everyDay("08:00", "18:00") },
        {
          id: "courtyard-hours",
          kind: "opening-hours",
          appliesTo: { resourceGroups: ["courtyard-centres"] },
          weekly: everyDay("07:00", "21:30"),
        },
        { id: "courtyard-residents", kind: "who-may-book", appliesTo: { resourceGroups: ["courtyard-centres"] }, residentsOnly: true },
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
          id: "ev-charging",
          name: text("充电按时", "Charging by the hour"),
          appliesTo: { resources: ["ev-charging"] },
          charge: { kind: "per-time", amount: 100, unitMinutes: 60, unitRounding: "started" },
        },
        {
          id: "free-culture",
          name: text("免费", "Free"),
          appliesTo: { resourceGroups: ["free-culture", "courtyard-centres"] },
          charge: { kind: "free" },
        },
      ],
      memberships: [
        {
          id: "gym-monthly",
          name: text("健身房月卡", "Gym monthly pass"),
          price: 2500,
          period: { kind: "calendar-month" },
          covers: { resources: ["gym"] },
        },
      ],
    },
  });
}
