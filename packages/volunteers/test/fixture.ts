import {
  type Actor,
  createCommunity,
  defineCommunityConfig,
  manualClock,
  sequentialIds,
  type StorageAdapter,
  zonedInstant,
} from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { volunteersPlugin } from "../src/volunteers-plugin";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** The desk: staff taking calls. */
export const desk: Actor = { kind: "staff", id: "desk-1" };
/** A volunteer actor. */
export const volunteer = (id: string): Actor => ({ kind: "volunteer", id });
/** A resident actor. */
export const resident = (id: string): Actor => ({ kind: "resident", id });

/** A local Asia/Shanghai wall time (`2026-06-02T09:00`) as an instant. */
export const cst = (local: string) => zonedInstant(local.slice(0, 10), local.slice(11, 16), "Asia/Shanghai");

/** Every weekday and weekend day from 08:00 to 20:00. */
export const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "08:00", to: "20:00" }));

const plugins = [pricingPlugin(), volunteersPlugin()] as const;

/** Wangjialong with its three courtyards, the home-repair price and the pairing rule. */
export function volunteersConfig() {
  return defineCommunityConfig(plugins, {
    // Every non-resident actor is declared: linli verifies actor ids.
    members: [
      { id: "desk-1", kind: "staff" },
      { id: "volunteers", kind: "system" },
      { id: "admin-1", kind: "admin" },
    ],
    community: {
      id: "wangjialong",
      name: text("王家垅社区", "Wangjialong"),
      timeZone: "Asia/Shanghai",
      currency: "CNY",
    },
    places: [
      { id: "courtyard-1", kind: "courtyard", name: text("一号院", "Courtyard 1") },
      { id: "courtyard-2", kind: "courtyard", name: text("二号院", "Courtyard 2") },
      { id: "courtyard-3", kind: "courtyard", name: text("三号院", "Courtyard 3") },
      {
        id: "building-1-3",
        kind: "building",
        name: text("一号院3栋", "Courtyard 1, building 3"),
        parent: "courtyard-1",
      },
    ],
    walking: [
      { from: "courtyard-1", to: "courtyard-2", minutes: 5 },
      { from: "courtyard-1", to: "courtyard-3", minutes: 12 },
      { from: "courtyard-2", to: "courtyard-3", minutes: 8 },
    ],
    groups: [
      { id: "minimum-subsistence", name: text("低保户", "Minimum-subsistence household") },
      { id: "extremely-poor", name: text("特困户", "Extremely poor household") },
      { id: "elderly-living-alone", name: text("独居老人", "Elderly person living alone") },
    ],
    resources: [{ id: "home-repair", kind: "service", name: text("上门维修", "Home repair") }],
    pricing: {
      plans: [
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
      ],
    },
    volunteers: {
      kinds: [{ id: "home-repair", priceResource: "home-repair" }],
      ageBands: [
        { id: "adult", minAge: 18, maxAge: 59 },
        { id: "younger-elderly", minAge: 60, maxAge: 74 },
        { id: "older-elderly", minAge: 75, maxAge: 150 },
      ],
      ageRule: {
        volunteerBands: ["adult", "younger-elderly"],
        requesterBands: ["older-elderly"],
        kinds: ["groceries", "medicine", "doctor-escort", "meal-preparation"],
      },
      maxWalkingMinutes: 15,
    },
  });
}

/** Which storage a scenario runs on. */
export type StorageKind = "memory" | "sqlite";

/** A fresh storage of that kind. */
export function storageOf(kind: StorageKind): StorageAdapter {
  return kind === "memory" ? memoryStorage() : sqliteStorage({ filename: ":memory:" });
}

/** A community with pricing and volunteers at 2026-06-01 09:00 Shanghai time. */
export async function volunteersCommunity(kind: StorageKind | StorageAdapter = "memory") {
  const clock = manualClock(cst("2026-06-01T09:00"));
  const community = await createCommunity({
    config: volunteersConfig(),
    storage: typeof kind === "string" ? storageOf(kind) : kind,
    plugins,
    clock,
    ids: sequentialIds(),
  });
  return { community, clock, staff: community.as(desk) };
}

/** The community type of {@link volunteersCommunity}. */
export type VolunteersCommunity = Awaited<ReturnType<typeof volunteersCommunity>>["community"];
