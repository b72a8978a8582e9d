import { createCommunity, isLinliError, type Problem } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { volunteersConfig } from "../test/fixture";
import { volunteersPlugin } from "./volunteers-plugin";

type Config = ReturnType<typeof volunteersConfig>;

/** The fixture's config (pricing and volunteers, home repair priced) with these changes. */
function configWith(change: (config: Config) => Config): unknown {
  return JSON.parse(JSON.stringify(change(volunteersConfig())));
}

async function problemsOf(config: unknown, plugins = [pricingPlugin(), volunteersPlugin()]) {
  const outcome = await createCommunity({ config: config as Config, storage: memoryStorage(), plugins }).then(
    async (c) => {
      await c.close();
      return null;
    },
    (e: unknown) => e,
  );
  if (outcome === null) return [];
  expect(isLinliError(outcome, "CONFIG_INVALID")).toBe(true);
  return (outcome as { details: { problems: Problem[] } }).details.problems;
}

const withoutQuotingAccount = (c: Config): Config => ({
  ...c,
  members: (c.members ?? []).filter((m) => m.id !== "volunteers"),
});

describe("the account volunteers quotes as is checked at load", () => {
  test("declared as a system member: the config loads", async () => {
    expect(await problemsOf(configWith((c) => c))).toEqual([]);
  });

  test("not declared: createCommunity fails with a clear zh-CN/en message, before any request", async () => {
    const problems = await problemsOf(configWith(withoutQuotingAccount));
    expect(problems.map((p) => [p.path, p.code])).toEqual([["members", "QUOTING_ACCOUNT_NOT_MEMBER"]]);
    expect(problems[0]?.message.en).toBe(
      'Volunteers quotes prices through pricing as the system account "volunteers" (kind of help "home-repair" has a priceResource), but members does not declare it as a system account: add { id: "volunteers", kind: "system" }',
    );
    expect(problems[0]?.message["zh-CN"]).toContain(
      'members 中没有声明该系统账号：请加入 { id: "volunteers", kind: "system" }',
    );
  });

  test("declared as another kind (staff) is not enough", async () => {
    const asStaff = (c: Config): Config => ({
      ...withoutQuotingAccount(c),
      members: [...(withoutQuotingAccount(c).members ?? []), { id: "volunteers", kind: "staff" }],
    });
    expect((await problemsOf(configWith(asStaff))).map((p) => p.code)).toEqual([
      "QUOTING_ACCOUNT_NOT_MEMBER",
    ]);
  });

  test("permissions that keep the system from pricing.quote are refused too", async () => {
    const narrowed = (c: Config): Config => ({
      ...c,
      permissions: { "pricing.quote": ["desk", "resident"] },
    });
    const problems = await problemsOf(configWith(narrowed));
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      ["permissions.pricing.quote", "QUOTING_ACCOUNT_NOT_PERMITTED"],
    ]);
    const withSystem = (c: Config): Config => ({
      ...c,
      permissions: { "pricing.quote": ["desk", "system"] },
    });
    expect(await problemsOf(configWith(withSystem))).toEqual([]);
  });

  test("nothing is asked when nothing is quoted: no priced kind, or no pricing plugin", async () => {
    const unpriced = (c: Config): Config => ({
      ...withoutQuotingAccount(c),
      volunteers: { ...c.volunteers, kinds: [{ id: "home-repair" }] },
    });
    expect(await problemsOf(configWith(unpriced))).toEqual([]);
    const { pricing: _pricing, ...noPricing } = configWith(withoutQuotingAccount) as Config;
    expect(await problemsOf(noPricing, [volunteersPlugin()])).toEqual([]);
  });
});
