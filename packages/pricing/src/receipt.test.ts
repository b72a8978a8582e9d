import { describe, expect, test } from "vitest";
import { context, plan, text } from "../test/pure-fixtures";
import { quote } from "./quote";
import { formatReceipt, languageOf, toPublicQuote } from "./receipt";

const start = new Date("2026-06-01T02:00:00Z");
const studentQuote = () =>
  quote({
    resourceId: "room",
    plan: plan({
      id: "room",
      name: text("房", "Room"),
      appliesTo: { resources: ["room"] },
      charge: { kind: "per-use", amount: 1000 },
      tiers: [
        { group: "student", price: { kind: "fixed", amount: 600 } },
        { group: "hardship", price: { kind: "fixed", amount: 500 } },
      ],
    }),
    groups: ["hardship"],
    usage: { start, end: null, quantity: 1 },
    memberships: [],
    context: context(),
  });

describe("receipts", () => {
  test("any Chinese locale reads zh-CN texts, whatever its case; every other locale reads en", () => {
    expect(["zh-CN", "ZH-tw", "zh", "en-GB", "fr", "xzh"].map(languageOf)).toEqual([
      "zh-CN",
      "zh-CN",
      "zh-CN",
      "en",
      "en",
      "en",
    ]);
  });

  test("the public quote shows each line's public text and no deciding group anywhere", () => {
    const q = studentQuote();
    expect(q.decidedBy).toEqual({ group: "hardship", sensitive: true });
    const pub = toPublicQuote(q);
    expect(pub.decidedBy).toBeNull();
    expect(pub.lines[1]).toEqual({
      kind: "adjustment",
      code: "TIER_FIXED",
      amount: { amount: -500, currency: "CNY" },
      text: text("资格优惠：-¥5.00", "Eligibility concession: -CN¥5.00"),
      publicText: text("资格优惠：-¥5.00", "Eligibility concession: -CN¥5.00"),
    });
    expect(JSON.stringify(pub)).not.toMatch(/hardship|困难户/);
    expect(pub.total).toEqual(q.total);
  });

  test("a receipt's language follows its locale unless one is given", () => {
    const q = studentQuote();
    expect(formatReceipt(q, "zh-HK").lines[1]!.text).toBe("资格优惠：-¥5.00");
    expect(formatReceipt(q, "zh-CN", "en").lines[1]!.text).toBe("Eligibility concession: -CN¥5.00");
    expect(formatReceipt(q, "en").lines[0]).toEqual({ text: "Per use: CN¥10.00 × 1", amount: "CN¥10.00" });
  });
});
