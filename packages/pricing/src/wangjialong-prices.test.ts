import { formatMoney } from "@linli/core";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity } from "../test/fixtures";
import { formatReceipt } from "./receipt";

const at = (iso: string) => new Date(iso);

describe("Wangjialong's prices, from the preset facts", () => {
  test("a drying-room use costs 100 fen for an ordinary resident", async () => {
    const { community } = await testCommunity();
    await resident(community, "li");
    const { quote } = await community.pricing.charge({
      actor: desk,
      forResident: "li",
      resourceId: "drying-room",
    });
    expect(quote.total).toEqual({ amount: 100, currency: "CNY" });
    expect(quote.lines.map((l) => [l.code, l.amount.amount])).toEqual([["PER_USE", 100]]);
    expect(quote.lines[0]!.text["zh-CN"]).toBe("按次计费：¥1.00 × 1");
    const balance = await community.pricing.ledger.balance({ actor: desk, forResident: "li" });
    expect(balance.balance).toBe(100);
  });

  test("a drying-room use costs 0 for a household in difficulty, and the reason says why", async () => {
    const { community } = await testCommunity();
    await resident(community, "wang", ["hardship"]);
    const { quote } = await community.pricing.charge({
      actor: desk,
      forResident: "wang",
      resourceId: "drying-room",
    });
    expect(quote.total.amount).toBe(0);
    expect(quote.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ["PER_USE", 100],
      ["TIER_FREE", -100],
    ]);
    // Staff see which group decided; hardship is sensitive.
    expect(quote.decidedBy).toEqual({ group: "hardship", sensitive: true });
    expect(quote.lines[1]!.text["zh-CN"]).toBe("困难户优惠：-¥1.00");
    expect(quote.lines[1]!.text.en).toBe("Household in difficulty concession: -CN¥1.00");

    // The resident's own view (and the ledger they read) never names the sensitive group.
    const own = await community.pricing.quote({
      actor: { kind: "resident", id: "wang" },
      resourceId: "drying-room",
    });
    expect(own.decidedBy).toBeNull();
    expect(own.lines[1]!.text).toEqual({
      "zh-CN": "资格优惠：-¥1.00",
      en: "Eligibility concession: -CN¥1.00",
    });
    expect(JSON.stringify(own)).not.toContain("hardship");
    const entries = await community.pricing.ledger.entries({ actor: { kind: "resident", id: "wang" } });
    expect(entries.map((e) => [e.kind, e.amount, e.code])).toEqual([["charge", 0, "TIER_FREE"]]);
    expect(JSON.stringify(entries)).not.toMatch(/hardship|困难户/);
  });

  test("the printed public receipt is formatted with Intl in the community's locale", async () => {
    const { community } = await testCommunity();
    await resident(community, "wang", ["elderly-no-family"]);
    const { quote } = await community.pricing.charge({
      actor: desk,
      forResident: "wang",
      resourceId: "drying-room",
    });
    const receipt = formatReceipt(quote, community.config.community.locale);
    expect(receipt).toEqual({
      lines: [
        { text: "按次计费：¥1.00 × 1", amount: "¥1.00" },
        { text: "资格优惠：-¥1.00", amount: "-¥1.00" },
      ],
      total: "¥0.00",
    });
    expect(formatReceipt(quote, "en").total).toBe(formatMoney({ amount: 0, currency: "CNY" }, "en"));
    expect(formatReceipt(quote, "en").lines[1]).toEqual({
      text: "Eligibility concession: -CN¥1.00",
      amount: "-CN¥1.00",
    });
  });

  test("20 gym visits in a month with a membership cost 2,500 fen in total", async () => {
    const { community, clock } = await testCommunity({ start: "2026-06-01T01:00:00Z" });
    await resident(community, "zhao");
    await community.pricing.memberships.purchase({
      actor: { kind: "resident", id: "zhao" },
      planId: "gym-monthly",
    });
    for (let day = 1; day <= 20; day++) {
      clock.set(`2026-06-${String(day).padStart(2, "0")}T10:00:00Z`);
      const { quote } = await community.pricing.charge({
        actor: desk,
        forResident: "zhao",
        resourceId: "gym",
      });
      expect(quote.lines.map((l) => l.code)).toEqual(["MEMBERSHIP_COVERED"]);
      expect(quote.total.amount).toBe(0);
    }
    const entries = await community.pricing.ledger.entries({ actor: desk, forResident: "zhao" });
    expect(entries).toHaveLength(21);
    expect(entries.reduce((a, e) => a + e.amount, 0)).toBe(2500);
    const balance = await community.pricing.ledger.balance({ actor: desk, forResident: "zhao" });
    expect(balance).toMatchObject({ balance: 2500, currency: "CNY", entries: 21 });
  });

  test("without a membership, visits are capped at the monthly price (flat fee per visit, monthly cap)", async () => {
    const { community, clock } = await testCommunity();
    await resident(community, "sun");
    const totals: number[] = [];
    for (let day = 1; day <= 7; day++) {
      clock.set(`2026-06-0${day}T10:00:00Z`);
      totals.push(
        (await community.pricing.charge({ actor: desk, forResident: "sun", resourceId: "gym" })).quote.total
          .amount,
      );
    }
    expect(totals).toEqual([500, 500, 500, 500, 500, 0, 0]);
    clock.set("2026-07-01T10:00:00Z"); // a new local month: the cap starts again
    const july = await community.pricing.charge({ actor: desk, forResident: "sun", resourceId: "gym" });
    expect(july.quote.total.amount).toBe(500);
  });

  test("a home repair costs 0 for an elderly person living alone and the configured low fee for others", async () => {
    const { community } = await testCommunity();
    await resident(community, "grandma-chen", ["elderly-living-alone"]);
    await resident(community, "zhou");
    const free = await community.pricing.charge({
      actor: desk,
      forResident: "grandma-chen",
      resourceId: "home-repair",
    });
    const paid = await community.pricing.charge({
      actor: desk,
      forResident: "zhou",
      resourceId: "home-repair",
    });
    expect(free.quote.total.amount).toBe(0);
    expect(free.quote.decidedBy?.group).toBe("elderly-living-alone");
    expect(paid.quote.total.amount).toBe(1000);
    for (const group of ["minimum-subsistence", "extremely-poor"]) {
      await resident(community, group, [group]);
      const q = await community.pricing.quote({ actor: desk, forResident: group, resourceId: "home-repair" });
      expect(q.total.amount).toBe(0);
    }
  });

  test("gallery viewing and tool lending are free, through a resource group", async () => {
    const { community } = await testCommunity();
    await resident(community, "artist");
    for (const resourceId of ["gallery", "tool-room"]) {
      const q = await community.pricing.quote({ actor: desk, forResident: "artist", resourceId });
      expect(q.lines.map((l) => [l.code, l.amount.amount])).toEqual([["FREE", 0]]);
      expect(q.planId).toBe("free-shared");
    }
  });

  test("prices follow eligibility at the instant of use, not at the time of asking", async () => {
    const { community } = await testCommunity({ start: "2026-06-01T00:00:00Z" });
    await community.residents.register({ actor: desk, id: "qian", name: "qian" });
    await community.eligibility.grant({
      actor: desk,
      forResident: "qian",
      groupId: "hardship",
      validFrom: at("2026-06-01T00:00:00Z"),
      validUntil: at("2026-06-10T00:00:00Z"),
    });
    const during = await community.pricing.quote({
      actor: desk,
      forResident: "qian",
      resourceId: "drying-room",
      start: at("2026-06-09T12:00:00Z"),
    });
    const after = await community.pricing.quote({
      actor: desk,
      forResident: "qian",
      resourceId: "drying-room",
      start: at("2026-06-10T12:00:00Z"),
    });
    expect([during.total.amount, after.total.amount]).toEqual([0, 100]);
  });
});
