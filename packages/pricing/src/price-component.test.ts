import { contribute, definePlugin } from "@linli/core";
import * as z from "zod";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity, wangjialongConfig } from "../test/fixtures";
import { type PriceComponent, priceComponents } from "./price-component";
import { pricingPlugin } from "./pricing-plugin";

const perPersonSchema = z.object({ kind: z.literal("per-person"), amount: z.number().int().min(0) });

/** A community's own charge kind, added without touching the pricing engine. */
const perPerson: PriceComponent<z.output<typeof perPersonSchema>> = {
  kind: "per-person",
  schema: perPersonSchema,
  evaluate: (charge, usage) => [
    {
      code: "PER_PERSON",
      amount: charge.amount * usage.quantity,
      text: { "zh-CN": `按人计费 × ${usage.quantity}`, en: `Per person × ${usage.quantity}` },
    },
  ],
  // A contradiction the schema does not express: checked at config load, like a built-in's.
  check: (charge, report) => {
    if (charge.amount % 10 !== 0)
      report(["amount"], "NOT_WHOLE_JIAO", {
        "zh-CN": `按人价格须为整角（${charge.amount} 分）`,
        en: `A per-person price is a whole number of jiao (${charge.amount} fen)`,
      });
  },
};

const communityPlugin = () =>
  definePlugin({
    id: "courtyard-extras" as const,
    optional: ["pricing"],
    contributes: [contribute(priceComponents, [perPerson])],
    api: () => ({}),
  });

describe("price components registry", () => {
  test("a plugin contributes a charge kind; config validates it and quotes use it, tiers included", async () => {
    const config = wangjialongConfig();
    config.pricing!.plans!.find((p) => p.id === "study-room")!.charge = { kind: "per-person", amount: 300 };
    const { community } = await testCommunity({ config, plugins: [pricingPlugin(), communityPlugin()] });
    await resident(community, "li", ["student"]);
    const q = await community.pricing.quote({
      actor: desk,
      forResident: "li",
      resourceId: "study-room",
      quantity: 3,
    });
    expect(q.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ["PER_PERSON", 900],
      ["TIER_PERCENTAGE", -450],
    ]);
    // Student is not sensitive: the public receipt may name it.
    expect(q.lines[1]!.publicText.en).toBe("Student concession: -CN¥4.50");
  });

  test("a contributed component's own check runs at config load, with the path into the plan", async () => {
    const config = wangjialongConfig();
    const index = config.pricing!.plans!.findIndex((p) => p.id === "study-room");
    config.pricing!.plans![index]!.charge = { kind: "per-person", amount: 305 };
    const error = await testCommunity({ config, plugins: [pricingPlugin(), communityPlugin()] }).catch(
      (e: unknown) => e,
    );
    expect((error as { details: { problems: unknown[] } }).details.problems).toEqual([
      {
        path: `pricing.plans[${index}].charge.amount`,
        code: "NOT_WHOLE_JIAO",
        message: {
          "zh-CN": "按人价格须为整角（305 分）",
          en: "A per-person price is a whole number of jiao (305 fen)",
        },
      },
    ]);
  });

  test("without the contributing plugin, the same config fails at load", async () => {
    const config = wangjialongConfig();
    config.pricing!.plans!.find((p) => p.id === "study-room")!.charge = { kind: "per-person", amount: 300 };
    await expect(testCommunity({ config })).rejects.toMatchObject({ code: "CONFIG_INVALID" });
  });
});
