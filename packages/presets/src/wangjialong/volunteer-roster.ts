// The 42 Alley Pioneers as seed data: volunteer profiles are data created by staff
// (`volunteers.register`), not configuration, so the preset ships them beside its config for the
// simulation, the demo and `linli explain match`. The people are invented (the source names
// nobody); their mix follows the source: residents with repair skills, retired tailors and
// veteran party members at the drying room, younger elderly volunteers of the pairing programme,
// the calligrapher, and patrol, sanitation, garbage-sorting, street-order, pet-keeping and
// feedback volunteers.
import { ALLEY_PIONEERS_SIZE } from "./alley-pioneers";
import { PAIRING_KINDS } from "./pairing";

/** A weekly availability window (ISO weekday, local `HH:MM`). */
export interface SeedWindow {
  /** 1 = Monday … 7 = Sunday. */
  readonly weekday: number;
  /** Local start. */
  readonly from: string;
  /** Local end. */
  readonly to: string;
}

/** One seed volunteer, as `volunteers.register` takes it (not a resident: no `residentId`). */
export interface SeedVolunteer {
  /** Stable id, `pioneer-01` … `pioneer-42`. */
  readonly id: string;
  /** Name. */
  readonly name: string;
  /** Role in the team (for readers and the simulation; not an input of `register`). */
  readonly role: SeedRole;
  /** Home courtyard. */
  readonly placeId: string;
  /** Skill → level 1–5. */
  readonly skills: Readonly<Record<string, number>>;
  /** Certifications held. */
  readonly certifications: readonly string[];
  /** Languages and dialects. */
  readonly languages: readonly string[];
  /** Duty teams. */
  readonly teams: readonly string[];
  /** Weekly availability, local time. */
  readonly weekly: readonly SeedWindow[];
  /** Tasks a week at most. */
  readonly maxTasksPerWeek: number;
  /** Shifts a month at most. */
  readonly maxShiftsPerMonth: number;
  /** Kinds of help preferred. */
  readonly preferredKinds: readonly string[];
  /** Age band (`adult`, `younger-elderly`, `older-elderly`). */
  readonly ageBand: string;
}

/** The roles of the seed volunteers. */
export type SeedRole =
  | "repair"
  | "retired-tailor"
  | "party-veteran"
  | "pairing"
  | "calligrapher"
  | "street-duty";

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙"];
const GIVEN = [
  "建国",
  "秀英",
  "桂兰",
  "志强",
  "玉梅",
  "国华",
  "淑珍",
  "德明",
  "春华",
  "丽华",
  "卫东",
  "红梅",
  "小平",
  "金凤",
];
const REPAIR_TRADES = ["electrician", "plumbing", "carpentry", "appliance-repair"];
const STREET_TEAMS = [
  "sanitation-inspection",
  "garbage-sorting",
  "street-order",
  "pet-keeping",
  "feedback-collection",
];

const on = (days: readonly number[], from: string, to: string): SeedWindow[] =>
  days.map((weekday) => ({ weekday, from, to }));
const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WORKDAYS = [1, 2, 3, 4, 5];
const DRYING_ROOM_TIMES = [...on([2, 6], "09:00", "11:30"), ...on([4], "14:30", "17:00")];

function role(i: number): SeedRole {
  if (i < 8) return "repair";
  if (i < 12) return "retired-tailor";
  if (i < 16) return "party-veteran";
  if (i < 28) return "pairing";
  if (i === 28) return "calligrapher";
  return "street-duty";
}

function profile(i: number): Omit<SeedVolunteer, "id" | "name" | "role" | "placeId" | "languages"> {
  const level = 3 + (i % 3);
  switch (role(i)) {
    case "repair": {
      const trade = REPAIR_TRADES[i % 4]!;
      return {
        skills: { "home-repair": level, [trade]: level },
        certifications: trade === "electrician" ? ["electrician"] : [],
        teams: ["alley-pioneers", "patrol", "tool-room-duty"],
        weekly:
          i % 2 === 0
            ? [...on(WORKDAYS, "09:00", "11:30"), ...on(WORKDAYS, "15:00", "18:00")]
            : [...on([6, 7], "09:00", "12:00"), ...on([2, 4], "18:00", "21:00")],
        maxTasksPerWeek: 4,
        maxShiftsPerMonth: 12,
        preferredKinds: ["home-repair"],
        ageBand: i < 4 ? "adult" : "younger-elderly",
      };
    }
    case "retired-tailor":
      return {
        skills: { tailoring: 5, ironing: 4 },
        certifications: [],
        teams: ["alley-pioneers", "drying-room-duty"],
        weekly: [...DRYING_ROOM_TIMES, ...on([1, 3, 5], "09:00", "11:30")],
        maxTasksPerWeek: 3,
        maxShiftsPerMonth: 8,
        preferredKinds: ["tailoring"],
        ageBand: "younger-elderly",
      };
    case "party-veteran":
      return {
        skills: { ironing: 3, "policy-explaining": 4, mediation: 4 },
        certifications: [],
        teams: [
          "alley-pioneers",
          "drying-room-duty",
          "policy-explaining",
          "mediation",
          "courtyard-council",
          "patrol",
        ],
        weekly: [...DRYING_ROOM_TIMES, ...on([3], "15:00", "17:00"), ...on(EVERY_DAY, "19:00", "21:00")],
        maxTasksPerWeek: 2,
        maxShiftsPerMonth: 10,
        preferredKinds: ["phone-companionship"],
        ageBand: i < 14 ? "younger-elderly" : "older-elderly",
      };
    case "pairing":
      return {
        skills: { cooking: level, shopping: 4 },
        certifications: i % 2 === 0 ? ["first-aid"] : [],
        teams: ["alley-pioneers", "patrol"],
        weekly:
          i % 2 === 0
            ? [...on(EVERY_DAY, "08:00", "11:30"), ...on(EVERY_DAY, "15:00", "18:00")]
            : on([1, 2, 3, 4, 5, 6], "07:30", "12:00"),
        maxTasksPerWeek: 5,
        maxShiftsPerMonth: 6,
        preferredKinds: [...PAIRING_KINDS],
        ageBand: "younger-elderly",
      };
    case "calligrapher":
      return {
        skills: { calligraphy: 5 },
        certifications: [],
        teams: ["alley-pioneers", "feedback-collection"],
        weekly: on(EVERY_DAY, "14:00", "17:00"),
        maxTasksPerWeek: 5,
        maxShiftsPerMonth: 4,
        preferredKinds: ["ghostwriting"],
        ageBand: "younger-elderly",
      };
    case "street-duty":
      return {
        skills: {},
        certifications: i % 4 === 0 ? ["first-aid"] : [],
        teams: ["alley-pioneers", "patrol", STREET_TEAMS[i % 5]!],
        weekly:
          i % 3 === 0
            ? on(WORKDAYS, "07:00", "22:00")
            : i % 3 === 1
              ? [...on(EVERY_DAY, "07:00", "13:00"), ...on(EVERY_DAY, "17:00", "22:00")]
              : on([2, 4, 6, 7], "07:00", "22:00"),
        maxTasksPerWeek: 2,
        maxShiftsPerMonth: 6 + (i % 5),
        preferredKinds: ["phone-companionship"],
        ageBand: i % 2 === 0 ? "adult" : "younger-elderly",
      };
  }
}

/**
 * The 42 Alley Pioneers as seed profiles, deterministic: 8 repair volunteers (home repair plus a
 * trade; on duty at the tool room), 4 retired tailors and 4 veteran party members on the drying
 * room's weekly duty, 12 younger elderly volunteers of the pairing programme (cooking, shopping,
 * half with first aid), the calligrapher, and 13 on street duties. Everyone is in
 * `alley-pioneers`; homes rotate over the three courtyards. A fresh copy on each call.
 */
export function wangjialongVolunteers(): SeedVolunteer[] {
  return Array.from({ length: ALLEY_PIONEERS_SIZE }, (_, i) => ({
    id: `pioneer-${String(i + 1).padStart(2, "0")}`,
    name: `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`,
    role: role(i),
    placeId: `courtyard-${(i % 3) + 1}`,
    languages: i % 7 === 6 ? ["zh"] : ["zh", "changsha-dialect"],
    ...profile(i),
  }));
}

/** A seed volunteer as the input of `volunteers.register` (the `role` left out). */
export function registerInput(volunteer: SeedVolunteer) {
  const { role: _role, ...input } = volunteer;
  return {
    ...input,
    skills: { ...input.skills },
    certifications: [...input.certifications],
    languages: [...input.languages],
    teams: [...input.teams],
    weekly: input.weekly.map((w) => ({ ...w })),
    preferredKinds: [...input.preferredKinds],
  };
}
