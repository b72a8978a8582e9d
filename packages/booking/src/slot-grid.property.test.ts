import { offsetTransitions, type Resource } from "@linli/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { availableSlots } from "./availability";
import { evaluateBooking } from "./evaluate-booking";
import { ruleKindMap } from "./rule-book";
import type { ResolvedRule } from "./rule-kind";
import { builtInRuleKinds } from "./rules/built-in-rule-kinds";
import { isOnSlotGrid } from "./slot-grid-points";

// Availability and the booking rules agree on the slot grid on DST change days in zones with
// whole-, half- and quarter-hour offsets and half-hour, one-hour and two-hour changes, at
// midnight and at other hours: for random grids, a slot is offered exactly when its start is on
// the documented grid (read here from Intl, not from linli's offset table) and evaluateBooking
// accepts it.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Zones that change their clocks in 2026 and 2027 (each must show at least four changes). */
const DST_ZONES = [
  "Australia/Lord_Howe", // +10:30/+11, half-hour changes
  "Australia/Adelaide", // +09:30/+10:30
  "America/St_Johns", // -03:30/-02:30
  "Pacific/Chatham", // +12:45/+13:45
  "Europe/London",
  "Europe/Dublin",
  "Europe/Berlin",
  "America/New_York",
  "Africa/Casablanca", // out of +01 for Ramadan
  "Pacific/Auckland",
  "America/Santiago", // changes at local midnight
  "America/Havana", // changes at local midnight / 01:00
  "Asia/Beirut", // changes at local midnight
  "Asia/Gaza",
  "Australia/Sydney",
  "America/Nuuk", // changes at 23:00 local: the skipped and repeated hours end the day
  "Antarctica/Troll", // two-hour changes
];
/** Zones without changes in 2026–2027 (quarter- and half-hour offsets among them). */
const FIXED_ZONES = ["Asia/Kathmandu", "Asia/Kolkata", "Asia/Shanghai", "America/Sao_Paulo", "Asia/Tehran"];

const kinds = ruleKindMap(builtInRuleKinds);
const resource: Resource = {
  id: "room",
  kind: "space",
  name: { "zh-CN": "活动室", en: "Activity room" },
  capacity: 1,
  zones: [],
  tags: [],
};
const now = new Date("2025-06-01T00:00:00Z");
const rule = (id: string, kind: string, params: Record<string, unknown>): ResolvedRule => ({
  id,
  kind,
  params: kinds.get(kind)!.params.parse(params) as Record<string, unknown>,
  targets: new Set(["room"]),
});
const everyDay = (ranges: { from: string; to: string }[]) => ({
  weekly: Object.fromEntries(["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, ranges])),
});
const OPENING_HOURS = [
  { alwaysOpen: true },
  everyDay([
    { from: "00:00", to: "03:30" },
    { from: "22:00", to: "24:00" },
  ]),
  everyDay([{ from: "21:30", to: "02:30" }]), // across midnight, ends inside some skipped hours
  everyDay([
    { from: "01:00", to: "03:00" },
    { from: "12:00", to: "18:00" },
  ]),
];

/** The wall-clock minute of day of each minute of `[from, to)`, read from Intl. */
function intlWallMinutes(from: number, to: number, timeZone: string): number[] {
  const format = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
  });
  const offset = (t: number) => {
    const p = Object.fromEntries(format.formatToParts(new Date(t)).map((x) => [x.type, Number(x.value)]));
    return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!) - t;
  };
  const n = (to - from) / MINUTE;
  const out: number[] = [];
  const wallMinute = (t: number, off: number) => ((((t + off) % DAY) + DAY) % DAY) / MINUTE;
  // Offsets change on whole quarter hours at most once per block: read each block's ends and,
  // where they differ, every minute of the block.
  let start = offset(from);
  for (let i = 0; i < n; i += 15) {
    const end = offset(from + Math.min(i + 15, n) * MINUTE);
    for (let j = i; j < Math.min(i + 15, n); j++) {
      const t = from + j * MINUTE;
      out.push(wallMinute(t, start === end ? start : offset(t)));
    }
    start = end;
  }
  return out;
}

interface Window {
  readonly from: number;
  readonly to: number;
  readonly walls: number[];
}

function windowsOf(timeZone: string): Window[] {
  const dst = DST_ZONES.includes(timeZone);
  const centres = dst
    ? offsetTransitions(Date.UTC(2026, 0, 1), Date.UTC(2028, 0, 1), timeZone).map((c) => c.at)
    : [Date.UTC(2026, 2, 29, 1), Date.UTC(2026, 9, 25, 1)];
  if (dst)
    expect(centres.length, `${timeZone} changes its clocks in 2026 and 2027`).toBeGreaterThanOrEqual(4);
  // From a day before the change to a day after: the whole local day of the change and its
  // neighbours' edges.
  return centres.map((at) => {
    const from = at - 26 * HOUR;
    const to = at + 26 * HOUR;
    return { from, to, walls: intlWallMinutes(from, to, timeZone) };
  });
}

const arbCase = fc.record({
  granularity: fc.oneof(
    fc.constantFrom(5, 10, 15, 20, 30, 45, 60, 90, 120, 1440),
    fc.integer({ min: 5, max: 240 }),
  ),
  offset: fc.oneof(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 1439 })),
  // The slot length: the grid step, a multiple of it, or anything (ends then often fall off the grid).
  duration: fc.oneof(fc.constant(null), fc.integer({ min: 2, max: 3 }), fc.integer({ min: -240, max: -1 })),
  hours: fc.nat(OPENING_HOURS.length - 1),
});

function checkZone(timeZone: string) {
  const windows = windowsOf(timeZone);
  fc.assert(
    fc.property(arbCase, (c) => {
      const grid = { granularityMinutes: c.granularity, offsetMinutes: c.offset };
      const durationMinutes =
        c.duration === null ? c.granularity : c.duration > 0 ? c.duration * c.granularity : -c.duration;
      const rules = [
        rule("hours", "opening-hours", OPENING_HOURS[c.hours]!),
        rule("grid", "slot-grid", grid),
        rule("capacity", "capacity", {}),
      ];
      for (const w of windows) {
        const offered = availableSlots({
          resource,
          rules,
          kinds,
          timeZone,
          now,
          start: new Date(w.from),
          end: new Date(w.to),
          bookings: [],
          who: { actorKind: "resident", residentId: "me" },
          durationMinutes,
        }).map((s) => s.start.toISOString());
        const expected: string[] = [];
        const misread: string[] = [];
        w.walls.forEach((wall, i) => {
          const t = w.from + i * MINUTE;
          const onGrid = wall >= c.offset && (wall - c.offset) % c.granularity === 0;
          // The booking rule reads the grid as documented …
          if (isOnSlotGrid(t, grid, timeZone) !== onGrid) misread.push(new Date(t).toISOString());
          if (!onGrid) return;
          // … and availability offers a grid start exactly when booking would accept it.
          const verdict = evaluateBooking({
            request: {
              resourceId: "room",
              start: new Date(t),
              end: new Date(t + durationMinutes * MINUTE),
              residentId: "me",
              actorKind: "resident",
            },
            now,
            timeZone,
            resource,
            rules,
            kinds,
            snapshot: { resourceBookings: [], residentBookings: [] },
          });
          if (verdict.decision.ok) expected.push(new Date(t).toISOString());
        });
        expect(misread, `${timeZone}: grid read unlike the definition`).toEqual([]);
        expect(offered, `${timeZone} around ${new Date(w.from + 26 * HOUR).toISOString()}`).toEqual(expected);
      }
    }),
    { seed: 20_260_329, numRuns: 12 },
  );
}

describe("slot grid on DST days: availability offers exactly the grid starts booking accepts", () => {
  test.each(DST_ZONES)("%s, every change of 2026 and 2027", (timeZone) => checkZone(timeZone));
  test.each(FIXED_ZONES)("%s, without changes", (timeZone) => checkZone(timeZone));
});
