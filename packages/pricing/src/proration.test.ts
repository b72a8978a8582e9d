import { describe, expect, test } from "vitest";
import { addLocalDaysAt, calendarMonthOf, localDaysBetween, startedLocalDays } from "./local-days";
import { prorate, proratedCharge, proratedRefund } from "./proration";

const SH = "Asia/Shanghai";
const d = (iso: string) => new Date(iso);

describe("proration", () => {
  test("a 30-day membership cancelled after 14 days refunds 16/30 of the price, by the configured rounding", () => {
    const validFrom = d("2026-06-01T02:00:00Z");
    const validUntil = addLocalDaysAt(validFrom, 30, SH);
    expect(validUntil).toEqual(d("2026-07-01T02:00:00Z"));
    const at = addLocalDaysAt(validFrom, 14, SH);
    const refund = (price: number, rounding: "floor" | "half-up" | "ceil") =>
      proratedRefund({ price, validFrom, validUntil, at, timeZone: SH, rounding });
    // 2500 × 16/30 = 1333.33…
    expect(refund(2500, "floor")).toEqual({ periodDays: 30, usedDays: 14, remainingDays: 16, amount: 1333 });
    expect(refund(2500, "half-up").amount).toBe(1333);
    expect(refund(2500, "ceil").amount).toBe(1334);
    // 2600 × 16/30 = 1386.66…
    expect(refund(2600, "floor").amount).toBe(1386);
    expect(refund(2600, "half-up").amount).toBe(1387);
    // 3000 × 16/30 = 1600 exactly: every rounding agrees.
    expect(refund(3000, "floor").amount).toBe(1600);
    expect(refund(3000, "ceil").amount).toBe(1600);
  });

  test("a started day counts as used: one minute past 14 days refunds 15/30", () => {
    const validFrom = d("2026-06-01T02:00:00Z");
    const validUntil = addLocalDaysAt(validFrom, 30, SH);
    const at = new Date(addLocalDaysAt(validFrom, 14, SH).getTime() + 60_000);
    const r = proratedRefund({ price: 2500, validFrom, validUntil, at, timeZone: SH, rounding: "floor" });
    expect([r.usedDays, r.remainingDays, r.amount]).toEqual([15, 15, 1250]);
    const atStart = proratedRefund({
      price: 2500,
      validFrom,
      validUntil,
      at: validFrom,
      timeZone: SH,
      rounding: "floor",
    });
    expect(atStart.amount).toBe(2500);
    const atEnd = proratedRefund({
      price: 2500,
      validFrom,
      validUntil,
      at: validUntil,
      timeZone: SH,
      rounding: "floor",
    });
    expect(atEnd.amount).toBe(0);
  });

  test("Lago-style: 14 of 31 days of 10,000 minor units, billed in arrears, is 4,516", () => {
    const month = calendarMonthOf(d("2026-01-20T04:00:00Z"), SH);
    expect(month).toEqual({ start: d("2025-12-31T16:00:00Z"), end: d("2026-01-31T16:00:00Z") });
    // Subscribed from January 18 (local), billed at the end of the month.
    const r = proratedCharge({
      price: 10_000,
      periodStart: month.start,
      periodEnd: month.end,
      from: d("2026-01-17T16:00:00Z"),
      to: month.end,
      timeZone: SH,
      rounding: "half-up",
    });
    expect(r).toEqual({ periodDays: 31, usedDays: 14, remainingDays: 17, amount: 4516 });
    expect(prorate(10_000, 14, 31, "half-up")).toBe(4516);
    expect(prorate(10_000, 14, 31, "ceil")).toBe(4517);
  });

  test("prorate refuses fractions and days outside the period", () => {
    expect(() => prorate(10.5, 1, 2, "floor")).toThrow(RangeError);
    expect(() => prorate(100, 3, 2, "floor")).toThrow(RangeError);
    expect(() => prorate(100, 1, 0, "floor")).toThrow(RangeError);
  });

  test("prorate says which input is wrong: not integers, beyond safe integers, an empty period, days outside it", () => {
    const integers = /^prorate needs integers and a positive period, got /;
    expect(() => prorate(10.5, 1, 2, "floor")).toThrow(integers);
    expect(() => prorate(100, 1.5, 2, "floor")).toThrow(integers);
    expect(() => prorate(100, 1, 2.5, "floor")).toThrow(integers);
    expect(() => prorate(2 ** 53, 1, 2, "floor")).toThrow(integers);
    expect(() => prorate(100, 0, 0, "floor")).toThrow(
      "prorate needs integers and a positive period, got 100 × 0/0",
    );
    expect(() => prorate(100, -1, 2, "floor")).toThrow("days -1 is outside 0..2");
    expect(() => prorate(100, 3, 2, "floor")).toThrow("days 3 is outside 0..2");
    expect(prorate(100, 0, 2, "floor")).toBe(0);
    expect(prorate(100, 2, 2, "floor")).toBe(100);
  });

  test("a refund asked after the period ended is nothing, every day counted as used", () => {
    const validFrom = d("2026-06-01T02:00:00Z");
    const validUntil = addLocalDaysAt(validFrom, 30, SH);
    const late = proratedRefund({
      price: 3000,
      validFrom,
      validUntil,
      at: d("2026-07-05T02:00:00Z"),
      timeZone: SH,
      rounding: "floor",
    });
    expect(late).toEqual({ periodDays: 30, usedDays: 30, remainingDays: 0, amount: 0 });
  });

  test("local days across a DST change: a day is 23 hours, still one day", () => {
    const berlin = "Europe/Berlin";
    // 2026-03-29 is the spring-forward day in Berlin.
    const from = d("2026-03-28T09:00:00Z"); // 10:00 local (CET)
    const next = addLocalDaysAt(from, 1, berlin);
    expect(next).toEqual(d("2026-03-29T08:00:00Z")); // 10:00 local (CEST), 23 hours later
    expect(localDaysBetween(from, addLocalDaysAt(from, 30, berlin), berlin)).toBe(30);
    expect(startedLocalDays(from, next, berlin)).toBe(1);
    expect(startedLocalDays(from, new Date(next.getTime() + 1), berlin)).toBe(2);
    const march = calendarMonthOf(d("2026-03-15T12:00:00Z"), berlin);
    expect(localDaysBetween(march.start, march.end, berlin)).toBe(31);
  });
});
