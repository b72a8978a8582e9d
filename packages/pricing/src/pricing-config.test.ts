import { communityConfigJsonSchema, isLinliError, type Problem } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { asJson, testCommunity, wangjialongConfig } from "../test/fixtures";
import { pricingPlugin } from "./pricing-plugin";

/** Edits a JSON copy of the Wangjialong config (broken on purpose) and returns the problems it loads with. */
async function problemsOf(edit: (config: any, pricing: any) => void): Promise<Problem[]> {
  const config = asJson(wangjialongConfig());
  edit(config, config.pricing);
  const storage = memoryStorage();
  let setupCalled = false;
  const spied = {
    ...storage,
    setup: async (...args: Parameters<typeof storage.setup>) => {
      setupCalled = true;
      return storage.setup(...args);
    },
  };
  try {
    await testCommunity({ config, storage: spied });
  } catch (error) {
    expect(isLinliError(error, "CONFIG_INVALID")).toBe(true);
    expect(setupCalled).toBe(false); // nothing written: the config fails before storage is touched
    return (error as { details: { problems: Problem[] } }).details.problems;
  }
  throw new Error("expected CONFIG_INVALID");
}

describe("pricing configuration", () => {
  test("the Wangjialong prices load", async () => {
    const { community } = await testCommunity();
    expect(community.config.pricing).toBeDefined();
  });

  test("a community without a pricing section loads, and every use is free with the reason", async () => {
    const { pricing: _, ...config } = wangjialongConfig();
    const { community } = await testCommunity({ config });
    await community.residents.register({ actor: { kind: "staff", id: "desk-1" }, id: "li", name: "li" });
    const q = await community.pricing.quote({
      actor: { kind: "staff", id: "desk-1" },
      forResident: "li",
      resourceId: "gym",
    });
    expect(q.lines.map((l) => l.code)).toEqual(["NO_PRICE_PLAN"]);
  });

  test("a tier for an unknown group fails at load, with path, code and both messages", async () => {
    const problems = await problemsOf((_, p) => {
      p.plans[0]!.tiers.push({ group: "veterans", price: { kind: "free" } });
    });
    expect(problems).toEqual([
      {
        path: "pricing.plans[0].tiers[2].group",
        code: "UNKNOWN_GROUP",
        message: { "zh-CN": '未定义的资格类别 "veterans"', en: 'Unknown eligibility group "veterans"' },
      },
    ]);
  });

  test("negative and fractional prices fail at load", async () => {
    const problems = await problemsOf((_, p) => {
      p.plans[0]!.charge.amount = -100;
      p.plans[1]!.charge.amount = 2.5;
      p.memberships[0]!.price = -1;
    });
    expect(problems.map((x) => [x.path, x.code])).toEqual([
      ["pricing.plans[0].charge.amount", "TOO_SMALL"],
      ["pricing.plans[1].charge.amount", "INVALID_TYPE"],
      ["pricing.memberships[0].price", "TOO_SMALL"],
    ]);
    expect(problems[0]!.message["zh-CN"]).toBeTruthy();
  });

  test("an unknown currency fails at load, in the community section or the pricing section", async () => {
    const problems = await problemsOf((c, p) => {
      c.community.currency = "XYZ";
      p.currency = "ABC";
    });
    expect(problems.map((x) => [x.path, x.code])).toEqual([
      ["community.currency", "INVALID_CURRENCY"],
      ["pricing.currency", "INVALID_CURRENCY"],
    ]);
    const pricingOnly = await problemsOf((_, p) => {
      p.currency = "ABC";
    });
    expect(pricingOnly.map((x) => [x.path, x.code])).toEqual([["pricing.currency", "INVALID_CURRENCY"]]);
    const mismatch = await problemsOf((_, p) => {
      p.currency = "USD";
    });
    expect(mismatch.map((x) => x.code)).toEqual(["CURRENCY_MISMATCH"]);
    // With the community's currency broken, a mismatch with it would only repeat that problem.
    const brokenCommunity = await problemsOf((c, p) => {
      c.community.currency = "XYZ";
      p.currency = "USD";
    });
    expect(brokenCommunity.map((x) => [x.path, x.code])).toEqual([
      ["community.currency", "INVALID_CURRENCY"],
    ]);
  });

  test("a voucher naming a plan with problems of its own is not told the plan is unknown", async () => {
    const problems = await problemsOf((_, p) => {
      p.plans[0]!.charge.amount = -1;
      p.vouchers[0]!.plans = ["drying-room-per-use"];
    });
    expect(problems.map((x) => [x.path, x.code])).toEqual([["pricing.plans[0].charge.amount", "TOO_SMALL"]]);
    const unknown = await problemsOf((_, p) => {
      p.vouchers[0]!.plans = ["no-such-plan"];
    });
    expect(unknown.map((x) => [x.path, x.code])).toEqual([["pricing.vouchers[0].plans[0]", "UNKNOWN_PLAN"]]);
  });

  test("unknown resources, two plans for one resource, duplicate ids and tiers: every problem at once", async () => {
    const problems = await problemsOf((_, p) => {
      p.plans.push({
        id: "drying-room-per-use",
        name: { "zh-CN": "重复", en: "Duplicate" },
        appliesTo: { resources: ["drying-room", "sauna"], resourceGroups: ["spa"] },
        charge: { kind: "per-use", amount: 50 },
        tiers: [
          { group: "hardship", price: { kind: "free" } },
          { group: "hardship", price: { kind: "fixed", amount: 10 } },
        ],
      });
      p.memberships[0]!.covers.resources.push("pool");
    });
    expect(problems.map((x) => [x.path, x.code])).toEqual([
      ["pricing.plans[5].id", "DUPLICATE_ID"],
      ["pricing.plans[5].appliesTo.resources[1]", "UNKNOWN_RESOURCE"],
      ["pricing.plans[5].appliesTo.resourceGroups[0]", "UNKNOWN_RESOURCE_GROUP"],
      ["pricing.plans[5].tiers[1].group", "DUPLICATE_TIER"],
      ["pricing.plans[5].appliesTo", "AMBIGUOUS_PLAN"],
      ["pricing.memberships[0].covers.resources[1]", "UNKNOWN_RESOURCE"],
    ]);
  });

  test("an unknown charge kind and badly ordered graduated steps fail at load", async () => {
    const problems = await problemsOf((_, p) => {
      p.plans[0]!.charge = { kind: "per-moon", amount: 1 };
      p.plans[1]!.charge = {
        kind: "graduated",
        steps: [
          { upTo: 5, unitAmount: 100 },
          { upTo: 3, unitAmount: 50 },
        ],
      };
    });
    expect(problems.map((x) => [x.path, x.code])).toEqual([
      ["pricing.plans[0].charge.kind", "INVALID_UNION"],
      ["pricing.plans[1].charge.steps[1].upTo", "STEPS_NOT_ASCENDING"],
    ]);
  });

  test("the config's JSON Schema includes the pricing section", () => {
    const plugins = [pricingPlugin()];
    const schema = communityConfigJsonSchema(plugins) as {
      properties: Record<string, unknown>;
    };
    expect(schema.properties.pricing).toBeDefined();
  });
});
