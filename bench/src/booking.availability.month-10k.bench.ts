import {
  availableSlots,
  type BookingFacts,
  builtInRuleKinds,
  openingHoursKind,
  ruleKindMap,
  slotGridKind,
} from "@linli/booking";
import { addLocalDays, localDate, type Resource, startOfLocalDay } from "@linli/core";
import { getSlots } from "slot-calculator";
import { random } from "./lib/rng";
import { compare } from "./report";

// Free 15-minute slots over 30 days for one resource (capacity 1, open 07:00–22:00 every day
// in Asia/Shanghai, on a 15-minute `slot-grid`) with 10,000 bookings in the year. Bookings lie on the 15-minute grid so
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
const targets = new Set(["reading-room"]);
const rules = [
  { id: "hours", kind: "opening-hours", params: hours, targets },
  { id: "grid", kind: "slot-grid", params: slotGridKind.params.parse({ granularityMinutes: 15 }), targets },
];

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

/**
 * The same job written by hand, fairly: local midnight computed once a day, the grid walked
 * from opening to closing, the year's bookings filtered to the window once, then per slot a
 * scan of those.
 */
function naiveScan(): string[] {
  const out: string[] = [];
  const list = bookings.filter((b) => b.start.getTime() < WINDOW_END && b.end.getTime() > WINDOW_START);
  const last = localDate(new Date(WINDOW_END - 1), ZONE);
  for (let d = localDate(new Date(WINDOW_START), ZONE); d <= last; d = addLocalDays(d, 1)) {
    const midnight = startOfLocalDay(d, ZONE).getTime();
    for (let m = OPEN; m + 15 <= CLOSE; m += 15) {
      const t = midnight + m * MIN;
      if (t < WINDOW_START || t >= WINDOW_END) continue;
      let busy = false;
      for (const b of list) {
        if (b.start.getTime() < t + QUARTER && b.end.getTime() > t) {
          busy = true;
          break;
        }
      }
      if (!busy) out.push(new Date(t).toISOString());
    }
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
    params: {
      bookings: bookings.length,
      days: 30,
      granularityMin: 15,
      capacity: 1,
      timeZone: ZONE,
      rules: "opening-hours, slot-grid 15",
    },
    ours: { name: "linli-availableSlots", run: ours },
    baseline: { name: "naive-scan", run: naiveScan },
    peers: [
      { name: "slot-calculator", run: () => peer(unavailability) },
      { name: "slot-calculator-window-prefiltered", run: () => peer(inWindow) },
    ],
    extra: { targets: { ratio: 2, medianMs: 2 } },
  });
