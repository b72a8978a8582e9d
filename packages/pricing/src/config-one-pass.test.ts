import { bookingPlugin } from "@linli/booking";
import { createCommunity, isLinliError, type Problem } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { manyMistakesConfig } from "../test/many-mistakes-config";
import { pricingPlugin } from "./pricing-plugin";

async function problemsOf(config: unknown): Promise<Problem[]> {
  const error = await createCommunity({
    config: config as any,
    storage: memoryStorage(),
    plugins: [bookingPlugin(), pricingPlugin()],
  }).catch((e: unknown) => e);
  expect(isLinliError(error, "CONFIG_INVALID")).toBe(true);
  return (error as { details: { problems: Problem[] } }).details.problems;
}

describe("a configuration with many mistakes", () => {
  test("one createCommunity call reports every mistake: structural, cross-reference and semantic, in every section", async () => {
    const problems = await problemsOf(manyMistakesConfig());
    expect(problems.map((p) => [p.path, p.code])).toEqual([
      // Structural, section by section.
      ["community.timeZone", "INVALID_TIME_ZONE"], // 1
      ["places[0].kind", "INVALID_VALUE"], // 2
      ["groups[1].verification", "INVALID_VALUE"], // 3
      ["resources[0].capacity", "TOO_SMALL"], // 5
      ["resources[2].kind", "INVALID_VALUE"], // 7
      ["booking.rules[0].weekly.mon[0].to", "INVALID_TIME"], // 10
      ["booking.rules[1].kind", "INVALID_UNION"], // 11
      ["booking.reminderLeadMinutes", "TOO_SMALL"], // 9
      ["pricing.plans[0].charge.amount", "TOO_SMALL"], // 21
      ["pricing.plans[1].charge.kind", "INVALID_UNION"], // 22
      // The kernel's cross references.
      ["groups[3].id", "DUPLICATE_ID"], // 4
      ["resources[1].place", "UNKNOWN_PLACE"], // 6
      ["resourceGroups[0].resources[1]", "UNKNOWN_RESOURCE"], // 8
      // Booking's, and its rules' own semantic checks.
      ["booking.rules[2].appliesTo.resources[0]", "UNKNOWN_RESOURCE"], // 12
      ["booking.rules[3].groups[0]", "UNKNOWN_GROUP"], // 13
      ["booking.rules[4].id", "DUPLICATE_ID"], // 14
      ["booking.rules[4].minMinutes", "MIN_ABOVE_MAX"], // 15
      ["booking.rules[5].periods[0].from", "INVALID_DATE"], // 16
      ["booking.rules[6].closures[0].from", "INVALID_DATE"], // 17
      ["booking.rules[6].closures[1].to", "ENDS_BEFORE_START"], // 18
      ["booking.rules[7].minLeadMinutes", "LEAD_BEYOND_WINDOW"], // 19
      // Pricing's, and its components' own semantic checks.
      ["pricing.currency", "CURRENCY_MISMATCH"], // 20
      ["pricing.plans[2].charge.steps[1].upTo", "STEPS_NOT_ASCENDING"], // 23
      ["pricing.plans[2].tiers[1].group", "UNKNOWN_GROUP"], // 24
    ]);
  });

  test("no zh-CN message of any reported problem is ASCII-only, nor the English text", async () => {
    const problems = await problemsOf(manyMistakesConfig());
    expect(problems.length).toBeGreaterThanOrEqual(15);
    for (const problem of problems) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point
      expect(problem.message["zh-CN"], problem.path).not.toMatch(/^[\x00-\x7f]*$/);
      expect(problem.message["zh-CN"], problem.path).not.toBe(problem.message.en);
      expect(problem.message.en.length, problem.path).toBeGreaterThan(0);
    }
  });

  test("an unknown rule kind is explained in both languages, with every valid kind", async () => {
    const problems = await problemsOf(manyMistakesConfig());
    const unknown = problems.find((p) => p.path === "booking.rules[1].kind")!;
    for (const text of [unknown.message["zh-CN"], unknown.message.en]) {
      expect(text).toContain('"teleport"');
      for (const kind of ["opening-hours", "closures", "seasonal", "booking-window", "check-in"])
        expect(text).toContain(`'${kind}'`);
    }
    expect(unknown.message["zh-CN"]).toMatch(/^未知的 kind "teleport"，应为以下之一：/);
  });

  test("references to entries with problems of their own are not reported as unknown", async () => {
    const problems = await problemsOf(manyMistakesConfig());
    const messages = problems.map((p) => p.message.en).join("\n");
    // The drying room (capacity 0), the gallery (unknown kind), lane-6 (bad kind), the hardship
    // group (bad verification) and the plan with a negative price are all defined.
    for (const name of ["drying-room", "gallery", "lane-6", "hardship", "drying-room-per-use"])
      expect(messages).not.toContain(`"${name}"`);
  });

  test("once the mistakes are fixed, the same file loads", async () => {
    const config = manyMistakesConfig();
    config.community.timeZone = "Asia/Shanghai";
    config.places[0].kind = "street";
    config.groups[1].verification = "staff";
    config.groups.pop();
    config.resources[0].capacity = 4;
    config.resources[1].place = "courtyard-1";
    config.resources[2].kind = "space";
    config.resourceGroups[0].resources = ["gallery"];
    const booking = config.booking;
    booking.reminderLeadMinutes = 60;
    booking.rules[0].weekly.mon[0].to = "21:00";
    booking.rules.splice(1, 1); // the teleport rule
    booking.rules[1].appliesTo.resources = ["gym"];
    booking.rules[2].groups = ["student"];
    booking.rules[3].id = "gym-duration";
    booking.rules[3].minMinutes = 30;
    booking.rules[4].periods[0].from = "12-20";
    booking.rules[5].closures[0].from = "2026-02-28";
    booking.rules[5].closures[1].to = "2026-10-08";
    booking.rules[6].minLeadMinutes = 60;
    const pricing = config.pricing;
    pricing.currency = "CNY";
    pricing.plans[0].charge.amount = 100;
    pricing.plans[1].charge.kind = "per-use";
    pricing.plans[2].charge.steps[1].upTo = 6;
    pricing.plans[2].tiers.pop();
    const community = await createCommunity({
      config,
      storage: memoryStorage(),
      plugins: [bookingPlugin(), pricingPlugin()],
    });
    expect(community.config.booking).toBeDefined();
    await community.close();
  });
});
