import {
  availableSlots,
  type BookingFacts,
  builtInRuleKinds,
  openingHoursKind,
  ruleKindMap,
  slotGridKind,
} from "@linli/booking";
import { addLocalDays, localDate, type Resource, startOfLocalDay } from "@linli/core";
import { random } from "./lib/rng";
import { compare, cpuTimes } from "./report";

// One day's free 15-minute slots (with remaining capacity) for 300 resources with 50
// bookings each: a city desk answering "what is free today anywhere in the community".
// Resources hold 3 units and open 06:00–23:00 in Asia/Shanghai on a 15-minute `slot-grid`
// (the rules a real config has); bookings lie on the grid.
const ZONE = "Asia/Shanghai";
const QUARTER = 15 * 60_000;
const OPEN = 6 * 60;
const CLOSE = 23 * 60;
const DAY_START = Date.parse("2026-06-01T00:00:00+08:00");
const DAY_END = DAY_START + 86_400_000;
const RESOURCES = 300;
const PER_RESOURCE = 50;
const CAPACITY = 3;

const rnd = random(300);
const grid = slotGridKind.params.parse({ granularityMinutes: 15 });
const resources: Resource[] = [];
const bookings = new Map<string, BookingFacts[]>();
for (let r = 0; r < RESOURCES; r++) {
  const id = `room-${r}`;
  resources.push({
    id,
    kind: "space",
    name: { "zh-CN": id, en: id },
    capacity: CAPACITY,
    zones: [],
    tags: [],
  });
  const list: BookingFacts[] = [];
  for (let k = 0; k < PER_RESOURCE; k++) {
    const q = Math.floor(rnd() * ((CLOSE - OPEN) / 15 - 4)) + OPEN / 15;
    const start = new Date(DAY_START + q * QUARTER);
    list.push({
      id: `${id}-b${k}`,
      resourceId: id,
      zoneId: null,
      residentId: "r",
      start,
      end: new Date(start.getTime() + (1 + Math.floor(rnd() * 4)) * QUARTER),
      quantity: 1,
      status: "confirmed",
    });
  }
  bookings.set(id, list);
}
const kinds = ruleKindMap(builtInRuleKinds);
const hours = openingHoursKind.params.parse({
  weekly: Object.fromEntries(
    ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ from: "06:00", to: "23:00" }]]),
  ),
});

// The answer of both sides, flat: resource index, slot start (epoch ms) and units remaining,
// per free slot, written into a buffer of each side's own and copied out once. Numbers, not
// a string per slot, so that collecting the answer for the equality check costs both sides
// the same small amount next to the work timed (strings cost more than either side's sweep).
type Answer = Float64Array;
const SLOTS_A_DAY = 24 * 4 + 4; // a fall-back day has 100 quarter-hours
const oursOut = new Float64Array(RESOURCES * SLOTS_A_DAY * 3);
const naiveOut = new Float64Array(RESOURCES * SLOTS_A_DAY * 3);
const datesOut = new Float64Array(RESOURCES * SLOTS_A_DAY * 3);

/**
 * The sweep's input for resource `r` (the rules built per call, as an app would), in the
 * slot form asked for, as one object literal: a spread of it per call would give every call's
 * input a fresh hidden class in V8 (the bench's cost, not the library's).
 */
function inputOf<F extends "date" | "epoch-ms">(r: number, slotInstants: F) {
  const resource = resources[r]!;
  const targets = new Set([resource.id]);
  const rules = [
    { id: "hours", kind: "opening-hours", params: hours, targets },
    { id: "grid", kind: "slot-grid", params: grid, targets },
  ];
  return {
    resource,
    rules,
    kinds,
    timeZone: ZONE,
    now: new Date(DAY_START),
    start: new Date(DAY_START),
    end: new Date(DAY_END),
    bookings: bookings.get(resource.id)!,
    who: { actorKind: "resident" as const },
    durationMinutes: 15,
    defaultGranularityMinutes: 15,
    slotInstants,
  };
}

/** Ours, timed: `availableSlots` with `slotInstants: "epoch-ms"` (numbers, as the naive scan writes). */
function ours(): Answer {
  const out = oursOut;
  let n = 0;
  for (let r = 0; r < RESOURCES; r++) {
    for (const s of availableSlots(inputOf(r, "epoch-ms"))) {
      out[n++] = r;
      out[n++] = s.start;
      out[n++] = s.remaining;
    }
  }
  return out.slice(0, n);
}

/** Ours in the default form (a `Date` per slot instant): reported alongside, not hidden. */
function oursDates(): Answer {
  const out = datesOut;
  let n = 0;
  for (let r = 0; r < RESOURCES; r++) {
    for (const s of availableSlots(inputOf(r, "date"))) {
      out[n++] = r;
      out[n++] = s.start.getTime();
      out[n++] = s.remaining;
    }
  }
  return out.slice(0, n);
}

/**
 * The same job written by hand, fairly: local midnight computed once a day (not a local-time
 * conversion per slot), the grid walked from opening to closing, the resource's bookings
 * filtered to the window once, then per slot a scan of those.
 */
function naiveScan(): Answer {
  const out = naiveOut;
  let n = 0;
  const days: number[] = [];
  const last = localDate(new Date(DAY_END - 1), ZONE);
  for (let d = localDate(new Date(DAY_START), ZONE); d <= last; d = addLocalDays(d, 1))
    days.push(startOfLocalDay(d, ZONE).getTime());
  for (let r = 0; r < RESOURCES; r++) {
    const resource = resources[r]!;
    const list = bookings
      .get(resource.id)!
      .filter((b) => b.start.getTime() < DAY_END && b.end.getTime() > DAY_START);
    for (const midnight of days) {
      for (let m = OPEN; m + 15 <= CLOSE; m += 15) {
        const t = midnight + m * 60_000;
        if (t < DAY_START || t >= DAY_END) continue;
        // On the grid, a booking overlapping a quarter covers all of it: the sum is the peak.
        let used = 0;
        for (const b of list) if (b.start.getTime() < t + QUARTER && b.end.getTime() > t) used += b.quantity;
        if (used < CAPACITY) {
          out[n++] = r;
          out[n++] = t;
          out[n++] = CAPACITY - used;
        }
      }
    }
  }
  return out.slice(0, n);
}

const naive = { name: "naive-scan", run: naiveScan };
const dates = { name: "linli-availableSlots-dates", run: oursDates };

export default async () => {
  // The default (`Date`) form against the same baseline, in CPU time, before the main
  // comparison (which also reports its wall-clock median as a peer, its answer checked equal).
  const datesCpu = process.env.BENCH_CPU
    ? await cpuTimes({
        id: "dates",
        unit: "ms",
        params: {},
        ours: dates,
        baseline: naive,
      })
    : undefined;
  await compare({
    id: "booking.availability.day-300",
    unit: "ms",
    params: {
      timed: "availableSlots with slotInstants epoch-ms (numbers, as the naive scan writes)",
      ...(datesCpu
        ? { dateFormCpu: { oursMs: datesCpu.oursMs, baselineMs: datesCpu.baselineMs, ratio: datesCpu.ratio } }
        : {}),
      resources: RESOURCES,
      bookingsPerResource: PER_RESOURCE,
      granularityMin: 15,
      capacity: CAPACITY,
      timeZone: ZONE,
      rules: "opening-hours, slot-grid 15",
    },
    ours: { name: "linli-availableSlots-epoch-ms", run: ours },
    baseline: naive,
    peers: [dates],
    extra: { targets: { ratio: 2, medianMs: 10 } },
  });
};
