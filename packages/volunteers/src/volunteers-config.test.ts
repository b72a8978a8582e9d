import { createCommunity, isLinliError, type Problem } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { expect, test } from "vitest";
import { volunteersPlugin } from "./volunteers-plugin";

const community = {
  id: "c",
  name: { "zh-CN": "社区", en: "Community" },
  timeZone: "Asia/Shanghai",
  currency: "CNY",
};

async function problemsOf(volunteers: unknown) {
  const error = await createCommunity({
    config: JSON.parse(JSON.stringify({ community, volunteers })),
    storage: memoryStorage(),
    plugins: [volunteersPlugin()],
  }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(isLinliError(error, "CONFIG_INVALID")).toBe(true);
  return (error as { details: { problems: Problem[] } }).details.problems.map((p) => [p.path, p.code]);
}

test("config problems are reported at load, all at once, with paths and codes", async () => {
  expect(
    await problemsOf({
      kinds: [{ id: "home-repair", priceResource: "nowhere" }],
      ageBands: [{ id: "old", minAge: 80, maxAge: 60 }],
      ageRule: { volunteerBands: ["young"], requesterBands: ["old"], kinds: ["juggling"] },
    }),
  ).toEqual([
    ["volunteers.kinds[0].priceResource", "UNKNOWN_RESOURCE"],
    ["volunteers.ageBands[0]", "INVALID_AGE_BAND"],
    ["volunteers.ageRule.volunteerBands[0]", "UNKNOWN_AGE_BAND"],
    ["volunteers.ageRule.kinds[0]", "UNKNOWN_HELP_KIND"],
  ]);
});

test("a community without a volunteers section gets the defaults", async () => {
  const c = await createCommunity({
    config: { community, members: [{ id: "s", kind: "staff" }] },
    storage: memoryStorage(),
    plugins: [volunteersPlugin()],
  });
  expect(await c.volunteers.list({ actor: { kind: "staff", id: "s" } })).toEqual([]);
  await c.close();
});
