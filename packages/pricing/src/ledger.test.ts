import { isLinliError, type StoredRow } from "@linli/core";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity, wangjialongConfig } from "../test/fixtures";
import { spyStorage } from "../test/spy-storage";

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

const RESIDENTS = ["li", "wang"] as const;
const op = fc.oneof(
  fc.record({
    type: fc.constant("charge" as const),
    resourceId: fc.constantFrom("drying-room", "gym", "home-repair"),
  }),
  fc.record({
    type: fc.constant("payment" as const),
    amount: fc.integer({ min: 1, max: 5000 }),
    ref: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ type: fc.constant("payout" as const), amount: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ type: fc.constant("waive" as const), amount: fc.integer({ min: 1, max: 3000 }) }),
  fc.record({
    type: fc.constant("correct" as const),
    amount: fc.integer({ min: -500, max: 500 }).filter((n) => n !== 0),
  }),
  fc.record({
    type: fc.constant("purchase" as const),
    planId: fc.constantFrom("gym-monthly", "gym-30-days", "drying-10"),
  }),
  fc.record({ type: fc.constant("cancel" as const) }),
  fc.record({ type: fc.constant("reverse" as const) }),
  fc.record({ type: fc.constant("advance" as const), hours: fc.integer({ min: 1, max: 24 * 10 }) }),
);
const step = fc.record({ who: fc.constantFrom(...RESIDENTS), op });

describe("ledger", () => {
  test("after any sequence of operations, the balance is the sum of the entries and no entry was ever changed", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        const spy = spyStorage();
        const { community, clock } = await testCommunity({ storage: spy.storage });
        for (const id of RESIDENTS) await resident(community, id, id === "wang" ? ["hardship"] : []);
        const seen = new Map<string, StoredRow>();
        const usages: Record<string, string[]> = { li: [], wang: [] };
        const memberships: Record<string, string[]> = { li: [], wang: [] };
        for (const { who, op } of steps) {
          const as = { actor: desk, forResident: who };
          try {
            switch (op.type) {
              case "charge":
                usages[who]!.push(
                  (await community.pricing.charge({ ...as, resourceId: op.resourceId })).usageId,
                );
                break;
              case "payment":
                await community.pricing.ledger.recordPayment({
                  ...as,
                  amount: { amount: op.amount, currency: "CNY" },
                  method: "wechat-pay",
                  reference: `wx-${op.ref}`,
                });
                break;
              case "payout":
                await community.pricing.ledger.recordPayout({
                  ...as,
                  amount: { amount: op.amount, currency: "CNY" },
                  method: "cash",
                });
                break;
              case "waive":
                await community.pricing.ledger.waive({ ...as, amount: op.amount, reason: "hardship relief" });
                break;
              case "correct": {
                const [first] = await community.pricing.ledger.entries(as);
                if (first)
                  await community.pricing.ledger.correct({
                    ...as,
                    relatesTo: first.id,
                    amount: op.amount,
                    reason: "typo",
                  });
                break;
              }
              case "purchase":
                memberships[who]!.push(
                  (await community.pricing.memberships.purchase({ ...as, planId: op.planId })).id,
                );
                break;
              case "cancel": {
                const id = memberships[who]!.at(-1);
                // The membership names its resident: no forResident.
                if (id) await community.pricing.memberships.cancel({ actor: desk, membershipId: id });
                break;
              }
              case "reverse": {
                const id = usages[who]!.at(-1);
                if (id) await community.pricing.reverse({ actor: desk, usageId: id });
                break;
              }
              case "advance":
                clock.advance(op.hours * 3_600_000);
                break;
            }
          } catch (error) {
            // Refusals (overlap, duplicate reference, waiver above the balance…) are expected;
            // anything else is a bug.
            expect(isLinliError(error)).toBe(true);
          }
          const rows = await spy.rows("pricing_ledger_entry");
          for (const row of rows) {
            const before = seen.get(String(row.id));
            if (before) expect(row).toEqual(before);
            else seen.set(String(row.id), row);
          }
          expect(rows).toHaveLength(seen.size);
          for (const id of RESIDENTS) {
            const mine = rows.filter((r) => r.residentId === id);
            const sum = mine.reduce((acc, r) => acc + (r.amount as number), 0);
            const { balance, entries } = await community.pricing.ledger.balance({
              actor: desk,
              forResident: id,
            });
            expect(balance).toBe(sum);
            expect(entries).toBe(mine.length);
            expect(mine.map((r) => r.seq as number).sort((a, b) => a - b)).toEqual(mine.map((_, i) => i + 1));
          }
        }
        expect(spy.writes.filter((w) => w.model === "pricing_ledger_entry")).toEqual([]);
      }),
      { numRuns: 25 },
    );
  });

  test("concurrent charges for one resident: gapless sequence, and the monthly cap holds", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        community.pricing.charge({ actor: desk, forResident: "li", resourceId: "gym" }),
      ),
    );
    expect(results.reduce((a, r) => a + r.quote.total.amount, 0)).toBe(2500);
    const entries = await community.pricing.ledger.entries({ actor: desk, forResident: "li" });
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  test("payments record the app's reference; the same reference twice is refused and writes nothing", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    await community.pricing.charge({ actor: desk, forResident: "li", resourceId: "home-repair" });
    const pay = () =>
      community.pricing.ledger.recordPayment({
        actor: { kind: "system", id: "wechat-callback" },
        forResident: "li",
        amount: { amount: 1000, currency: "CNY" },
        method: "wechat-pay",
        reference: "4200001234202606011234567890",
      });
    const entry = await pay();
    expect(entry).toMatchObject({ kind: "payment", amount: -1000, method: "wechat-pay", seq: 2 });
    const dup = await errorOf(pay());
    expect(isLinliError(dup, "PAYMENT_REFERENCE_DUPLICATE")).toBe(true);
    expect((await community.pricing.ledger.balance({ actor: desk, forResident: "li" })).balance).toBe(0);
  });

  test("bad money input: unknown currency, another currency, negative or fractional amounts; nothing written", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    const pay = (amount: number, currency: string) =>
      errorOf(
        community.pricing.ledger.recordPayment({
          actor: desk,
          forResident: "li",
          amount: { amount, currency },
          method: "cash",
        }),
      );
    const unknown = await pay(100, "XYZ");
    expect(isLinliError(unknown, "INVALID_CURRENCY")).toBe(true);
    expect((unknown as { messages: { "zh-CN": string } }).messages["zh-CN"]).toBe("无效的货币代码 XYZ");
    expect(isLinliError(await pay(100, "USD"), "CURRENCY_MISMATCH")).toBe(true);
    expect(isLinliError(await pay(-100, "CNY"), "VALIDATION_FAILED")).toBe(true);
    expect(isLinliError(await pay(1.5, "CNY"), "VALIDATION_FAILED")).toBe(true);
    expect(await community.pricing.ledger.entries({ actor: desk, forResident: "li" })).toEqual([]);
    expect(await community.events.list({ actor: desk, types: ["LedgerEntryAppended"] })).toEqual([]);
  });

  test("waivers are for staff, need a reason, and cannot exceed what is owed", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    await community.pricing.charge({ actor: desk, forResident: "li", resourceId: "home-repair" });
    const noReason = await errorOf(
      community.pricing.ledger.waive({ actor: desk, forResident: "li", amount: 500, reason: "  " }),
    );
    expect(isLinliError(noReason, "VALIDATION_FAILED")).toBe(true);
    const notStaff = await errorOf(
      community.pricing.ledger.waive({
        actor: { kind: "resident", id: "li" },
        amount: 500,
        reason: "please",
      }),
    );
    expect(isLinliError(notStaff, "ACCESS_DENIED")).toBe(true);
    const tooMuch = await errorOf(
      community.pricing.ledger.waive({ actor: desk, forResident: "li", amount: 1001, reason: "x" }),
    );
    expect(isLinliError(tooMuch, "WAIVER_EXCEEDS_BALANCE")).toBe(true);
    const w = await community.pricing.ledger.waive({
      actor: desk,
      forResident: "li",
      amount: 1000,
      reason: "病中，社区减免",
    });
    expect(w).toMatchObject({ kind: "waiver", amount: -1000, reason: "病中，社区减免", actorId: "desk-1" });
    expect((await community.pricing.ledger.balance({ actor: desk, forResident: "li" })).balance).toBe(0);
  });

  test("a staff waiver at charge time is a zero charge with the reason; residents cannot waive", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    const { quote } = await community.pricing.charge({
      actor: desk,
      forResident: "li",
      resourceId: "home-repair",
      waiverReason: "暴雨后紧急抢修",
    });
    expect(quote.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ["PER_USE", 1000],
      ["STAFF_WAIVER", -1000],
    ]);
    const [entry] = await community.pricing.ledger.entries({ actor: desk, forResident: "li" });
    expect(entry).toMatchObject({ amount: 0, code: "STAFF_WAIVER", reason: "暴雨后紧急抢修" });
    const denied = await errorOf(
      community.pricing.charge({
        actor: { kind: "resident", id: "li" },
        resourceId: "home-repair",
        waiverReason: "me",
      }),
    );
    expect(isLinliError(denied, "ACCESS_DENIED")).toBe(true);
  });

  test("deposits: held with the charge, returned in part or whole, never more than held", async () => {
    const config = wangjialongConfig();
    config.pricing!.plans!.find((p) => p.id === "free-shared")!.deposit = { amount: 5000 };
    const { community } = await testCommunity({ config });
    await resident(community, "li");
    const { usageId, quote } = await community.pricing.charge({
      actor: desk,
      forResident: "li",
      resourceId: "tool-room",
    });
    expect([quote.charge.amount, quote.deposit.amount, quote.total.amount]).toEqual([0, 5000, 5000]);
    expect(await community.pricing.returnDeposit({ actor: desk, usageId, amount: 1000 })).toEqual({
      returned: 1000,
    });
    const tooMuch = await errorOf(community.pricing.returnDeposit({ actor: desk, usageId, amount: 4001 }));
    expect(isLinliError(tooMuch, "DEPOSIT_NOT_HELD")).toBe(true);
    expect(await community.pricing.returnDeposit({ actor: desk, usageId })).toEqual({ returned: 4000 });
    const balance = await community.pricing.ledger.balance({ actor: desk, forResident: "li" });
    expect(balance).toMatchObject({ balance: 0, depositsHeld: 0, entries: 4 });
    const kinds = (await community.pricing.ledger.entries({ actor: desk, forResident: "li" })).map((e) => [
      e.kind,
      e.amount,
    ]);
    expect(kinds).toEqual([
      ["charge", 0],
      ["deposit-held", 5000],
      ["deposit-returned", -1000],
      ["deposit-returned", -4000],
    ]);
  });

  test("vouchers through the service: applied once per resident, then refused with a clear error", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    const first = await community.pricing.charge({
      actor: desk,
      forResident: "li",
      resourceId: "home-repair",
      voucherId: "welcome",
    });
    expect(first.quote.total.amount).toBe(700);
    const second = await errorOf(
      community.pricing.charge({
        actor: desk,
        forResident: "li",
        resourceId: "home-repair",
        voucherId: "welcome",
      }),
    );
    expect(isLinliError(second, "VOUCHER_NOT_APPLICABLE")).toBe(true);
    expect((second as { details: { reason: string } }).details.reason).toBe("VOUCHER_LIMIT_REACHED");
    const unknown = await errorOf(
      community.pricing.quote({ actor: desk, forResident: "li", resourceId: "gym", voucherId: "nope" }),
    );
    expect(isLinliError(unknown, "UNKNOWN_VOUCHER")).toBe(true);
    expect((await community.pricing.ledger.entries({ actor: desk, forResident: "li" })).length).toBe(1);
  });
});
