import { describe, expect, test } from "vitest";
import * as z from "zod";
import {
  bookingOn,
  slotLabels as hhmm,
  kindsWith,
  ruleParser,
  testResource,
} from "../test/availability-fixtures";
import { availableSlots } from "./availability";
import { OccupancyBuffers } from "./occupancy-steps";
import type { BookingFacts, ResolvedRule, RuleContext, WindowContext } from "./rule-kind";
import { defineRuleKind } from "./rule-kind";

// What the sweep hands the rules (window, request, context), and the paths the reference
// property seldom takes: unknown kinds, a plugin grid before a slot-grid rule, a rule asking
// for availability from inside `evaluate`, a window ending between minutes, occupancy buffers
// filled to the brim.

const MINUTE = 60_000;
const resource = testResource("room", 2);
const noParams = z.object({});
const description = { "zh-CN": "测试", en: "test" };
const ruleOf = (kind: string, params: Record<string, unknown> = {}): ResolvedRule => ({
  id: kind,
  kind,
  params,
  targets: new Set(["room"]),
});
const booking = bookingOn("room", (start, extra) => `${start}-${extra.zoneId ?? ""}`);
const base = {
  resource,
  timeZone: "UTC",
  now: new Date("2026-07-06T08:00:00Z"),
  start: new Date("2026-07-06T08:00:00Z"),
  end: new Date("2026-07-06T10:00:00Z"),
  bookings: [] as BookingFacts[],
  who: { actorKind: "resident" as const, residentId: "me", groups: ["g1"] },
  defaultGranularityMinutes: 60,
};
/** A plugin kind that only offers an hourly grid (no refusals). */
const hourlyGrid = defineRuleKind({
  kind: "test-hourly",
  description,
  params: noParams,
  evaluate: () => [],
  grid: () => ({ granularityMinutes: 60, offsetMinutes: 0 }),
});
/** A `slot-grid` rule with its params parsed by the kind, as the config would resolve it. */
const slotGridRule = (
  kinds: ReturnType<typeof kindsWith>,
  granularityMinutes: number,
  offsetMinutes = 0,
  id = "slot-grid",
): ResolvedRule => ruleParser(kinds, "room")(id, "slot-grid", { granularityMinutes, offsetMinutes });

describe("the sweep hands the rules what they read", () => {
  test("a window rule gets the window (widened by one slot), the zone's resource and who asks", () => {
    const seen: WindowContext[] = [];
    const windowKind = defineRuleKind({
      kind: "test-window",
      description,
      params: noParams,
      evaluate: () => [],
      allowedIntervals: (_params, cx) => {
        seen.push(cx);
        return [{ start: cx.start.getTime(), end: cx.start.getTime() + 60 * MINUTE }];
      },
    });
    const rule = ruleOf("test-window");
    // Only the allowed intervals decide (this kind's evaluate allows everything).
    expect(hhmm(availableSlots({ ...base, kinds: kindsWith(windowKind), rules: [rule] }))).toEqual([
      "08:00/2",
    ]);
    expect(seen).toEqual([
      {
        rule,
        start: new Date("2026-07-06T08:00:00Z"),
        end: new Date("2026-07-06T11:00:00Z"),
        now: base.now,
        timeZone: "UTC",
        resource,
        actorKind: "resident",
        residentId: "me",
        groups: ["g1"],
      },
    ]);
  });

  test("a per-slot rule gets each slot's request and the scene: capacity, buffers, the resident's bookings, facts", () => {
    const seen: RuleContext[] = [];
    const slotKind = defineRuleKind({
      kind: "test-slot",
      description,
      params: noParams,
      evaluate: (_params, cx) => {
        seen.push(cx);
        return [];
      },
    });
    const rule = ruleOf("test-slot");
    const mine = [booking("2026-07-01T08:00:00Z", "2026-07-01T09:00:00Z", { residentId: "me" })];
    const kinds = kindsWith(slotKind);
    const cap = { id: "cap", kind: "capacity", params: { maxPerSlot: 5 }, targets: new Set(["room"]) };
    const turnover = {
      id: "turnover",
      kind: "buffers",
      params: kinds.get("buffers")!.params.parse({ beforeMinutes: 0, afterMinutes: 0 }),
      targets: new Set(["room"]),
    };
    availableSlots({
      ...base,
      zoneId: "east",
      kinds,
      rules: [rule, cap, turnover],
      residentBookings: mine,
      facts: { membership: { active: true } },
      quantity: 2,
      physicalCapacity: 3,
    });
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual({
      rule,
      request: {
        resourceId: "room",
        zoneId: "east",
        start: new Date("2026-07-06T09:00:00Z"),
        end: new Date("2026-07-06T10:00:00Z"),
        quantity: 2,
        residentId: "me",
        actorKind: "resident",
        groups: ["g1"],
      },
      now: base.now,
      timeZone: "UTC",
      resource,
      snapshot: { resourceBookings: [], residentBookings: mine, facts: { membership: { active: true } } },
      capacity: 3,
      buffer: { beforeMs: 0, afterMs: 0 },
    });
  });

  test("without a resident, groups, resident bookings or facts, rules see null and empty ones", () => {
    const windows: WindowContext[] = [];
    const contexts: RuleContext[] = [];
    const both = defineRuleKind({
      kind: "test-both",
      description,
      params: noParams,
      evaluate: () => [],
      allowedIntervals: (_params, cx) => {
        windows.push(cx);
        return [{ start: cx.start.getTime(), end: cx.end.getTime() }];
      },
    });
    const slot = defineRuleKind({
      kind: "test-slot",
      description,
      params: noParams,
      evaluate: (_params, cx) => {
        contexts.push(cx);
        return [];
      },
    });
    availableSlots({
      ...base,
      who: { actorKind: "staff" },
      kinds: kindsWith(both, slot),
      rules: [ruleOf("test-both"), ruleOf("test-slot")],
    });
    expect(windows[0]).toMatchObject({ actorKind: "staff", residentId: null, groups: [] });
    expect(contexts[0]!.request).toMatchObject({ residentId: null, groups: [], zoneId: null, quantity: 1 });
    expect(contexts[0]!.snapshot).toEqual({ resourceBookings: [], residentBookings: [], facts: {} });
  });

  test("a per-slot refusal removes only that slot; a rule of an unknown kind is ignored", () => {
    const noNine = defineRuleKind({
      kind: "test-no-nine",
      description,
      params: noParams,
      evaluate: (_params, cx) =>
        cx.request.start.getUTCHours() === 9
          ? [{ code: "NOT_AT_NINE", rule: cx.rule.id, params: {}, message: description }]
          : [],
    });
    const slots = availableSlots({
      ...base,
      kinds: kindsWith(noNine),
      rules: [ruleOf("no-such-kind"), ruleOf("test-no-nine")],
    });
    expect(hhmm(slots)).toEqual(["08:00/2"]);
  });

  test("a duration rule is asked once, about the slot length: a refused length offers nothing", () => {
    const kinds = kindsWith();
    const duration = (params: Record<string, unknown>): ResolvedRule => ({
      ...ruleOf("duration"),
      params: kinds.get("duration")!.params.parse(params) as Record<string, unknown>,
    });
    expect(availableSlots({ ...base, kinds, rules: [duration({ minMinutes: 90 })] })).toEqual([]);
    expect(hhmm(availableSlots({ ...base, kinds, rules: [duration({ maxMinutes: 60 })] }))).toEqual([
      "08:00/2",
      "09:00/2",
    ]);
  });
});

describe("the slot grid", () => {
  test("the first grid given sets the slot starts, even when a slot-grid rule comes after it", () => {
    const kinds = kindsWith(hourlyGrid);
    const halfHours = slotGridRule(kinds, 30);
    const slots = availableSlots({
      ...base,
      kinds,
      rules: [ruleOf("test-hourly"), halfHours],
      durationMinutes: 30,
    });
    // Starts on the hourly grid, each slot's start and end on the half-hour grid too.
    expect(hhmm(slots)).toEqual(["08:00/2", "09:00/2"]);
  });

  test("a slot-grid rule of the same step but another offset than the first grid gives no starts", () => {
    const kinds = kindsWith(hourlyGrid);
    const halfPast = slotGridRule(kinds, 60, 30);
    // Starts on the hour (the first grid); none is on the half-past grid.
    expect(availableSlots({ ...base, kinds, rules: [ruleOf("test-hourly"), halfPast] })).toEqual([]);
  });

  test("a window ending a millisecond after a grid point still offers the slot starting there", () => {
    const kinds = kindsWith();
    const grid = slotGridRule(kinds, 60);
    const slots = availableSlots({
      ...base,
      kinds,
      rules: [grid],
      end: new Date(Date.parse("2026-07-06T10:00:00Z") + 1),
    });
    expect(hhmm(slots)).toEqual(["08:00/2", "09:00/2", "10:00/2"]);
  });
});

describe("a rule asking for availability from inside evaluate", () => {
  test("the outer sweep keeps its own occupancy, however many inner calls it makes", () => {
    const kinds = kindsWith();
    const innerBookings = [
      booking("2026-07-06T08:00:00Z", "2026-07-06T10:00:00Z", { quantity: 2 }),
      booking("2026-07-06T07:00:00Z", "2026-07-06T07:30:00Z"),
    ];
    let inner = 0;
    const nested = defineRuleKind({
      kind: "test-nested",
      description,
      params: noParams,
      evaluate: () => {
        inner++;
        // Another resource, fully booked: its occupancy must not leak into the outer sweep.
        const there = availableSlots({ ...base, kinds, rules: [], bookings: innerBookings });
        expect(there).toEqual([]);
        return [];
      },
    });
    const outerBookings = [booking("2026-07-06T08:00:00Z", "2026-07-06T09:00:00Z")];
    const plain = availableSlots({ ...base, kinds, rules: [], bookings: outerBookings });
    const asked = availableSlots({
      ...base,
      kinds: kindsWith(nested),
      rules: [ruleOf("test-nested")],
      bookings: outerBookings,
      defaultGranularityMinutes: 15,
      durationMinutes: 60,
    });
    expect(inner).toBeGreaterThan(2);
    expect(hhmm(plain)).toEqual(["08:00/1", "09:00/2"]);
    expect(hhmm(asked)).toEqual([
      "08:00/1",
      "08:15/1",
      "08:30/1",
      "08:45/1",
      "09:00/2",
      "09:15/2",
      "09:30/2",
      "09:45/2",
    ]);
    // And the shared buffers are free again afterwards.
    expect(hhmm(availableSlots({ ...base, kinds, rules: [], bookings: outerBookings }))).toEqual(hhmm(plain));
  });
});

describe("occupancy buffers filled to the brim", () => {
  // A fresh OccupancyBuffers grows to exactly the booking count (at least 64): every boundary
  // distinct fills the step arrays (2k + 1 steps) to their last element.
  const reference = (starts: readonly number[], length: number, from: number, to: number) => {
    const kept = starts.filter((s) => s + length > from && s < to);
    const times = [...new Set(kept.flatMap((s) => [s, s + length]))].sort((a, b) => a - b);
    const levels = times.map((t) => kept.filter((s) => s <= t && s + length > t).length);
    return { times: [Number.NEGATIVE_INFINITY, ...times], levels: [0, ...levels] };
  };
  const asFacts = (starts: readonly number[], length: number) =>
    starts.map(
      (s, i): BookingFacts => ({
        id: `b${i}`,
        resourceId: "room",
        zoneId: null,
        residentId: null,
        start: new Date(s),
        end: new Date(s + length),
        quantity: 1,
        status: "confirmed",
      }),
    );

  for (const [name, count, order] of [
    ["64 in order (insertion sort)", 64, "ascending"],
    ["200 in reverse (past the insertion budget: native sort)", 200, "descending"],
    ["130 in order after a call with 64 (the buffers grow)", 130, "ascending"],
  ] as const) {
    test(name, () => {
      const buffers = new OccupancyBuffers();
      if (count === 130) buffers.occupancySteps(asFacts([0], MINUTE), null, 0, 10 * MINUTE);
      const length = 3 * MINUTE + 1;
      const starts = Array.from({ length: count }, (_, i) => i * 2 * MINUTE);
      if (order === "descending") starts.reverse();
      const steps = buffers.occupancySteps(asFacts(starts, length), null, -1, 1e12);
      const expected = reference(starts, length, -1, 1e12);
      expect(steps.size).toBe(2 * count + 1);
      expect(Array.from(steps.times.subarray(0, steps.size))).toEqual(expected.times);
      expect(Array.from(steps.levels.subarray(0, steps.size))).toEqual(expected.levels);
    });
  }

  test("bookings touching the range's ends are left out; a zone keeps only its own", () => {
    const buffers = new OccupancyBuffers();
    const bookings = [
      booking("2026-07-06T07:00:00Z", "2026-07-06T08:00:00Z"),
      booking("2026-07-06T10:00:00Z", "2026-07-06T11:00:00Z"),
      booking("2026-07-06T09:00:00Z", "2026-07-06T09:30:00Z", { zoneId: "east", quantity: 2 }),
      booking("2026-07-06T08:30:00Z", "2026-07-06T09:30:00Z", { zoneId: "west" }),
    ];
    const from = Date.parse("2026-07-06T08:00:00Z");
    const to = Date.parse("2026-07-06T10:00:00Z");
    const east = buffers.occupancySteps(bookings, "east", from, to);
    expect(Array.from(east.times.subarray(0, east.size))).toEqual([
      Number.NEGATIVE_INFINITY,
      Date.parse("2026-07-06T09:00:00Z"),
      Date.parse("2026-07-06T09:30:00Z"),
    ]);
    expect(Array.from(east.levels.subarray(0, east.size))).toEqual([0, 2, 0]);
    const all = buffers.occupancySteps(bookings, null, from, to);
    expect(Array.from(all.levels.subarray(0, all.size))).toEqual([0, 1, 3, 0]);
  });
});

describe("buffers around the window", () => {
  // A booking just outside the window still counts when a slot widened by the buffers meets it:
  // availability offered these slots and booking refused them (TURNOVER_CONFLICT) when the
  // before-buffer was longer than the after-buffer plus the slot, or the after-buffer longer
  // than the before-buffer.
  const kinds = kindsWith();
  const buffers = (beforeMinutes: number, afterMinutes: number): ResolvedRule => ({
    ...ruleOf("buffers"),
    params: kinds.get("buffers")!.params.parse({ beforeMinutes, afterMinutes }) as Record<string, unknown>,
  });
  const full = (start: string, end: string) => booking(start, end, { quantity: 2 });

  test("a long before-buffer reaches a booking that ended before the window", () => {
    const slots = availableSlots({
      ...base,
      kinds,
      rules: [buffers(30, 0)],
      bookings: [full("2026-07-06T07:00:00Z", "2026-07-06T07:40:00Z")],
      durationMinutes: 15,
      defaultGranularityMinutes: 15,
    });
    expect(hhmm(slots)[0]).toBe("08:15/2");
  });

  test("a long after-buffer reaches a booking that starts after the window", () => {
    const slots = availableSlots({
      ...base,
      kinds,
      rules: [buffers(0, 30)],
      bookings: [full("2026-07-06T10:20:00Z", "2026-07-06T10:40:00Z")],
      durationMinutes: 15,
      defaultGranularityMinutes: 15,
    });
    expect(hhmm(slots).at(-1)).toBe("09:30/2");
  });
});

describe("the window and the defaults", () => {
  const kinds = kindsWith();

  test("slots before now are not offered; without a grid or default, slots are quarter-hours", () => {
    const { defaultGranularityMinutes: _, ...noDefault } = base;
    const slots = availableSlots({
      ...noDefault,
      kinds,
      rules: [],
      now: new Date("2026-07-06T09:20:00Z"),
    });
    expect(hhmm(slots)).toEqual(["09:30/2", "09:45/2"]);
  });

  test("a quantity equal to the capacity is offered where nothing is booked", () => {
    const slots = availableSlots({
      ...base,
      kinds,
      rules: [],
      quantity: 2,
      bookings: [booking("2026-07-06T08:00:00Z", "2026-07-06T08:30:00Z")],
    });
    expect(hhmm(slots)).toEqual(["09:00/2"]);
  });

  test("a slot starting exactly where a second open range begins is offered", () => {
    const hours = {
      ...ruleOf("opening-hours"),
      params: kinds.get("opening-hours")!.params.parse({
        weekly: {
          mon: [
            { from: "08:00", to: "08:30" },
            { from: "09:00", to: "10:00" },
          ],
        },
      }) as Record<string, unknown>,
    };
    const slots = availableSlots({ ...base, kinds, rules: [hours], defaultGranularityMinutes: 30 });
    expect(hhmm(slots)).toEqual(["08:00/2", "09:00/2", "09:30/2"]);
  });

  test("kinds giving a capacity or buffers are read through them, not asked slot by slot", () => {
    let asked = 0;
    const capped = defineRuleKind({
      kind: "test-capped",
      description,
      params: noParams,
      evaluate: () => {
        asked++;
        return [];
      },
      capacity: () => 1,
    });
    const padded = defineRuleKind({
      kind: "test-padded",
      description,
      params: noParams,
      evaluate: () => {
        asked++;
        return [];
      },
      buffer: () => ({ beforeMinutes: 0, afterMinutes: 0 }),
    });
    const slots = availableSlots({
      ...base,
      kinds: kindsWith(capped, padded),
      rules: [ruleOf("test-capped"), ruleOf("test-padded")],
    });
    expect(hhmm(slots)).toEqual(["08:00/1", "09:00/1"]);
    expect(asked).toBe(0);
  });
});

describe("several rules of one kind", () => {
  test("one slot-grid rule refusing a slot is enough, whatever the next one says", () => {
    const kinds = kindsWith();
    const grid = (granularityMinutes: number) =>
      slotGridRule(kinds, granularityMinutes, 0, `grid-${granularityMinutes}`);
    // Hourly starts; a 30-minute slot ends off the hourly grid, on the half-hour one.
    expect(availableSlots({ ...base, kinds, rules: [grid(60), grid(30)], durationMinutes: 30 })).toEqual([]);
  });

  test("a slot-grid rule refuses a slot whose start is off its grid even when its end is on it", () => {
    const kinds = kindsWith();
    const grid = (granularityMinutes: number, offsetMinutes: number) =>
      slotGridRule(kinds, granularityMinutes, offsetMinutes, `grid-${granularityMinutes}`);
    // Starts every half hour; the second grid has only the half past.
    const slots = availableSlots({ ...base, kinds, rules: [grid(30, 0), grid(60, 30)], durationMinutes: 60 });
    expect(hhmm(slots)).toEqual(["08:30/2", "09:30/2"]);
    expect(
      availableSlots({ ...base, kinds, rules: [grid(30, 0), grid(60, 30)], durationMinutes: 30 }),
    ).toEqual([]);
  });

  test("one per-slot rule refusing a slot is enough, whatever the next one says", () => {
    const noNine = defineRuleKind({
      kind: "test-no-nine",
      description,
      params: noParams,
      evaluate: (_params, cx) =>
        cx.request.start.getUTCHours() === 9
          ? [{ code: "NOT_AT_NINE", rule: cx.rule.id, params: {}, message: description }]
          : [],
    });
    const yes = defineRuleKind({ kind: "test-yes", description, params: noParams, evaluate: () => [] });
    const slots = availableSlots({
      ...base,
      kinds: kindsWith(noNine, yes),
      rules: [ruleOf("test-no-nine"), ruleOf("test-yes")],
    });
    expect(hhmm(slots)).toEqual(["08:00/2"]);
  });
});
