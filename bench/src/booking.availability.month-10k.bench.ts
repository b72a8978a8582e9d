import {
  availableSlots,
  type BookingFacts,
  builtInRuleKinds,
  openingHoursKind,
  ruleKindMap,
} from "@linli/booking";
import { localParts, type Resource } from "@linli/core";
import { getSlots } from "slot-calculator";
import { compare } from "./report";

// Free 15-minute slots over 30 days for one resource (capacity 1, open 07:00–22:00 every day
// in Asia/Shanghai) with 10,000 bookings in the year. Bookings lie on the 15-minute grid so
// that slot-calculator (which has no capacity and walks minute by minute) answers the same
// question; every side gets the same 10,000 bookings.
const ZONE = "Asia/Shanghai";
const MIN = 60_000;
const QUARTER = 15 * MIN;
const OPEN = 7 * 60;
const CLOSE = 22 * 60;
const YEAR_START = Date.parse("2026-01-01T00:00:00+08:00");
const WINDOW_START = Date.parse("2026-06-01T00:00:00+08:00");
const WINDOW_END = WINDOW_START + 30 * 86_400_000;

/** A seeded PRNG (mulberry32), so every run benches the same year. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 non-overlapping bookings over 365 days, 15 or 30 minutes each, inside opening hours. */
function yearOfBookings(): BookingFacts[] {
  const rnd = random(20260601);
  const out: BookingFacts[] = [];
  for (let day = 0; day < 365; day++) {
    const dayStart = YEAR_START + day * 86_400_000;
    const taken = new Set<number>();
    // 27 or 28 a day, 10,000 in all.
    const target = Math.floor((10_000 * (day + 1)) / 365) - Math.floor((10_000 * day) / 365);
    for (let placed = 0; placed < target; ) {
      const len = 1 + Math.floor(rnd() * 2);
      const q = OPEN / 15 + Math.floor(rnd() * ((CLOSE - OPEN) / 15 - len + 1));
      if ([...Array(len).keys()].some((i) => taken.has(q + i))) continue;
      for (let i = 0; i < len; i++) taken.add(q + i);
      const start = new Date(dayStart + q * QUARTER);
      out.push({
        id: `b${out.length}`,
        resourceId: "reading-room",
        zoneId: null,
        residentId: "r",
        start,
        end: new Date(start.getTime() + len * QUARTER),
        quantity: 1,
        status: "confirmed",
      });
      placed++;
    }
  }
  return out;
}

const bookings = yearOfBookings();
const resource: Resource = {
  id: "reading-room",
  kind: "space",
  name: { "zh-CN": "阅览室", en: "Reading room" },
  capacity: 1,
  zones: [],
  tags: [],
};
const kinds = ruleKindMap(builtInRuleKinds);
const week = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const hours = openingHoursKind.params.parse({
  weekly: Object.fromEntries(week.map((d) => [d, [{ from: "07:00", to: "22:00" }]])),
});
const rules = [{ id: "hours", kind: "opening-hours", params: hours, targets: new Set(["reading-room"]) }];

function ours(): string[] {
  return availableSlots({
    resource,
    rules,
    kinds,
    timeZone: ZONE,
    now: new Date(WINDOW_START),
    start: new Date(WINDOW_START),
    end: new Date(WINDOW_END),
    bookings,
    who: { actorKind: "resident" },
    durationMinutes: 15,
    defaultGranularityMinutes: 15,
  }).map((s) => s.start.toISOString());
}

/** The naive way: for every slot, convert to local time and scan every booking. */
function naiveScan(): string[] {
  const out: string[] = [];
  for (let t = WINDOW_START; t < WINDOW_END; t += QUARTER) {
    const from = localParts(new Date(t), ZONE).minuteOfDay;
    if (from < OPEN || from + 15 > CLOSE) continue;
    let busy = false;
    for (const b of bookings) {
      if (b.start.getTime() < t + QUARTER && b.end.getTime() > t) {
        busy = true;
        break;
      }
    }
    if (!busy) out.push(new Date(t).toISOString());
  }
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();
const opening = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map((day) => ({
  day,
  from: "07:00",
  to: "22:00",
  timezone: ZONE,
}));
const unavailability = bookings.map((b) => ({ from: b.start.toISOString(), to: b.end.toISOString() }));
const inWindow = bookings
  .filter((b) => b.end.getTime() > WINDOW_START && b.start.getTime() < WINDOW_END)
  .map((b) => ({ from: b.start.toISOString(), to: b.end.toISOString() }));

function peer(input: { from: string; to: string }[]): string[] {
  const { availableSlots: free } = getSlots({
    from: iso(WINDOW_START),
    to: iso(WINDOW_END),
    availability: opening,
    unavailability: input,
    duration: 15,
    outputTimezone: "UTC",
  });
  return free.map((s) => new Date(s.from).toISOString());
}

export default () =>
  compare({
    id: "booking.availability.month-10k",
    unit: "ms",
    params: { bookings: bookings.length, days: 30, granularityMin: 15, capacity: 1, timeZone: ZONE },
    ours: { name: "linli-availableSlots", run: ours },
    baseline: { name: "naive-scan", run: naiveScan },
    peers: [
      { name: "slot-calculator", run: () => peer(unavailability) },
      { name: "slot-calculator-window-prefiltered", run: () => peer(inWindow) },
    ],
    extra: { targets: { ratioOverPeer: 10, medianMs: 5 } },
  });
