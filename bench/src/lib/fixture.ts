import { UUID } from "uuidv7";
import { bookingPlugin } from "@linli/booking";
import { type CommunityConfigInput, defineCommunityConfig } from "@linli/core";
import { random } from "./rng";

/**
 * The community the API benches run: 50 rooms in one group, 5,800 residents, Asia/Shanghai,
 * every room open 07:00–22:00 on a 15-minute slot grid with bookings of at most four hours
 * (the rules a real config uses that read no stored data besides the bookings themselves).
 */
export const ZONE = "Asia/Shanghai";
export const COMMUNITY = "bench";
export const RESOURCES = 50;
export const RESIDENTS = 5800;
export const MIN = 60_000;
export const QUARTER = 15 * MIN;
export const DAY = 86_400_000;
/** Opening hours in quarters after local midnight: 07:00–22:00. */
export const OPEN_Q = 28;
export const CLOSE_Q = 88;
/** "Now" of every bench: 2026-06-01 00:00 in Shanghai; history is the year before. */
export const NOW = Date.parse("2026-06-01T00:00:00+08:00");
export const YEAR = 365 * DAY;

export const roomId = (r: number) => `room-${String(r).padStart(2, "0")}`;
export const residentId = (k: number) => `res-${String(k).padStart(4, "0")}`;
export const rooms = Array.from({ length: RESOURCES }, (_, r) => roomId(r));

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/** The community config (booking plugin only). `capacity` of each room. */
export function benchConfig(capacity = 1) {
  return defineCommunityConfig([bookingPlugin()], {
    members: [
      { id: "desk", kind: "staff" },
      { id: "desk-1", kind: "staff" },
    ],
    community: { id: COMMUNITY, name: text("基准社区", "Bench community"), timeZone: ZONE, currency: "CNY" },
    resources: rooms.map((id) => ({ id, kind: "space" as const, name: text(id, id), capacity })),
    resourceGroups: [{ id: "rooms", name: text("活动室", "Rooms"), resources: rooms }],
    booking: {
      rules: [
        {
          id: "hours",
          kind: "opening-hours",
          appliesTo: { resourceGroups: ["rooms"] },
          weekly: Object.fromEntries(week.map((d) => [d, [{ from: "07:00", to: "22:00" }]])),
        },
        { id: "grid", kind: "slot-grid", appliesTo: { resourceGroups: ["rooms"] }, granularityMinutes: 15 },
        {
          id: "length",
          kind: "duration",
          appliesTo: { resourceGroups: ["rooms"] },
          minMinutes: 15,
          maxMinutes: 240,
        },
      ],
    },
  }) satisfies CommunityConfigInput<readonly [ReturnType<typeof bookingPlugin>]>;
}

/**
 * The id of the `index`-th generated booking of a history, made as linli makes ids (a
 * time-ordered UUID, see `timeOrderedIds`) at `createdAt`, but deterministic: the prefix and
 * the index fill the random bits. So the history's keys lie in the primary key's index where
 * a real year of use puts them, and the ids of new bookings sort after them.
 */
export function historyId(prefix: string, index: number, createdAt: number): string {
  let code = 0;
  for (const ch of prefix) code = (code * 31 + ch.charCodeAt(0)) % 0x40000000;
  return UUID.fromFieldsV7(createdAt, index % 0x1000, code, index).toString();
}

/** A past booking as generated: plain numbers, written by each side in its own format. */
export interface HistoryBooking {
  readonly id: string;
  readonly resource: number;
  readonly resident: number;
  readonly start: number;
  readonly end: number;
  readonly status: "completed" | "confirmed" | "cancelled" | "no-show";
}

/**
 * `count` bookings spread evenly over the days of `[from, from + days × DAY)` and the given
 * resources, each on the 15-minute grid inside opening hours, 15 minutes to 2 hours long,
 * never overlapping on one resource (so any capacity holds them). Deterministic in `seed`.
 * Mostly completed (confirmed from {@link NOW} on); one in ten cancelled, one in fifty a no-show.
 */
export function history(options: {
  count: number;
  resources: readonly number[];
  from: number;
  days: number;
  seed: number;
  idPrefix?: string;
  /** Longest booking in quarter hours. @default 8 */
  maxQuarters?: number;
}): HistoryBooking[] {
  const { count, resources, from, days, seed } = options;
  const rnd = random(seed);
  const out: HistoryBooking[] = [];
  const slots = days * resources.length;
  for (let s = 0; s < slots; s++) {
    const day = Math.floor(s / resources.length);
    const resource = resources[s % resources.length]!;
    const target = Math.floor((count * (s + 1)) / slots) - Math.floor((count * s) / slots);
    const taken = new Uint8Array(CLOSE_Q);
    const dayStart = from + day * DAY;
    for (let placed = 0, tries = 0; placed < target && tries < 10_000; tries++) {
      const len = 1 + Math.floor(rnd() * (options.maxQuarters ?? 8));
      const q = OPEN_Q + Math.floor(rnd() * (CLOSE_Q - OPEN_Q - len + 1));
      let free = true;
      for (let i = 0; i < len; i++) if (taken[q + i]) free = false;
      if (!free) continue;
      for (let i = 0; i < len; i++) taken[q + i] = 1;
      const x = rnd();
      out.push({
        id: historyId(options.idPrefix ?? "hist", out.length, dayStart - DAY),
        resource,
        resident: Math.floor(rnd() * RESIDENTS),
        start: dayStart + q * QUARTER,
        end: dayStart + (q + len) * QUARTER,
        status: x < 0.1 ? "cancelled" : x < 0.12 ? "no-show" : dayStart >= NOW ? "confirmed" : "completed",
      });
      placed++;
    }
  }
  if (out.length !== count) throw new Error(`history: placed ${out.length} of ${count} bookings`);
  return out;
}

/** The k-th booking a bench makes: room k mod 50, then the next free quarter-hour pair, in the future. */
export function nthRequest(k: number, firstDay = NOW + DAY): { resourceId: string; start: Date; end: Date } {
  const perDay = (CLOSE_Q - OPEN_Q) / 2;
  const r = k % RESOURCES;
  const n = Math.floor(k / RESOURCES);
  const day = Math.floor(n / perDay);
  const q = OPEN_Q + (n % perDay) * 2;
  const start = firstDay + day * DAY + q * QUARTER;
  return { resourceId: roomId(r), start: new Date(start), end: new Date(start + 2 * QUARTER) };
}
