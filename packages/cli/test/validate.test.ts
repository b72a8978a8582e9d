import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { presetJson, presetNames } from "@linli/presets";
import { describe, expect, test } from "vitest";
import { run } from "./run-cli";

describe("linli validate", () => {
  test("a YAML file with four mistakes (type, unknown kind, min above max, unknown group): each at its line and column, with a code frame; exit 1", async () => {
    const { code, out } = await run(["validate", "mistakes.yaml"]);
    expect(code).toBe(1);
    expect(out).toBe(`mistakes.yaml:15:15  resources[0].capacity  INVALID_TYPE
  Invalid input: expected number, received string
    13 |     kind: pool
    14 |     name: { zh-CN: 干衣机, en: Dryer }
  > 15 |     capacity: "two"
       |               ^^^^^
    16 |   - id: hall

mistakes.yaml:17:11  resources[1].kind  INVALID_VALUE
  Invalid option: expected one of "space"|"pool"|"item"|"service"
    15 |     capacity: "two"
    16 |   - id: hall
  > 17 |     kind: hall
       |           ^^^^
    18 |     name: { zh-CN: 活动室, en: Hall }

mistakes.yaml:24:19  booking.rules[0].minMinutes  MIN_ABOVE_MAX
  The minimum of 120 minutes is above the maximum of 30: every booking would be refused
    22 |       kind: duration
    23 |       appliesTo: { resources: [dryer] }
  > 24 |       minMinutes: 120
       |                   ^^^
    25 |       maxMinutes: 30

mistakes.yaml:33:18  pricing.plans[0].tiers[0].group  UNKNOWN_GROUP
  Unknown eligibility group "elderly"
    31 |       charge: { kind: per-use, amount: 100 }
    32 |       tiers:
  > 33 |         - group: elderly
       |                  ^^^^^^^
    34 |           price: { kind: free }

✖ mistakes.yaml: 4 problems
`);
  });

  test("--lang zh-CN overrides the config's locale", async () => {
    const { out } = await run(["validate", "mistakes.yaml", "--lang", "zh-CN"]);
    expect(out.split("\n").filter((l) => /^ {2}[^\s>]/.test(l))).toEqual([
      "  无效输入：期望 数字，实际接收 string",
      '  无效选项：期望以下之一 "space"|"pool"|"item"|"service"',
      "  最短时长 120 分钟超过最长时长 30 分钟：任何预约都会被拒绝",
      '  未定义的资格类别 "elderly"',
    ]);
    expect(out.endsWith("✖ mistakes.yaml：4 个问题\n")).toBe(true);
  });

  test("a file extending the wangjialong preset: problems in it and in the file it includes, in zh-CN from its locale", async () => {
    const { code, out } = await run(["validate", "extends-preset.yaml"]);
    expect(code).toBe(1);
    expect(out.split("\n").filter((l) => /^\S/.test(l))).toEqual([
      "extends-preset.yaml:7:15  resources[13].capacity  TOO_SMALL",
      "extends-preset.yaml:14:18  pricing.plans[5].tiers[0].group  UNKNOWN_GROUP",
      "shed.yaml:4:8  resources[22].place  UNKNOWN_PLACE",
      "✖ extends-preset.yaml：3 个问题",
    ]);
    expect(out).toContain('  未定义的地点 "nowhere"\n    2 | kind: pool\n');
  });

  test("a problem the override causes inside the preset is placed in the preset's shipped JSON", async () => {
    const { out } = await run(["validate", "delete-group.yaml"]);
    const json = presetJson("wangjialong");
    const plan = json.indexOf('"id": "drying-room-per-use"');
    const at = json.indexOf('"group": "hardship"', plan);
    const before = json.slice(0, at).split("\n");
    const line = before.length;
    const column = before.at(-1)!.length + '"group": '.length + 1;
    expect(out.split("\n")[0]).toBe(
      `@linli/presets/wangjialong.json:${line}:${column}  pricing.plans[5].tiers[1].group  UNKNOWN_GROUP`,
    );
    expect(out).toContain('Unknown eligibility group "hardship"');
  });

  test("a problem in an extended file is placed in that file", async () => {
    const { out } = await run(["validate", "child.yaml"]);
    expect(out.split("\n").filter((l) => /^\S/.test(l))).toEqual([
      "child.yaml:6:15  resources[1].capacity  TOO_SMALL",
      "base.yaml:4:13  community.timeZone  INVALID_TIME_ZONE",
      "✖ child.yaml: 2 problems",
    ]);
  });

  test("YAML syntax errors, missing files and unknown presets are problems with a place too", async () => {
    // Written here: a YAML file with a syntax error would trip the repository's linter.
    const dir = mkdtempSync(join(tmpdir(), "linli-broken-"));
    writeFileSync(join(dir, "broken.yaml"), "community:\n  id: [unclosed\nresources: []\n");
    const broken = await run(["validate", "broken.yaml", "--lang", "en"], dir);
    rmSync(dir, { recursive: true, force: true });
    expect(broken.code).toBe(1);
    expect(broken.out.split("\n")[0]).toBe("broken.yaml:3:1  YAML_SYNTAX");
    const missing = await run(["validate", "nothing-here.yaml", "--lang", "en"]);
    expect(missing.out).toBe(
      "(config)  FILE_NOT_FOUND\n  File not found: nothing-here.yaml\n\n✖ nothing-here.yaml: 1 problem\n",
    );
  });

  test("an override that fits validates: exit 0", async () => {
    expect(await run(["validate", "ok-override.yaml"])).toEqual({
      code: 0,
      out: "✔ ok-override.yaml：没有问题\n",
      err: "",
    });
  });

  test.each(presetNames)("the shipped %s preset validates", async (name) => {
    const file = fileURLToPath(new URL(`../../presets/${name}.json`, import.meta.url));
    const { code, out } = await run(["validate", file, "--lang", "en"]);
    expect(code).toBe(0);
    expect(out).toMatch(/^✔ .*\.json: no problems\n$/);
  });

  test("mistakes in the volunteers section of a file extending wangjialong: an unknown age band and price resource, at their lines", async () => {
    const { code, out } = await run(["validate", "volunteers-mistakes.yaml", "--lang", "en"]);
    expect(code).toBe(1);
    expect(out.split("\n").filter((l) => l.startsWith("volunteers-mistakes.yaml"))).toEqual([
      "volunteers-mistakes.yaml:5:22  volunteers.ageRule.volunteerBands[0]  UNKNOWN_AGE_BAND",
      "volunteers-mistakes.yaml:9:22  volunteers.kinds[4].priceResource  UNKNOWN_RESOURCE",
    ]);
    expect(out).toContain('Unknown age band "young-old"');
  });
});
