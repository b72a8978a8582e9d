import {
  type AnyPlugin,
  type CommunityConfigInput,
  createCommunity,
  manualClock,
  sequentialIds,
  type StorageAdapter,
} from "@linli/core";
import { type BookingConfigInput, bookingPlugin } from "@linli/booking";
import { memoryStorage } from "@linli/storage-memory";

/** Wangjialong's shared resources and their booking rules, as a community would configure them. */
export function wangjialongConfig(
  overrides: { timeZone?: string; booking?: BookingConfigInput } = {},
): CommunityConfigInput<readonly [ReturnType<typeof bookingPlugin>]> {
  const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
  return {
    // Every non-resident actor the tests use is declared: linli verifies actor ids.
    members: [
      { id: "desk-1", kind: "staff" },
      { id: "admin-1", kind: "admin" },
      { id: "scheduler", kind: "system" },
    ],
    community: {
      id: "wangjialong",
      name: text("王家垅社区", "Wangjialong Community"),
      timeZone: overrides.timeZone ?? "Asia/Shanghai",
      currency: "CNY",
    },
    groups: [
      { id: "elderly-no-family", name: text("孤寡老人", "Elderly person with no family") },
      { id: "hardship", name: text("困难户", "Household in difficulty") },
      { id: "student", name: text("学生", "Student"), sensitive: false },
    ],
    resources: [
      { id: "dryer-1", kind: "pool", name: text("干衣机 1 号", "Dryer 1") },
      { id: "dryer-2", kind: "pool", name: text("干衣机 2 号", "Dryer 2") },
      {
        id: "gym",
        kind: "space",
        name: text("智能健身房", "Smart gym"),
        capacity: 30,
        zones: [
          { id: "cardio", name: text("有氧区", "Cardio"), capacity: 8 },
          { id: "strength", name: text("力量区", "Strength"), capacity: 10 },
        ],
      },
      { id: "library", kind: "space", name: text("24 小时图书馆", "24-hour library"), capacity: 40 },
      { id: "calligraphy-room", kind: "space", name: text("书法室", "Calligraphy room"), capacity: 12 },
      { id: "gallery-training-room", kind: "space", name: text("美术馆培训室", "Gallery training room") },
      { id: "courtyard-centre", kind: "space", name: text("庭院邻里中心", "Courtyard neighbours' centre") },
    ],
    resourceGroups: [
      {
        id: "drying-room",
        name: text("共享干衣房", "Shared drying room"),
        resources: ["dryer-1", "dryer-2"],
      },
    ],
    booking: overrides.booking ?? {
      rules: [
        {
          id: "drying-hours",
          kind: "opening-hours",
          appliesTo: { resourceGroups: ["drying-room"] },
          weekly: Object.fromEntries(
            ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [
              d,
              [
                { from: "08:00", to: "12:00" },
                { from: "14:00", to: "20:00" },
              ],
            ]),
          ),
        },
        {
          id: "drying-grid",
          kind: "slot-grid",
          appliesTo: { resourceGroups: ["drying-room"] },
          granularityMinutes: 30,
        },
        {
          id: "drying-length",
          kind: "duration",
          appliesTo: { resourceGroups: ["drying-room"] },
          minMinutes: 30,
          maxMinutes: 120,
        },
        {
          id: "drying-daily-quota",
          kind: "quota",
          appliesTo: { resourceGroups: ["drying-room"] },
          period: "day",
          max: 2,
        },
        {
          id: "drying-no-shows",
          kind: "no-show-policy",
          appliesTo: { resourceGroups: ["drying-room"] },
          maxNoShows: 2,
          periodDays: 30,
          suspendDays: 7,
        },
        {
          id: "drying-check-in",
          kind: "check-in",
          appliesTo: { resourceGroups: ["drying-room"] },
          opensMinutesBefore: 10,
          closesMinutesAfter: 15,
          onMissed: "release",
        },
        { id: "gym-hours", kind: "opening-hours", appliesTo: { resources: ["gym"] }, alwaysOpen: true },
        { id: "gym-cap", kind: "capacity", appliesTo: { resources: ["gym"] }, maxPerSlot: 20 },
        { id: "gym-window", kind: "booking-window", appliesTo: { resources: ["gym"] }, maxAdvanceDays: 7 },
        { id: "gym-upcoming", kind: "max-future-bookings", appliesTo: { resources: ["gym"] }, max: 3 },
        {
          id: "calligraphy-holidays",
          kind: "seasonal",
          appliesTo: { resources: ["calligraphy-room"] },
          periods: [
            { from: "01-20", to: "02-20" },
            { from: "07-10", to: "08-31" },
          ],
          groups: ["student"],
        },
        {
          id: "calligraphy-hours",
          kind: "opening-hours",
          appliesTo: { resources: ["calligraphy-room"] },
          weekly: { sat: [{ from: "09:00", to: "11:00" }], sun: [{ from: "09:00", to: "11:00" }] },
        },
        {
          id: "gallery-approval",
          kind: "approval-required",
          appliesTo: { resources: ["gallery-training-room"] },
        },
        {
          id: "gallery-turnover",
          kind: "buffers",
          appliesTo: { resources: ["gallery-training-room"] },
          afterMinutes: 30,
        },
        {
          id: "gallery-cancel",
          kind: "cancellation-deadline",
          appliesTo: { resources: ["gallery-training-room"] },
          minutesBefore: 1440,
          late: "refuse",
        },
        {
          id: "courtyard-cancel",
          kind: "cancellation-deadline",
          appliesTo: { resources: ["courtyard-centre"] },
          minutesBefore: 120,
        },
        {
          id: "courtyard-residents",
          kind: "who-may-book",
          appliesTo: { resources: ["courtyard-centre"] },
          residentsOnly: true,
        },
        {
          id: "library-hours",
          kind: "opening-hours",
          appliesTo: { resources: ["library"] },
          alwaysOpen: true,
        },
        {
          id: "library-closures",
          kind: "closures",
          appliesTo: { resources: ["library"] },
          closures: [{ from: "2027-02-06", to: "2027-02-08", reason: text("春节", "Spring Festival") }],
        },
      ],
    },
  };
}

/** The config plus a courtyard hall with two places and no rule but capacity (for races). */
export function withCourtyardHall(config = wangjialongConfig()) {
  const hall = {
    id: "courtyard-hall",
    kind: "space",
    name: { "zh-CN": "庭院活动厅", en: "Courtyard hall" },
    capacity: 2,
  } as const;
  return { ...config, resources: [...(config.resources ?? []), hall] };
}

/** The desk clerk who books on residents' behalf. */
export const desk = { kind: "staff", id: "desk-1" } as const;
/** The scheduler. */
export const system = { kind: "system", id: "scheduler" } as const;
/** A resident acting for themself. */
export const resident = (id: string) => ({ kind: "resident", id }) as const;

/** A running Wangjialong community with the booking plugin and some residents. */
export async function wangjialong(
  options: {
    start?: string;
    config?: ReturnType<typeof wangjialongConfig>;
    storage?: StorageAdapter;
    plugins?: readonly AnyPlugin[];
    residents?: readonly string[];
  } = {},
) {
  const clock = manualClock(options.start ?? "2026-07-06T00:00:00Z");
  const community = await createCommunity({
    config: options.config ?? wangjialongConfig(),
    storage: options.storage ?? memoryStorage(),
    plugins: [bookingPlugin(), ...(options.plugins ?? [])] as [ReturnType<typeof bookingPlugin>],
    clock,
    ids: sequentialIds(),
  });
  for (const id of options.residents ?? ["wang", "li", "zhang", "zhao", "chen"]) {
    await community.residents.register({ actor: desk, id, name: id });
  }
  return { community, clock };
}

/** Local Shanghai wall time as an instant (UTC+8, no DST). */
export const cst = (local: string) => new Date(`${local}:00+08:00`);
