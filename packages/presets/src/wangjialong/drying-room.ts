// 3. Sharing circle: the shared drying room. 1 yuan per use for drying, disinfecting, ironing
// and tailoring; elderly people with no family, households in difficulty and other special
// groups use it free. Residents book by phone or WeChat, often through someone else.
import { everyDay, type PresetPart, text } from "../preset-part";

/** The groups that use the drying room free: the two named in the source and the other hardship groups. */
export const DRYING_ROOM_FREE_GROUPS = [
  "elderly-no-family",
  "hardship",
  "minimum-subsistence",
  "extremely-poor",
] as const;

/** 1 yuan per use, in fen. */
export const DRYING_ROOM_PRICE = 100;

/** The drying room (four dryers with disinfection), ironing and tailoring, at 1 yuan a use. */
export const dryingRoom: PresetPart = {
  places: [{ id: "drying-room-site", kind: "facility", name: text("共享干衣房", "Shared drying room") }],
  resources: [
    {
      id: "drying-room",
      kind: "pool",
      name: text("共享干衣房", "Shared drying room"),
      place: "drying-room-site",
      // Dryers used at once (an assumption: the source gives no count).
      capacity: 4,
      tags: ["drying", "disinfecting", "maintained-by-volunteers"],
    },
    {
      id: "ironing",
      kind: "service",
      name: text("熨烫", "Ironing"),
      place: "drying-room-site",
      tags: ["staffed-by-volunteers"],
    },
    {
      id: "tailoring",
      kind: "service",
      name: text("裁缝", "Tailoring"),
      place: "drying-room-site",
      tags: ["staffed-by-volunteers", "retired-tailors"],
    },
  ],
  resourceGroups: [
    {
      id: "drying-room-services",
      name: text("干衣房服务", "Drying room services"),
      resources: ["drying-room", "ironing", "tailoring"],
    },
  ],
  rules: [
    {
      id: "drying-room-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["drying-room"] },
      weekly: everyDay({ from: "08:00", to: "20:00" }),
    },
    // Veteran party members and retired tailors staff ironing and tailoring at fixed times each
    // week (their duty shifts: DRYING_ROOM_DUTY in duty-timetable.ts, checked equal by a test).
    {
      id: "drying-room-staffed-hours",
      kind: "opening-hours",
      appliesTo: { resources: ["ironing", "tailoring"] },
      weekly: {
        tue: [{ from: "09:00", to: "11:30" }],
        thu: [{ from: "14:30", to: "17:00" }],
        sat: [{ from: "09:00", to: "11:30" }],
      },
    },
    {
      id: "drying-room-grid",
      kind: "slot-grid",
      appliesTo: { resourceGroups: ["drying-room-services"] },
      granularityMinutes: 30,
    },
    {
      id: "drying-room-length",
      kind: "duration",
      appliesTo: { resourceGroups: ["drying-room-services"] },
      minMinutes: 30,
      maxMinutes: 120,
    },
    {
      id: "drying-room-daily-quota",
      kind: "quota",
      appliesTo: { resources: ["drying-room"] },
      period: "day",
      max: 2,
    },
    {
      id: "drying-room-cancel",
      kind: "cancellation-deadline",
      appliesTo: { resourceGroups: ["drying-room-services"] },
      minutesBefore: 60,
    },
    {
      id: "drying-room-check-in",
      kind: "check-in",
      appliesTo: { resources: ["drying-room"] },
      opensMinutesBefore: 10,
      closesMinutesAfter: 15,
      onMissed: "release",
    },
    {
      id: "drying-room-no-shows",
      kind: "no-show-policy",
      appliesTo: { resources: ["drying-room"] },
      maxNoShows: 3,
      periodDays: 30,
      suspendDays: 7,
    },
  ],
  plans: [
    {
      id: "drying-room-per-use",
      name: text("干衣房按次", "Drying room per use"),
      appliesTo: { resourceGroups: ["drying-room-services"] },
      charge: { kind: "per-use", amount: DRYING_ROOM_PRICE },
      tiers: DRYING_ROOM_FREE_GROUPS.map((group) => ({ group, price: { kind: "free" as const } })),
    },
  ],
};
