import { isLinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import { context, membership, plan, text } from "../test/pure-fixtures";
import { quote } from "./quote";
import type { QuoteInput } from "./quote-types";

const start = new Date("2026-06-01T02:00:00Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function input(overrides: Partial<QuoteInput>): QuoteInput {
  return {
    resourceId: "room",
    plan: null,
    groups: [],
    usage: { start, end: null, quantity: 1 },
    memberships: [],
    context: context(),
    ...overrides,
  };
}

const amounts = (q: ReturnType<typeof quote>) => q.lines.map((l) => [l.code, l.amount.amount]);

describe("quote (pure)", () => {
  test("no plan configured: free, with that reason", () => {
    const q = quote(input({}));
    expect(amounts(q)).toEqual([["NO_PRICE_PLAN", 0]]);
    expect(q.total).toEqual({ amount: 0, currency: "CNY" });
  });

  test("per started 30 minutes: 31 minutes are 2 units, 30 are 1, quantity multiplies", () => {
    const p = plan({
      id: "room",
      name: text("房", "Room"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-time", amount: 200, unitMinutes: 30, unitRounding: "started" },
    });
    const price = (end: number, quantity = 1) =>
      quote(input({ plan: p, usage: { start, end: minutes(end), quantity } })).total.amount;
    expect([price(1), price(30), price(31), price(60), price(61, 2)]).toEqual([200, 200, 400, 400, 1200]);
  });

  test("per hour, completed or nearest units, with a minimum", () => {
    const mk = (unitRounding: "completed" | "nearest", minimumUnits = 0) =>
      plan({
        id: "room",
        name: text("房", "Room"),
        appliesTo: { resources: ["room"] },
        charge: { kind: "per-time", amount: 500, unitMinutes: 60, unitRounding, minimumUnits },
      });
    const price = (p: ReturnType<typeof mk>, end: number) =>
      quote(input({ plan: p, usage: { start, end: minutes(end), quantity: 1 } })).total.amount;
    expect([price(mk("completed"), 119), price(mk("nearest"), 89), price(mk("nearest"), 90)]).toEqual([
      500, 500, 1000,
    ]);
    expect(price(mk("completed", 1), 10)).toBe(500);
  });

  test("a per-time plan without an end is refused with USAGE_END_REQUIRED", () => {
    const p = plan({
      id: "room",
      name: text("房", "Room"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-time", amount: 200, unitMinutes: 30 },
    });
    expect(() => quote(input({ plan: p }))).toThrowError(
      expect.objectContaining({ code: "USAGE_END_REQUIRED" }) as Error,
    );
  });

  test("bad usages are refused at the pure entry point with VALIDATION_FAILED and both messages", () => {
    const bad = [
      { start, end: minutes(-5), quantity: 1 },
      { start: new Date(Number.NaN), end: null, quantity: 1 },
      { start, end: null, quantity: 0 },
      { start, end: null, quantity: 1.5 },
    ];
    for (const usage of bad) {
      let error: unknown;
      try {
        quote(input({ usage }));
      } catch (e) {
        error = e;
      }
      expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
      expect((error as { messages: { "zh-CN": string } }).messages["zh-CN"]).toMatch(/^输入无效：usage\./);
    }
  });

  test("graduated: units priced by the step they fall in, one line per step", () => {
    const p = plan({
      id: "room",
      name: text("房", "Room"),
      appliesTo: { resources: ["room"] },
      charge: {
        kind: "graduated",
        unitMinutes: 60,
        steps: [
          { upTo: 2, unitAmount: 500 },
          { upTo: null, unitAmount: 300 },
        ],
      },
    });
    const q = quote(input({ plan: p, usage: { start, end: minutes(4 * 60 + 1), quantity: 1 } }));
    expect(amounts(q)).toEqual([
      ["GRADUATED_STEP", 1000],
      ["GRADUATED_STEP", 900],
    ]);
    expect(q.total.amount).toBe(1900);
  });

  test("best tier among several groups, the deciding group recorded; non-sensitive groups are named publicly", () => {
    const p = plan({
      id: "room",
      name: text("房", "Room"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-use", amount: 1000 },
      tiers: [
        { group: "student", price: { kind: "percentage", discountBasisPoints: 3333 } },
        { group: "veteran", price: { kind: "fixed", amount: 700 } },
        { group: "hardship", price: { kind: "free" } },
      ],
    });
    const student = quote(input({ plan: p, groups: ["student"] }));
    // 1000 − round_half_up(1000 × 33.33%) = 1000 − 333 = 667
    expect(amounts(student)).toEqual([
      ["PER_USE", 1000],
      ["TIER_PERCENTAGE", -333],
    ]);
    expect(student.lines[1]!.publicText.en).toBe("Student concession: -CN¥3.33");
    const both = quote(input({ plan: p, groups: ["student", "veteran"] }));
    expect(both.total.amount).toBe(667);
    expect(both.decidedBy).toEqual({ group: "student", sensitive: false });
    const all = quote(input({ plan: p, groups: ["hardship", "student", "veteran"] }));
    expect(all.total.amount).toBe(0);
    expect(all.decidedBy).toEqual({ group: "hardship", sensitive: true });
    expect(all.lines[1]!.publicText["zh-CN"]).toBe("资格优惠：-¥10.00");
  });

  test("a fixed concession above the plan's price never makes a use dearer", () => {
    const p = plan({
      id: "room",
      name: text("房", "Room"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-use", amount: 100 },
      tiers: [{ group: "veteran", price: { kind: "fixed", amount: 150 } }],
    });
    const q = quote(input({ plan: p, groups: ["veteran"] }));
    expect(amounts(q)).toEqual([["PER_USE", 100]]);
    expect(q.decidedBy).toBeNull();
  });

  test("a valid membership turns the use into a zero line; outside validity or without uses it does not", () => {
    const p = plan({
      id: "gym",
      name: text("健身房", "Gym"),
      appliesTo: { resources: ["gym"] },
      charge: { kind: "per-use", amount: 500 },
    });
    const pass = membership("m1", ["gym"], "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z");
    const covered = quote(input({ resourceId: "gym", plan: p, memberships: [pass] }));
    expect(amounts(covered)).toEqual([["MEMBERSHIP_COVERED", 0]]);
    expect(covered.membershipId).toBe("m1");
    expect(covered.lines[0]!.text.en).toBe("Covered by Monthly pass (valid through 2026-07-01)");
    const later = quote(
      input({
        resourceId: "gym",
        plan: p,
        memberships: [pass],
        usage: { start: new Date("2026-07-01T00:00:00Z"), end: null, quantity: 1 },
      }),
    );
    expect(later.total.amount).toBe(500);
    const usedUp = membership("m2", ["gym"], "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z", 0);
    expect(quote(input({ resourceId: "gym", plan: p, memberships: [usedUp] })).total.amount).toBe(500);
    const other = membership("m3", ["pool"], "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z");
    expect(quote(input({ resourceId: "gym", plan: p, memberships: [other] })).total.amount).toBe(500);
  });

  test("a members-only resource (no price plan): a member's use is MEMBERSHIP_COVERED, not NO_PRICE_PLAN", () => {
    const pass = membership("m1", ["gym"], "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z");
    const covered = quote(input({ resourceId: "gym", memberships: [pass] }));
    expect(amounts(covered)).toEqual([["MEMBERSHIP_COVERED", 0]]);
    expect([covered.planId, covered.membershipId]).toEqual([null, "m1"]);
    const expired = quote(
      input({
        resourceId: "gym",
        memberships: [pass],
        usage: { start: new Date("2026-07-01T00:00:00Z"), end: null, quantity: 1 },
      }),
    );
    expect(amounts(expired)).toEqual([["NO_PRICE_PLAN", 0]]);
  });

  test("vouchers: fixed and percentage, validity and limit per resident; the refusal explains", () => {
    const p = plan({
      id: "repair",
      name: text("维修", "Repair"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-use", amount: 1000 },
    });
    const voucher = {
      id: "welcome",
      name: text("新邻居券", "Welcome"),
      value: { kind: "fixed" as const, amount: 1500 },
      limitPerResident: 1,
      validUntil: new Date("2026-07-01T00:00:00Z"),
    };
    const fixed = quote(input({ plan: p, voucher: { voucher, usedBefore: 0 } }));
    expect(amounts(fixed)).toEqual([
      ["PER_USE", 1000],
      ["VOUCHER", -1000],
    ]);
    expect(fixed.voucherId).toBe("welcome");
    const spent = quote(input({ plan: p, voucher: { voucher, usedBefore: 1 } }));
    expect(spent.total.amount).toBe(1000);
    expect(spent.voucherRefusal?.code).toBe("VOUCHER_LIMIT_REACHED");
    const late = quote(
      input({
        plan: p,
        voucher: { voucher, usedBefore: 0 },
        usage: { start: new Date("2026-07-01T00:00:00Z"), end: null, quantity: 1 },
      }),
    );
    expect(late.voucherRefusal?.code).toBe("VOUCHER_EXPIRED");
    const pct = { ...voucher, value: { kind: "percentage" as const, basisPoints: 1250 } };
    expect(amounts(quote(input({ plan: p, voucher: { voucher: pct, usedBefore: 0 } })))).toEqual([
      ["PER_USE", 1000],
      ["VOUCHER", -125],
    ]);
  });

  test("staff waiver with its reason; deposit line kept apart from the charge", () => {
    const p = plan({
      id: "tools",
      name: text("工具", "Tools"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-use", amount: 300 },
      deposit: { amount: 5000 },
    });
    const q = quote(input({ plan: p, waiver: { reason: "水管爆裂，紧急维修", by: "desk-1" } }));
    expect(amounts(q)).toEqual([
      ["PER_USE", 300],
      ["STAFF_WAIVER", -300],
      ["DEPOSIT", 5000],
    ]);
    expect(q.lines[1]!.text["zh-CN"]).toContain("水管爆裂");
    expect([q.charge.amount, q.deposit.amount, q.total.amount]).toEqual([0, 5000, 5000]);
  });

  test("monthly cap counts what was charged before in the period", () => {
    const p = plan({
      id: "gym",
      name: text("健身房", "Gym"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-use", amount: 500 },
      cap: { amount: 2500 },
    });
    expect(amounts(quote(input({ plan: p, chargedThisPeriod: 2200 })))).toEqual([
      ["PER_USE", 500],
      ["MONTHLY_CAP", -200],
    ]);
    expect(quote(input({ plan: p, chargedThisPeriod: 2600 })).total.amount).toBe(0);
  });
});
