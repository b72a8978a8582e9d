import { describe, expect, test } from "vitest";
import { codes, existing, judge } from "../../test/rule-harness";
import { buffersKind } from "./buffers";
import { capacityKind } from "./capacity";

describe("capacity and buffers", () => {
  const slot = { start: new Date("2026-07-06T01:00Z"), end: new Date("2026-07-06T02:00Z") };
  test("capacity counts the peak at any instant, not every overlapping booking", () => {
    // Two bookings overlap the slot but never each other: the peak is 1.
    const snapshot = {
      resourceBookings: [
        existing("2026-07-06T00:30Z", "2026-07-06T01:30Z"),
        existing("2026-07-06T01:30Z", "2026-07-06T02:30Z"),
      ],
    };
    expect(judge(capacityKind, {}, slot, { snapshot, capacity: 2 })).toEqual([]);
    const full = judge(capacityKind, {}, { ...slot, quantity: 2 }, { snapshot, capacity: 2 });
    expect(codes(full)).toEqual(["CAPACITY_FULL"]);
    expect(full[0]!.params).toEqual({ capacity: 2, used: 1, quantity: 2 });
  });
  test("a booking ending when the next starts does not overlap (half-open intervals)", () => {
    const snapshot = { resourceBookings: [existing("2026-07-06T00:00Z", "2026-07-06T01:00Z")] };
    expect(judge(capacityKind, {}, slot, { snapshot })).toEqual([]);
  });
  test("maxPerSlot caps below the physical capacity", () => {
    expect(capacityKind.capacity!(capacityKind.params.parse({ maxPerSlot: 20 }))).toBe(20);
  });
  test("buffers: back-to-back fits without turnover; with 30 minutes after, the turnover is the reason", () => {
    const before = existing("2026-07-06T00:00Z", "2026-07-06T01:00Z", {
      blockStart: new Date("2026-07-06T00:00Z"),
      blockEnd: new Date("2026-07-06T01:30Z"),
    });
    const buffer = { beforeMs: 0, afterMs: 30 * 60_000 };
    const v = judge(buffersKind, { afterMinutes: 30 }, slot, {
      snapshot: { resourceBookings: [before] },
      buffer,
    });
    expect(codes(v)).toEqual(["TURNOVER_CONFLICT"]);
    expect(judge(capacityKind, {}, slot, { snapshot: { resourceBookings: [before] } })).toEqual([]);
    const later = { start: new Date("2026-07-06T01:30Z"), end: new Date("2026-07-06T02:00Z") };
    expect(
      judge(buffersKind, { afterMinutes: 30 }, later, { snapshot: { resourceBookings: [before] }, buffer }),
    ).toEqual([]);
  });
});
