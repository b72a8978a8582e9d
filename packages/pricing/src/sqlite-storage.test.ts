import { sqliteStorage } from "@linli/storage-sqlite";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity } from "../test/fixtures";

describe("pricing on the embedded SQLite adapter", () => {
  test("quotes, memberships, refunds, payments and the ledger round-trip through SQLite", async () => {
    const storage = sqliteStorage({ filename: ":memory:" });
    const { community, clock } = await testCommunity({ storage, start: "2026-06-01T02:00:00Z" });
    try {
      await resident(community, "li");
      await resident(community, "wang", ["hardship"]);
      const free = await community.pricing.charge({
        actor: desk,
        forResident: "wang",
        resourceId: "drying-room",
      });
      expect(free.quote.total.amount).toBe(0);
      const paid = await community.pricing.charge({
        actor: desk,
        forResident: "li",
        resourceId: "drying-room",
      });
      expect(paid.quote.total.amount).toBe(100);
      const m = await community.pricing.memberships.purchase({
        actor: desk,
        forResident: "li",
        planId: "gym-30-days",
      });
      const visit = await community.pricing.charge({ actor: desk, forResident: "li", resourceId: "gym" });
      expect(visit.quote.lines.map((l) => l.code)).toEqual(["MEMBERSHIP_COVERED"]);
      clock.advance(14 * 86_400_000);
      const cancelled = await community.pricing.memberships.cancel({ actor: desk, membershipId: m.id });
      expect(cancelled.refunded).toBe(1333);
      await community.pricing.ledger.recordPayment({
        actor: desk,
        forResident: "li",
        amount: { amount: 1267, currency: "CNY" },
        method: "wechat-pay",
        reference: "wx-1",
      });
      const entries = await community.pricing.ledger.entries({ actor: desk, forResident: "li" });
      expect(entries.map((e) => [e.seq, e.kind, e.amount])).toEqual([
        [1, "charge", 100],
        [2, "charge", 2500],
        [3, "charge", 0],
        [4, "refund", -1333],
        [5, "payment", -1267],
      ]);
      expect(entries[0]!.text["zh-CN"]).toBe("按次计费：¥1.00 × 1");
      expect((await community.pricing.ledger.balance({ actor: desk, forResident: "li" })).balance).toBe(0);
    } finally {
      await community.close();
    }
  });
});
