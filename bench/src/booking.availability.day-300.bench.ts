import {
  availableSlots,
  type BookingFacts,
  builtInRuleKinds,
  openingHoursKind,
  ruleKindMap,
} from "@linli/booking";
import { localParts, type Resource } from "@linli/core";
import { compare } from "./report";

// One day's free 15-minute slots (with remaining capacity) for 300 resources with 50
// bookings each: a city desk answering "what is free today anywhere in the community".
// Resources hold 3 units and open 06:00–23:00 in Asia/Shanghai; bookings lie on the grid.
const ZONE = "Asia/Shanghai";
const QUARTER = 15 * 60_000;
const OPEN = 6 * 60;
const CLOSE = 23 * 60;
const DAY_START = Date.parse("2026-06-01T00:00:00+08:00");
const DAY_END = DAY_START + 86_400_000;
const RESOURCES = 300;
const PER_RESOURCE = 50;
const CAPACITY = 3;

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const rnd = random(300);
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

type Answer = string[];

function ours(): Answer {
  const out: string[] = [];
  for (const resource of resources) {
    const rules = [{ id: "hours", kind: "opening-hours", params: hours, targets: new Set([resource.id]) }];
    for (const s of availableSlots({
      resource,
      rules,
      kinds,
      timeZone: ZONE,
      now: new Date(DAY_START),
      start: new Date(DAY_START),
      end: new Date(DAY_END),
      bookings: bookings.get(resource.id)!,
      who: { actorKind: "resident" },
      durationMinutes: 15,
      defaultGranularityMinutes: 15,
    }))
      out.push(`${resource.id}@${s.start.getTime()}:${s.remaining}`);
  }
  return out;
}

/** Per resource, per slot: local time check and a scan of the resource's bookings. */
function naiveScan(): Answer {
  const out: string[] = [];
  for (const resource of resources) {
    const list = bookings.get(resource.id)!;
    for (let t = DAY_START; t < DAY_END; t += QUARTER) {
      const from = localParts(new Date(t), ZONE).minuteOfDay;
      if (from < OPEN || from + 15 > CLOSE) continue;
      // On the grid, a booking overlapping a quarter covers all of it: the sum is the peak.
      let used = 0;
      for (const b of list) if (b.start.getTime() < t + QUARTER && b.end.getTime() > t) used += b.quantity;
      if (used < CAPACITY) out.push(`${resource.id}@${t}:${CAPACITY - used}`);
    }
  }
  return out;
}

export default () =>
  compare({
    id: "booking.availability.day-300",
    unit: "ms",
    params: {
      resources: RESOURCES,
      bookingsPerResource: PER_RESOURCE,
      granularityMin: 15,
      capacity: CAPACITY,
      timeZone: ZONE,
    },
    ours: { name: "linli-availableSlots", run: ours },
    baseline: { name: "naive-scan", run: naiveScan },
    extra: { targets: { medianMs: 20 } },
  });
