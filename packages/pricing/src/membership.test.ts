import { isLinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity, wangjialongConfig } from "../test/fixtures";

const me = (id: string) => ({ kind: "resident", id }) as const;

async function errorOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

describe("memberships", () => {
  test("a calendar-month pass is valid for the local month it is bought in", async () => {
    // 2026-06-15 10:00 in Shanghai.
    const { community } = await testCommunity({ start: "2026-06-15T02:00:00Z" });
    await resident(community, "zhao");
    const m = await community.pricing.memberships.purchase({ actor: me("zhao"), planId: "gym-monthly" });
    expect(m.validFrom).toEqual(new Date("2026-05-31T16:00:00Z")); // June 1, 00:00 local
    expect(m.validUntil).toEqual(new Date("2026-06-30T16:00:00Z")); // July 1, 00:00 local
    const has = (at: string) =>
      community.pricing.hasValidMembership({ actor: me("zhao"), resourceId: "gym", at: new Date(at) });
    expect(await has("2026-06-30T15:59:59Z")).toBe(true);
    expect(await has("2026-06-30T16:00:00Z")).toBe(false);
    expect(await community.pricing.hasValidMembership({ actor: me("zhao"), resourceId: "drying-room" })).toBe(
      false,
    );
  });

  test("renewal starts when the current one ends; an overlapping purchase is refused and writes nothing", async () => {
    const { community } = await testCommunity({ start: "2026-06-15T02:00:00Z" });
    await resident(community, "zhao");
    const june = await community.pricing.memberships.purchase({ actor: me("zhao"), planId: "gym-monthly" });
    const july = await community.pricing.memberships.renew({ actor: me("zhao"), membershipId: june.id });
    expect(july.validFrom).toEqual(june.validUntil);
    expect(july.renews).toBe(june.id);

    const before = await community.pricing.ledger.entries({ actor: desk, forResident: "zhao" });
    const events = await community.events.list({ actor: desk, limit: 1000 });
    // A 30-day pass bought now overlaps June's monthly pass on the same resource.
    const error = await errorOf(
      community.pricing.memberships.purchase({ actor: me("zhao"), planId: "gym-30-days" }),
    );
    expect(isLinliError(error, "MEMBERSHIP_OVERLAP")).toBe(true);
    expect((error as Error).message).toContain("gym-monthly");
    expect(await community.pricing.ledger.entries({ actor: desk, forResident: "zhao" })).toEqual(before);
    expect(await community.events.list({ actor: desk, limit: 1000 })).toEqual(events);
    expect(await community.pricing.memberships.list({ actor: me("zhao") })).toHaveLength(2);
  });

  test("cancelling a 30-day pass after 14 days refunds 16/30 of the price, rounded half-up: 1,333 fen", async () => {
    const { community, clock } = await testCommunity({ start: "2026-06-01T02:00:00Z" });
    await resident(community, "zhao");
    const m = await community.pricing.memberships.purchase({ actor: me("zhao"), planId: "gym-30-days" });
    clock.advance(14 * 86_400_000);
    const cancelled = await community.pricing.memberships.cancel({ actor: me("zhao"), membershipId: m.id });
    expect(cancelled.refunded).toBe(1333); // 2500 × 16/30 = 1333.33
    const entries = await community.pricing.ledger.entries({ actor: me("zhao") });
    expect(entries.map((e) => [e.kind, e.amount, e.code])).toEqual([
      ["charge", 2500, "MEMBERSHIP_PURCHASE"],
      ["refund", -1333, "MEMBERSHIP_PRORATA_REFUND"],
    ]);
    expect(entries[1]!.text["zh-CN"]).toContain("16/30");
    // Cancelled: no longer covers, and cannot be cancelled twice.
    expect(await community.pricing.hasValidMembership({ actor: me("zhao"), resourceId: "gym" })).toBe(false);
    const again = await errorOf(
      community.pricing.memberships.cancel({ actor: me("zhao"), membershipId: m.id }),
    );
    expect(isLinliError(again, "MEMBERSHIP_NOT_ACTIVE")).toBe(true);
    // After a cancellation, a new pass may start at once.
    await community.pricing.memberships.purchase({ actor: me("zhao"), planId: "gym-30-days" });
  });

  test("the monthly pass refunds by unused local days of its month, rounded down", async () => {
    const { community, clock } = await testCommunity({ start: "2026-06-01T02:00:00Z" });
    await resident(community, "zhao");
    const m = await community.pricing.memberships.purchase({ actor: me("zhao"), planId: "gym-monthly" });
    clock.set("2026-06-10T02:00:00Z"); // June 10, 10:00 local: 10 days started of 30
    const cancelled = await community.pricing.memberships.cancel({ actor: desk, membershipId: m.id });
    expect(cancelled.refunded).toBe(1666); // 2500 × 20/30 = 1666.66, floor
  });

  test("a plan with a refund policy of none refunds nothing", async () => {
    const { community, clock } = await testCommunity();
    await resident(community, "li");
    const m = await community.pricing.memberships.purchase({ actor: me("li"), planId: "drying-10" });
    clock.advance(86_400_000);
    const cancelled = await community.pricing.memberships.cancel({ actor: me("li"), membershipId: m.id });
    expect(cancelled.refunded).toBe(0);
    const entries = await community.pricing.ledger.entries({ actor: me("li") });
    expect(entries.map((e) => e.kind)).toEqual(["charge"]);
  });

  test("an N-use pass covers N uses, then uses are charged again; a reversed use is given back", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    await community.pricing.memberships.purchase({ actor: me("li"), planId: "drying-10" });
    const totals: number[] = [];
    const usageIds: string[] = [];
    for (let i = 0; i < 11; i++) {
      const r = await community.pricing.charge({ actor: desk, forResident: "li", resourceId: "drying-room" });
      totals.push(r.quote.total.amount);
      usageIds.push(r.usageId);
    }
    expect(totals).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 100]);
    await community.pricing.reverse({ actor: desk, usageId: usageIds[0]! });
    const next = await community.pricing.charge({
      actor: desk,
      forResident: "li",
      resourceId: "drying-room",
    });
    expect(next.quote.lines.map((l) => l.code)).toEqual(["MEMBERSHIP_COVERED"]);
  });

  test("membership prices follow tiers too; residents never see the deciding group", async () => {
    const config = wangjialongConfig();
    config.pricing!.memberships![0]!.tiers = [{ group: "hardship", price: { kind: "fixed", amount: 1000 } }];
    const { community } = await testCommunity({ config });
    await resident(community, "wang", ["hardship"]);
    const own = await community.pricing.memberships.purchase({ actor: me("wang"), planId: "gym-monthly" });
    expect([own.price, own.decidedByGroup]).toEqual([1000, null]);
    const [seenByStaff] = await community.pricing.memberships.list({ actor: desk, forResident: "wang" });
    expect(seenByStaff!.decidedByGroup).toBe("hardship");
    const entries = await community.pricing.ledger.entries({ actor: me("wang") });
    expect(entries.map((e) => [e.amount, e.code])).toEqual([[1000, "MEMBERSHIP_PURCHASE_TIER_FIXED"]]);
    expect(JSON.stringify(entries)).not.toMatch(/hardship|困难户/);
  });

  test("a pass is priced by eligibility over the period it covers, not on the day it is bought", async () => {
    const config = wangjialongConfig();
    config.pricing!.memberships![0]!.tiers = [{ group: "hardship", price: { kind: "fixed", amount: 1000 } }];
    // June 25, 10:00 in Shanghai.
    const { community } = await testCommunity({ config, start: "2026-06-25T02:00:00Z" });
    const grant = (id: string, validFrom: string, validUntil: string | null) =>
      community.eligibility.grant({
        actor: desk,
        forResident: id,
        groupId: "hardship",
        validFrom: new Date(validFrom),
        validUntil: validUntil === null ? null : new Date(validUntil),
      });
    const julyFirst = new Date("2026-06-30T16:00:00Z"); // July 1, 00:00 local
    const price = async (id: string, startsAt?: Date) =>
      (
        await community.pricing.memberships.purchase({
          actor: desk,
          forResident: id,
          planId: "gym-monthly",
          startsAt,
        })
      ).price;
    for (const id of ["wang", "zhang", "li", "chen"]) await resident(community, id);
    // Wang's concession ends with June 30: next month's pass, bought on the 25th, is full price...
    await grant("wang", "2026-01-01T00:00:00Z", "2026-06-30T16:00:00Z");
    expect(await price("wang", julyFirst)).toBe(2500);
    // ...while June's pass (the rest of which she is eligible for) is at the concession price.
    await grant("zhang", "2026-01-01T00:00:00Z", "2026-06-30T16:00:00Z");
    expect(await price("zhang")).toBe(1000);
    // Renewing it for July is full price too.
    const [june] = await community.pricing.memberships.list({ actor: desk, forResident: "zhang" });
    const july = await community.pricing.memberships.renew({ actor: desk, membershipId: june!.id });
    expect(july.price).toBe(2500);
    // Li was granted the concession on the 20th: June's pass bought after it is at the concession price.
    await grant("li", "2026-06-20T00:00:00Z", null);
    expect(await price("li")).toBe(1000);
    // Chen's concession starts mid-July: July's pass is full price.
    await grant("chen", "2026-07-15T00:00:00Z", null);
    expect(await price("chen", julyFirst)).toBe(2500);
    const entries = await community.pricing.ledger.entries({ actor: desk, forResident: "wang" });
    expect(entries.map((e) => e.code)).toEqual(["MEMBERSHIP_PURCHASE"]);
  });

  test("residents cannot back-date a membership; staff can (recording a purchase made yesterday)", async () => {
    const { community } = await testCommunity({ start: "2026-06-15T02:00:00Z" });
    await resident(community, "li");
    const yesterday = new Date("2026-06-14T02:00:00Z");
    const own = await errorOf(
      community.pricing.memberships.purchase({ actor: me("li"), planId: "gym-30-days", startsAt: yesterday }),
    );
    expect(isLinliError(own, "MEMBERSHIP_START_IN_PAST")).toBe(true);
    const m = await community.pricing.memberships.purchase({
      actor: desk,
      forResident: "li",
      planId: "gym-30-days",
      startsAt: yesterday,
    });
    expect(m.validFrom).toEqual(yesterday);
  });

  test("unknown membership plans and other residents' memberships are refused", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    await resident(community, "wang");
    const unknown = await errorOf(
      community.pricing.memberships.purchase({ actor: me("li"), planId: "pool" }),
    );
    expect(isLinliError(unknown, "UNKNOWN_MEMBERSHIP_PLAN")).toBe(true);
    const m = await community.pricing.memberships.purchase({ actor: me("li"), planId: "gym-monthly" });
    const denied = await errorOf(
      community.pricing.memberships.cancel({ actor: me("wang"), membershipId: m.id }),
    );
    expect(isLinliError(denied, "ACCESS_DENIED")).toBe(true);
    const noResident = await errorOf(
      community.pricing.memberships.purchase({ actor: desk, planId: "gym-monthly" }),
    );
    expect(isLinliError(noResident, "SUBJECT_REQUIRED")).toBe(true);
  });
});
