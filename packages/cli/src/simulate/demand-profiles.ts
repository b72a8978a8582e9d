import type { Resource } from "@linli/core";
import type { ResidentProfile } from "./resident-profiles";

/** Which habit of a resident drives demand for a resource. */
export type Habit = keyof ResidentProfile["habits"] | "household";

/** How residents use one kind of resource: who, how often, when, for how long, how far ahead. */
export interface DemandProfile {
  /** A short name shown nowhere but in tests and debugging. */
  readonly name: string;
  /** The habit that makes a resident ask for it. */
  readonly habit: Habit;
  /**
   * Expected requests per resident per day at habit 1 (the day's demand is Poisson around
   * the sum; interchangeable units share it: a resident wants "a dryer", not each dryer).
   */
  readonly dailyRate: number;
  /** Weekend days multiply the rate by this. @default 1 */
  readonly weekendFactor?: number;
  /** Booking lengths in minutes, picked uniformly. */
  readonly durations: readonly number[];
  /** Relative demand by local start hour (hour → weight); hours absent get no demand. */
  readonly hours: Readonly<Record<number, number>>;
  /** How long before the start the request is made, in minutes: [min, max]. */
  readonly leadMinutes: readonly [number, number];
  /** Share of requests by residents who are not the habit's heavy users (tries by anyone). @default 0.05 */
  readonly anyoneShare?: number;
  /** Staff decide on requests awaiting approval: share approved. @default 0.8 */
  readonly approvalRate?: number;
}

const range = (from: number, to: number, weight = 1) =>
  Object.fromEntries(Array.from({ length: to - from }, (_, i) => [from + i, weight]));

/** Demand by resource, matched on the resource id (first match wins); see {@link profileFor}. */
export const DEMAND_PROFILES: readonly (readonly [RegExp, DemandProfile])[] = [
  [
    /child/,
    {
      name: "children's reading",
      habit: "reading",
      dailyRate: 0.006,
      weekendFactor: 2,
      durations: [60, 90],
      hours: { ...range(9, 20), 15: 2, 16: 3, 17: 2 },
      leadMinutes: [30, 1440],
    },
  ],
  [
    /e-?reading|digital/,
    {
      name: "e-reading",
      habit: "reading",
      dailyRate: 0.005,
      durations: [60, 120],
      hours: { ...range(8, 23), 19: 2, 20: 2 },
      leadMinutes: [10, 720],
    },
  ],
  [
    /exhibition/,
    {
      name: "exhibition proposals (whole days, weeks ahead)",
      habit: "arts",
      dailyRate: 0.0006,
      durations: [7 * 1440, 14 * 1440, 21 * 1440],
      hours: { 0: 1 },
      leadMinutes: [15 * 1440, 60 * 1440],
      approvalRate: 0.75,
    },
  ],
  [
    /gallery/,
    {
      name: "gallery visits and training",
      habit: "arts",
      dailyRate: 0.004,
      weekendFactor: 2,
      durations: [60, 120],
      hours: range(9, 18),
      leadMinutes: [60, 3 * 1440],
    },
  ],
  [
    /activity|courtyard|neighbou?r/,
    {
      name: "activity rooms",
      habit: "arts",
      dailyRate: 0.004,
      weekendFactor: 1.8,
      durations: [60, 120],
      hours: { ...range(8, 21), 9: 2, 15: 2, 19: 2 },
      leadMinutes: [60, 3 * 1440],
    },
  ],
  [
    /library|reading|study/,
    {
      name: "reading areas",
      habit: "reading",
      dailyRate: 0.025,
      weekendFactor: 1.5,
      durations: [60, 120, 180],
      hours: { ...range(0, 24, 0.1), ...range(8, 22), 9: 2, 14: 2, 19: 3, 20: 3 },
      leadMinutes: [10, 1440],
    },
  ],
  [
    /dry|laundry/,
    {
      name: "drying room",
      habit: "laundry",
      dailyRate: 0.5,
      weekendFactor: 1.2,
      durations: [60, 60, 60, 90],
      hours: { ...range(8, 20), 9: 3, 10: 3, 15: 2 },
      leadMinutes: [30, 1440],
      anyoneShare: 0.02,
    },
  ],
  [
    /gym|fitness|cardio|strength|weights|exercise/,
    {
      name: "gym",
      habit: "fitness",
      dailyRate: 0.3,
      durations: [60, 60, 90],
      hours: { ...range(0, 24, 0.1), ...range(6, 23), 6: 2, 7: 3, 18: 4, 19: 5, 20: 4, 21: 2 },
      leadMinutes: [5, 720],
      anyoneShare: 0.03,
    },
  ],
  [
    /class/,
    {
      name: "classes for students",
      habit: "classes",
      dailyRate: 0.01,
      weekendFactor: 1.5,
      durations: [60, 120],
      hours: range(9, 17),
      leadMinutes: [60, 5 * 1440],
    },
  ],
  [
    /calligraph/,
    {
      name: "calligraphy",
      habit: "reading",
      dailyRate: 0.006,
      weekendFactor: 3,
      durations: [60, 120],
      hours: { ...range(8, 18), 9: 3, 10: 3, 14: 2 },
      leadMinutes: [60, 5 * 1440],
    },
  ],
  [
    /charg|ev-/,
    {
      name: "charging points",
      habit: "driving",
      dailyRate: 0.25,
      durations: [60, 120, 180, 240],
      hours: { ...range(0, 24, 0.3), ...range(7, 23), 18: 3, 19: 3, 20: 2 },
      leadMinutes: [5, 600],
      anyoneShare: 0.01,
    },
  ],
  [
    /ghostwrit/,
    {
      name: "ghostwriting (the calligrapher writes for residents)",
      habit: "household",
      dailyRate: 0.0003,
      durations: [30],
      hours: range(9, 17),
      leadMinutes: [1440, 7 * 1440],
    },
  ],
  [
    /ironing|tailor/,
    {
      name: "ironing and tailoring",
      habit: "household",
      dailyRate: 0.0008,
      durations: [30, 60],
      hours: range(8, 20),
      leadMinutes: [60, 2 * 1440],
    },
  ],
  [
    /repair/,
    {
      name: "home repair",
      habit: "household",
      dailyRate: 0.0025,
      durations: [60, 120],
      hours: range(8, 18),
      leadMinutes: [1440, 3 * 1440],
    },
  ],
  [
    /locker|parcel/,
    {
      name: "parcel lockers",
      habit: "household",
      dailyRate: 0.01,
      durations: [120, 240, 480],
      hours: { ...range(8, 22), 12: 2, 18: 3, 19: 3 },
      leadMinutes: [0, 120],
    },
  ],
];

/** The profile of resources no pattern matches, by resource kind. */
export const KIND_PROFILES: Readonly<Record<Resource["kind"], DemandProfile | null>> = {
  space: {
    name: "other space",
    habit: "arts",
    dailyRate: 0.003,
    durations: [60, 120],
    hours: range(8, 21),
    leadMinutes: [60, 2 * 1440],
  },
  pool: {
    name: "other pool",
    habit: "household",
    dailyRate: 0.004,
    durations: [60, 120],
    hours: range(8, 21),
    leadMinutes: [30, 1440],
  },
  service: {
    name: "other service",
    habit: "household",
    dailyRate: 0.001,
    durations: [60],
    hours: range(8, 18),
    leadMinutes: [1440, 2 * 1440],
  },
  // Lendable items are loans, not bookings: the loans domain (with the lending plugin) covers them.
  item: null,
};

/** The demand profile of a resource: the first id pattern that matches, else its kind's; null for none. */
export function profileFor(resource: Pick<Resource, "id" | "kind">): DemandProfile | null {
  if (resource.kind === "item") return null;
  for (const [pattern, profile] of DEMAND_PROFILES) if (pattern.test(resource.id)) return profile;
  return KIND_PROFILES[resource.kind];
}

/** A resident's weight for a habit. */
export function habitOf(resident: ResidentProfile, habit: Habit): number {
  return habit === "household" ? (resident.age >= 18 ? 1 : 0) : resident.habits[habit];
}
