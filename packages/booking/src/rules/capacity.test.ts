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
    expect(full[0]!.message).toEqual({
      "zh-CN": "该时段已满：容量 2，已预约 1，申请 2",
      en: "This time is full: capacity 2, 1 booked, 2 asked",
    });
  });
  test("only bookings of the same resource count, and of the same zone when the request names one", () => {
    const hall = existing("2026-07-06T01:00Z", "2026-07-06T02:00Z", { resourceId: "hall" });
    const inZone = (zoneId: string) => existing("2026-07-06T01:00Z", "2026-07-06T02:00Z", { zoneId });
    const judged = (booking: ReturnType<typeof existing>, zoneId?: string) =>
      codes(
        judge(
          capacityKind,
          {},
          { ...slot, ...(zoneId ? { zoneId } : {}) },
          { snapshot: { resourceBookings: [booking] } },
        ),
      );
    expect(judged(hall)).toEqual([]);
    // A request for the whole room counts bookings of every zone; a zone's only its own.
    expect(judged(inZone("east"))).toEqual(["CAPACITY_FULL"]);
    expect(judged(inZone("east"), "east")).toEqual(["CAPACITY_FULL"]);
    expect(judged(inZone("west"), "east")).toEqual([]);
  });
  test("the rule kind describes itself in both languages and needs no resident's bookings", () => {
    expect(capacityKind.description).toEqual({ "zh-CN": "每个时段的容量", en: "Capacity per slot" });
    expect(capacityKind.reads).toEqual({ residentBookings: false, groups: false });
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
