import { bookingPlugin } from "@linli/booking";

type BookingPlugin = ReturnType<typeof bookingPlugin>;
type LendingPlugin = ReturnType<typeof lendingPlugin>;
import {
  type AnyPlugin,
  type CommunityConfigInput,
  createCommunity,
  manualClock,
  sequentialIds,
  type StorageAdapter,
} from "@linli/core";
import { type PricingPlugin, pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { lendingPlugin } from "@linli/lending";
import { type VolunteersPlugin, volunteersPlugin } from "@linli/volunteers";
import type { Actor } from "@linli/core";
import type { Profile } from "./matrix-types";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** The plugins the matrix installs: every plugin of the SDK. */
export function matrixPlugins(): readonly AnyPlugin[] {
  return [bookingPlugin(), pricingPlugin(), lendingPlugin(), volunteersPlugin()];
}

/** A small community with every kind of thing a command can be about. */
export function matrixConfig(): CommunityConfigInput<
  readonly [BookingPlugin, PricingPlugin, LendingPlugin, VolunteersPlugin]
> {
  return {
    community: { id: "matrix", name: text("矩阵社区", "Matrix"), timeZone: "Asia/Shanghai", currency: "CNY" },
    groups: [{ id: "hardship", name: text("困难户", "Household in difficulty") }],
    members: [
      { id: "desk-1", kind: "staff" },
      { id: "desk-gone", kind: "staff" },
      { id: "admin-1", kind: "admin" },
      { id: "scheduler", kind: "system" },
      // The account volunteers quotes help requests as, through pricing.
      { id: "volunteers", kind: "system" },
    ],
    resources: [
      { id: "room", kind: "space", name: text("活动室", "Room"), capacity: 1 },
      { id: "hall", kind: "space", name: text("展厅", "Hall"), capacity: 1 },
    ],
    booking: {
      rules: [{ id: "hall-approval", kind: "approval-required", appliesTo: { resources: ["hall"] } }],
    },
    pricing: {
      plans: [
        {
          id: "room-fee",
          name: text("活动室", "Room"),
          appliesTo: { resources: ["room", "hall"] },
          charge: { kind: "per-use", amount: 500 },
          tiers: [{ group: "hardship", price: { kind: "free" } }],
        },
      ],
      memberships: [
        {
          id: "room-monthly",
          name: text("活动室月卡", "Room monthly"),
          price: 2000,
          period: { kind: "calendar-month" },
          covers: { resources: ["hall"] },
        },
      ],
    },
    lending: { categories: [{ id: "tools", name: text("工具", "Tools") }] },
    volunteers: {},
  };
}

const actors: Record<Profile, Actor> = {
  self: { kind: "resident", id: "wang" },
  delegate: { kind: "resident", id: "chen" },
  other: { kind: "resident", id: "li" },
  volunteer: { kind: "volunteer", id: "vol" },
  desk: { kind: "staff", id: "desk-1" },
  admin: { kind: "admin", id: "admin-1" },
  system: { kind: "system", id: "scheduler" },
  unknown: { kind: "staff", id: "nobody" },
  inactive: { kind: "staff", id: "desk-gone" },
};

/** The actor of a profile. */
export const actorOf = (profile: Profile): Actor => actors[profile];

const DESK = actors.desk;
const ADMIN = actors.admin;
/** Tomorrow 10:00-11:00 local, in UTC. */
const slot = (hour = 2) => ({
  start: new Date(Date.UTC(2026, 6, 2, hour)),
  end: new Date(Date.UTC(2026, 6, 2, hour + 1)),
});

/** A fresh community for one matrix case, with its residents, members and helpers. */
export async function matrixWorld(
  storage: StorageAdapter = memoryStorage(),
  permissions: Readonly<Record<string, string[]>> = {},
) {
  const clock = manualClock("2026-07-01T01:00:00Z");
  const community = await createCommunity({
    config: { ...matrixConfig(), permissions },
    storage,
    plugins: matrixPlugins(),
    clock,
    ids: sequentialIds(),
  });
  // Loosely typed: the rows call every command by path.
  const c = community as any;
  for (const id of ["wang", "chen", "li", "vol"]) await c.residents.register({ actor: DESK, id, name: id });
  const delegation = await c.delegations.grant({ actor: actors.self, delegateId: "chen" });
  await c.members.add({ actor: ADMIN, id: "vol", kind: "volunteer" });
  await c.members.deactivate({ actor: ADMIN, id: "desk-gone" });
  /** A booking of the room for wang starting at `start`, then the clock moved to `now`. */
  const startedAt = async (start: string, now: string): Promise<string> => {
    const at = new Date(start);
    const outcome = await c.booking.book({
      actor: DESK,
      forResident: "wang",
      resourceId: "room",
      start: at,
      end: new Date(at.getTime() + 3_600_000),
    });
    clock.set(now);
    return outcome.booking.id;
  };
  const world = {
    community,
    api: c,
    clock,
    slot,
    delegationId: delegation.id as string,
    /** Wang's room booking starting in five minutes. */
    startingSoon: () => startedAt("2026-07-01T01:05:00Z", "2026-07-01T01:00:00Z"),
    /** Wang's room booking that started 20 minutes ago, not checked in. */
    started: () => startedAt("2026-07-01T01:05:00Z", "2026-07-01T01:25:00Z"),
    /** Wang's room booking in progress, checked in by the desk. */
    checkedIn: async (): Promise<string> => {
      const id = await startedAt("2026-07-01T01:05:00Z", "2026-07-01T01:06:00Z");
      await c.booking.checkIn({ actor: DESK, bookingId: id });
      return id;
    },
    /** A confirmed booking of the room for wang. */
    booking: async (hour = 2): Promise<string> =>
      (await c.booking.book({ actor: DESK, forResident: "wang", resourceId: "room", ...slot(hour) })).booking
        .id,
    /** A booking of the hall by wang, awaiting approval. */
    pending: async (): Promise<string> =>
      (await c.booking.book({ actor: actors.self, resourceId: "hall", ...slot() })).booking.id,
    /** Wang waiting for the room li holds; `offer` cancels li's booking so wang is offered it. */
    waitlist: async (offer: boolean): Promise<string> => {
      const li = await c.booking.book({ actor: DESK, forResident: "li", resourceId: "room", ...slot(5) });
      const entry = await c.booking.waitlist.join({
        actor: DESK,
        forResident: "wang",
        resourceId: "room",
        ...slot(5),
      });
      if (offer) await c.booking.cancel({ actor: DESK, bookingId: li.booking.id });
      return entry.id;
    },
    /** A walk-in use of the room charged to wang: its usage id. */
    usage: async (): Promise<string> =>
      (await c.pricing.charge({ actor: DESK, forResident: "wang", resourceId: "room" })).usageId,
    /** Wang's ledger charge for a walk-in use. */
    ledgerEntry: async (): Promise<string> => {
      await world.usage();
      const [entry] = await c.pricing.ledger.entries({ actor: DESK, forResident: "wang" });
      return entry.id;
    },
    /** Wang's monthly pass for the hall. */
    membership: async (): Promise<string> =>
      (await c.pricing.memberships.purchase({ actor: DESK, forResident: "wang", planId: "room-monthly" })).id,
    /** A grant of the hardship group to wang. */
    grant: async (): Promise<string> =>
      (await c.eligibility.grant({ actor: DESK, forResident: "wang", groupId: "hardship" })).id,
  };
  return world;
}

/** A matrix case's world. */
export type MatrixWorld = Awaited<ReturnType<typeof matrixWorld>>;
