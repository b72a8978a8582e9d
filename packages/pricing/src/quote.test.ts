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

describe("quote (pure): every step's line, boundaries and refusals", () => {
  const room = (overrides: Partial<Parameters<typeof plan>[0]> = {}) =>
    plan({
      id: "room",
      name: text("房", "Room"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-use", amount: 1000 },
      ...overrides,
    });

  test("each step's line carries its text in both languages, the sensitive group unnamed in public", () => {
    const p = room({
      tiers: [{ group: "hardship", price: { kind: "percentage", discountBasisPoints: 2000 } }],
      cap: { amount: 2500 },
      deposit: { amount: 5000 },
    });
    const voucher = {
      id: "v1",
      name: text("新邻居券", "Welcome"),
      value: { kind: "fixed" as const, amount: 100 },
    };
    const q = quote(
      input({ plan: p, groups: ["hardship"], chargedThisPeriod: 1900, voucher: { voucher, usedBefore: 0 } }),
    );
    expect(q.lines).toEqual([
      {
        kind: "charge",
        code: "PER_USE",
        amount: { amount: 1000, currency: "CNY" },
        text: text("按次计费：¥10.00 × 1", "Per use: CN¥10.00 × 1"),
        publicText: text("按次计费：¥10.00 × 1", "Per use: CN¥10.00 × 1"),
      },
      {
        kind: "adjustment",
        code: "TIER_PERCENTAGE",
        amount: { amount: -200, currency: "CNY" },
        text: text("困难户优惠：-¥2.00", "Household in difficulty concession: -CN¥2.00"),
        publicText: text("资格优惠：-¥2.00", "Eligibility concession: -CN¥2.00"),
        group: "hardship",
      },
      {
        kind: "adjustment",
        code: "MONTHLY_CAP",
        amount: { amount: -200, currency: "CNY" },
        text: text("每月封顶 ¥25.00：-¥2.00", "Monthly cap of CN¥25.00: -CN¥2.00"),
        publicText: text("每月封顶 ¥25.00：-¥2.00", "Monthly cap of CN¥25.00: -CN¥2.00"),
      },
      {
        kind: "adjustment",
        code: "VOUCHER",
        amount: { amount: -100, currency: "CNY" },
        text: text("优惠券「新邻居券」：-¥1.00", 'Voucher "Welcome": -CN¥1.00'),
        publicText: text("优惠券「新邻居券」：-¥1.00", 'Voucher "Welcome": -CN¥1.00'),
      },
      {
        kind: "deposit",
        code: "DEPOSIT",
        amount: { amount: 5000, currency: "CNY" },
        text: text("押金（可退）：¥50.00", "Refundable deposit: CN¥50.00"),
        publicText: text("押金（可退）：¥50.00", "Refundable deposit: CN¥50.00"),
      },
    ]);
    expect(q).toMatchObject({
      resourceId: "room",
      planId: "room",
      at: "2026-06-01T02:00:00.000Z",
      total: { amount: 5500, currency: "CNY" },
      charge: { amount: 500, currency: "CNY" },
      deposit: { amount: 5000, currency: "CNY" },
      decidedBy: { group: "hardship", sensitive: true },
      membershipId: null,
      voucherId: "v1",
      voucherRefusal: null,
    });
    const waived = quote(input({ plan: room(), waiver: { reason: "爆管", by: "desk-1" } }));
    expect(waived.lines[1]!.text).toEqual(
      text("工作人员减免：-¥10.00（原因：爆管）", "Waived by staff: -CN¥10.00 (reason: 爆管)"),
    );
    expect(quote(input({})).lines[0]!.text).toEqual(text("未设价格：免费", "No price configured: free"));
    expect(quote(input({})).at).toBe("2026-06-01T02:00:00.000Z");
    const covered = quote(
      input({
        plan: room(),
        memberships: [membership("m1", ["room"], "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z")],
      }),
    );
    expect(covered.lines[0]!.text["zh-CN"]).toBe("月卡覆盖（有效至 2026-07-01）");
  });

  test("a group without configured info is treated as sensitive and named by its id only in the private text", () => {
    const p = room({ tiers: [{ group: "night-shift", price: { kind: "fixed", amount: 400 } }] });
    const q = quote(input({ plan: p, groups: ["night-shift"] }));
    expect(q.decidedBy).toEqual({ group: "night-shift", sensitive: true });
    expect(q.lines[1]).toMatchObject({
      code: "TIER_FIXED",
      amount: { amount: -600 },
      text: text("night-shift优惠：-¥6.00", "night-shift concession: -CN¥6.00"),
      publicText: text("资格优惠：-¥6.00", "Eligibility concession: -CN¥6.00"),
    });
  });

  test("the cap applies without an earlier charge, and adds no line when the price is exactly at the cap", () => {
    const p = room({ cap: { amount: 600 } });
    expect(amounts(quote(input({ plan: p })))).toEqual([
      ["PER_USE", 1000],
      ["MONTHLY_CAP", -400],
    ]);
    expect(amounts(quote(input({ plan: p, chargedThisPeriod: 0 })))).toEqual([
      ["PER_USE", 1000],
      ["MONTHLY_CAP", -400],
    ]);
    expect(amounts(quote(input({ plan: room({ cap: { amount: 1000 } }) })))).toEqual([["PER_USE", 1000]]);
    expect(amounts(quote(input({ plan: p, chargedThisPeriod: 300 })))).toEqual([
      ["PER_USE", 1000],
      ["MONTHLY_CAP", -700],
    ]);
  });

  test("a voucher or a waiver on a free use is neither used nor written as a line", () => {
    const free = room({ charge: { kind: "free" } });
    const voucher = { id: "v1", name: text("券", "Voucher"), value: { kind: "fixed" as const, amount: 100 } };
    const q = quote(
      input({ plan: free, voucher: { voucher, usedBefore: 0 }, waiver: { reason: "r", by: "desk-1" } }),
    );
    expect(amounts(q)).toEqual([["FREE", 0]]);
    expect([q.voucherId, q.voucherRefusal]).toEqual([null, null]);
  });

  test("a percentage voucher rounds by the community's rounding, and a discount of 0 is +0, never -0", () => {
    const p = room({ charge: { kind: "per-use", amount: 5 } });
    const voucher = {
      id: "v1",
      name: text("券", "Voucher"),
      value: { kind: "percentage" as const, basisPoints: 1000 },
    };
    const off = (rounding: "half-up" | "ceil" | "down") =>
      quote(input({ plan: p, voucher: { voucher, usedBefore: 0 }, context: context(rounding) })).lines[1]!
        .amount.amount;
    expect([off("half-up"), off("ceil")]).toEqual([-1, -1]);
    expect(Object.is(off("down"), 0)).toBe(true);
  });

  test("voucher validity: from validFrom inclusive, for the plans it names", () => {
    const validFrom = new Date("2026-06-01T02:00:00Z");
    const voucher = {
      id: "v1",
      name: text("券", "Voucher"),
      value: { kind: "fixed" as const, amount: 100 },
      validFrom,
      plans: ["room"],
    };
    const at = (t: Date, p = room()) =>
      quote(
        input({ plan: p, voucher: { voucher, usedBefore: 5 }, usage: { start: t, end: null, quantity: 1 } }),
      );
    expect(at(validFrom).voucherId).toBe("v1");
    expect(at(validFrom).total.amount).toBe(900);
    const early = at(new Date(validFrom.getTime() - 1));
    expect(early.voucherRefusal).toEqual({
      code: "VOUCHER_NOT_YET_VALID",
      voucherId: "v1",
      message: text(
        "优惠券自 2026-06-01T02:00:00.000Z 起可用",
        "The voucher is valid from 2026-06-01T02:00:00.000Z",
      ),
    });
    expect(early.total.amount).toBe(1000);
    const other = at(validFrom, room({ id: "hall" }));
    expect(other.voucherRefusal).toEqual({
      code: "VOUCHER_NOT_FOR_PLAN",
      voucherId: "v1",
      message: text("优惠券不适用于此项目", "The voucher does not apply to this price plan"),
    });
    expect(other.total.amount).toBe(1000);
  });

  test("voucher refusals explain expiry and the limit per resident in both languages", () => {
    const voucher = {
      id: "v1",
      name: text("券", "Voucher"),
      value: { kind: "fixed" as const, amount: 100 },
      validUntil: new Date("2026-06-01T02:00:00.001Z"),
      limitPerResident: 2,
    };
    const q = (usedBefore: number, start2 = start) =>
      quote(
        input({
          plan: room(),
          voucher: { voucher, usedBefore },
          usage: { start: start2, end: null, quantity: 1 },
        }),
      );
    expect(q(1).voucherId).toBe("v1");
    expect(q(2).voucherRefusal).toEqual({
      code: "VOUCHER_LIMIT_REACHED",
      voucherId: "v1",
      message: text("每位居民限用 2 次，已用 2 次", "Limited to 2 use(s) per resident; used 2"),
    });
    expect(q(0, new Date("2026-06-01T02:00:00.001Z")).voucherRefusal).toEqual({
      code: "VOUCHER_EXPIRED",
      voucherId: "v1",
      message: text(
        "优惠券已于 2026-06-01T02:00:00.001Z 过期",
        "The voucher expired at 2026-06-01T02:00:00.001Z",
      ),
    });
  });

  test("memberships: covered from validFrom inclusive, with one use left, the one ending first chosen", () => {
    const later = membership("later", ["room"], "2026-06-01T02:00:00Z", "2026-08-01T00:00:00Z", 1);
    const sooner = membership("sooner", ["room"], "2026-05-01T00:00:00Z", "2026-07-01T00:00:00Z");
    expect(quote(input({ plan: room(), memberships: [later] })).membershipId).toBe("later");
    expect(quote(input({ plan: room(), memberships: [later, sooner] })).membershipId).toBe("sooner");
    expect(quote(input({ plan: room(), memberships: [sooner, later] })).membershipId).toBe("sooner");
    const notYet = membership("next", ["room"], "2026-06-01T02:00:00.001Z", "2026-08-01T00:00:00Z");
    expect(quote(input({ plan: room(), memberships: [notYet] })).membershipId).toBeNull();
  });

  test("amounts that are not safe integers or are negative are refused with INVALID_AMOUNT, naming the amount", () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return isLinliError(e) ? `${e.code} ${e.details.amount}` : String(e);
      }
      return "no error";
    };
    const huge = room({ charge: { kind: "per-use", amount: Number.MAX_SAFE_INTEGER } });
    expect(code(() => quote(input({ plan: huge, usage: { start, end: null, quantity: 2 } })))).toBe(
      `INVALID_AMOUNT ${Number.MAX_SAFE_INTEGER * 2}`,
    );
    const deposit = room({
      charge: { kind: "per-use", amount: 1 },
      deposit: { amount: Number.MAX_SAFE_INTEGER },
    });
    expect(code(() => quote(input({ plan: deposit })))).toBe(`INVALID_AMOUNT ${Number.MAX_SAFE_INTEGER + 1}`);
    const cx = context();
    const negative = new Map(cx.components);
    negative.set("per-use", {
      ...cx.components.get("per-use")!,
      evaluate: () => [{ code: "X", amount: -1, text: text("x", "x") }],
    });
    expect(code(() => quote(input({ plan: room(), context: { ...cx, components: negative } })))).toBe(
      "INVALID_AMOUNT -1",
    );
    const none = new Map(cx.components);
    none.delete("per-use");
    expect(code(() => quote(input({ plan: room(), context: { ...cx, components: none } })))).toBe(
      "TypeError: no price component of kind per-use",
    );
  });

  test("usages outside the schema are refused even when they look plain", () => {
    const bad: unknown[] = [
      { start, end: null, quantity: 1_000_001 },
      { start: "2026-06-01T02:00:00Z", end: null, quantity: 1 },
      { start, quantity: 1 },
      null,
      undefined,
      "2026-06-01T02:00:00Z",
    ];
    for (const usage of bad) {
      let error: unknown;
      try {
        quote(input({ usage: usage as QuoteInput["usage"] }));
      } catch (e) {
        error = e;
      }
      expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    }
    expect(quote(input({ usage: { start, end: start, quantity: 1_000_000 } })).total.amount).toBe(0);
  });
});

test("a usage with several problems lists each of them, in the message and in the details", () => {
  let error: unknown;
  try {
    quote(input({ usage: { start: new Date(Number.NaN), end: null, quantity: 0 } }));
  } catch (e) {
    error = e;
  }
  expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
  const { messages, details } = error as {
    messages: { en: string };
    details: { problems: { path: string }[] };
  };
  expect(messages.en).toMatch(/usage\.start: [^;]+; usage\.quantity: /);
  expect(details.problems.map((p) => p.path)).toEqual(["start", "quantity"]);
});

test("the free lines are charges and the waiver an adjustment", () => {
  const p = plan({
    id: "room",
    name: text("房", "Room"),
    appliesTo: { resources: ["room"] },
    charge: { kind: "per-use", amount: 300 },
  });
  const pass = membership("m1", ["room"], "2026-06-01T00:00:00Z", "2026-07-01T00:00:00Z");
  const kinds = (q: ReturnType<typeof quote>) => q.lines.map((l) => [l.code, l.kind]);
  expect(kinds(quote(input({})))).toEqual([["NO_PRICE_PLAN", "charge"]]);
  expect(kinds(quote(input({ plan: p, memberships: [pass] })))).toEqual([["MEMBERSHIP_COVERED", "charge"]]);
  expect(kinds(quote(input({ plan: p, waiver: { reason: "r", by: "desk-1" } })))).toEqual([
    ["PER_USE", "charge"],
    ["STAFF_WAIVER", "adjustment"],
  ]);
});
