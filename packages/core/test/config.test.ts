import Ajv2020 from "ajv/dist/2020";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  type CommunityConfig,
  communityConfigJsonSchema,
  type ConfigCheckContext,
  createCommunity,
  definePlugin,
  isLinliError,
  type LinliError,
  parseCommunityConfig,
} from "../src/index";
import { resolvePlugins } from "../src/plugin-set";
import { memoryStorage } from "@linli/storage-memory";
import { baseConfig, json } from "./fixtures";

const opening = definePlugin({
  id: "opening" as const,
  config: z.object({
    hours: z.array(z.object({ resource: z.string(), from: z.string().regex(/^\d\d:\d\d$/) })).default([]),
  }),
  checkConfig(section, config, report) {
    const ids = new Set(config.resources.map((r) => r.id));
    section.hours.forEach((h, i) => {
      if (!ids.has(h.resource))
        report(["opening", "hours", i, "resource"], "UNKNOWN_RESOURCE", {
          "zh-CN": "未知资源",
          en: "unknown resource",
        });
    });
  },
  api: () => ({}),
});

describe("community configuration", () => {
  it("reports five different mistakes at once, each with a path and zh-CN and en messages", () => {
    const config = baseConfig() as Record<string, any>;
    config.community.timeZone = "Asia/Changsha"; // 1: not an IANA zone
    config.community.currency = "RMB"; // 2: not ISO 4217
    config.resources[0].capacity = 0; // 3: capacity must be positive
    config.groups[1].verification = "neighbours"; // 4: not an allowed value
    config.places[0].kind = 42; // 5: wrong type
    const set = resolvePlugins([]);
    const result = parseCommunityConfig(config, [], set.registries);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => p.path).sort()).toEqual(
      [
        "community.currency",
        "community.timeZone",
        "groups[1].verification",
        "places[0].kind",
        "resources[0].capacity",
      ].sort(),
    );
    expect(Object.fromEntries(result.problems.map((p) => [p.path, p.code]))).toEqual({
      "community.timeZone": "INVALID_TIME_ZONE",
      "community.currency": "INVALID_CURRENCY",
      "resources[0].capacity": "TOO_SMALL",
      "groups[1].verification": "INVALID_VALUE",
      "places[0].kind": "INVALID_VALUE",
    });
    for (const problem of result.problems) {
      expect(problem.message.en.length).toBeGreaterThan(0);
      expect(problem.message["zh-CN"]).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("reports every cross-reference problem of the kernel and of plugins", () => {
    const config = { ...baseConfig(), opening: { hours: [{ resource: "gym", from: "06:00" }] } } as Record<
      string,
      any
    >;
    config.resources[1].place = "lane-9";
    config.resourceGroups[0].resources.push("gallery");
    config.groups.push({ ...config.groups[0] });
    const result = parseCommunityConfig(config, [opening], resolvePlugins([opening]).registries);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ["groups[3].id", "DUPLICATE_ID"],
      ["resources[1].place", "UNKNOWN_PLACE"],
      ["resourceGroups[0].resources[2]", "UNKNOWN_RESOURCE"],
      ["opening.hours[0].resource", "UNKNOWN_RESOURCE"],
    ]);
    expect(result.problems[1]!.message["zh-CN"]).toContain("lane-9");
  });

  it("reports structural and cross-reference problems in one pass, with paths into the document", () => {
    const config = {
      ...baseConfig(),
      opening: {
        hours: [
          { resource: "tool-room", from: "6am" }, // structural
          { resource: "sauna", from: "06:00" }, // cross-reference, after an entry left out
          { resource: "drying-room", from: "07:00" }, // fine: the drying room has a problem of its own
        ],
      },
    } as Record<string, any>;
    config.resources[0].capacity = 0; // structural, on the drying room
    config.resources[1].place = "lane-9"; // cross-reference, next to a structural problem
    const result = parseCommunityConfig(config, [opening], resolvePlugins([opening]).registries);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.code])).toEqual([
      ["resources[0].capacity", "TOO_SMALL"],
      ["opening.hours[0].from", "INVALID_FORMAT"],
      ["resources[1].place", "UNKNOWN_PLACE"],
      ["opening.hours[1].resource", "UNKNOWN_RESOURCE"],
    ]);
  });

  it("checks see only values that satisfy their schemas, and can ask what is broken", () => {
    const seen: { options: unknown; config: CommunityConfig; broken: Record<string, boolean> }[] = [];
    const spy = definePlugin({
      id: "spy" as const,
      config: z.object({ names: z.array(z.string().min(1)).default([]) }).prefault({}),
      checkConfig(options, config, _report, context: ConfigCheckContext) {
        const paths = { currency: ["community", "currency"], names: ["spy", "names"], groups: ["groups"] };
        const broken = Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, context.isBroken(p)]));
        seen.push({ options, config, broken });
      },
      api: () => ({}),
    });
    const config = { ...baseConfig(), spy: { names: ["a", "", "b"] } } as Record<string, any>;
    config.community.currency = "RMB";
    config.groups[0].name = 7; // a required field: a stand-in keeps the group
    config.groups[1].id = "Not An Id"; // a broken id: the group is left out
    const result = parseCommunityConfig(config, [spy], resolvePlugins([spy]).registries);
    expect(result.ok).toBe(false);
    expect(seen).toHaveLength(1);
    const [{ options, config: view, broken }] = seen as [(typeof seen)[number]];
    expect(options).toEqual({ names: ["a", "b"] });
    expect(view.groups.map((g) => g.id)).toEqual(["minimum-subsistence", "student"]);
    expect(view.groups[0]!.name.en.length).toBeGreaterThan(0);
    expect(broken).toEqual({ currency: true, names: true, groups: true });
  });

  it("a plugin whose own section cannot be used is not checked; the kernel's checks still run", () => {
    let checked = false;
    const picky = definePlugin({
      id: "picky" as const,
      config: z.object({ level: z.number() }),
      checkConfig() {
        checked = true;
      },
      api: () => ({}),
    });
    const config = { ...baseConfig(), picky: "high" } as Record<string, any>;
    config.resources[1].place = "lane-9";
    const result = parseCommunityConfig(config, [picky], resolvePlugins([picky]).registries);
    expect(checked).toBe(false);
    expect(!result.ok && result.problems.map((p) => [p.path, p.code])).toEqual([
      ["picky", "INVALID_TYPE"],
      ["resources[1].place", "UNKNOWN_PLACE"],
    ]);
  });

  it("createCommunity refuses an invalid config with CONFIG_INVALID and writes nothing", async () => {
    const storage = memoryStorage();
    const error = await createCommunity({ config: json({ community: { id: "X" } }), storage }).catch(
      (e: LinliError) => e,
    );
    expect(isLinliError(error, "CONFIG_INVALID")).toBe(true);
    expect((error as LinliError).details.problems).toHaveLength(4);
    expect((error as LinliError).messages["zh-CN"]).toContain("4");
    // Storage was never set up, so it holds no tables at all.
    await expect(storage.transaction((tx) => tx.count("core_resident", []))).rejects.toThrow(/unknown model/);
  });

  it("a valid config round-trips through its JSON Schema (checked by ajv)", () => {
    const plugins = [opening];
    const schema = communityConfigJsonSchema(plugins, resolvePlugins(plugins).registries);
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const validateJson = ajv.compile(schema);
    const config = { ...baseConfig(), opening: { hours: [{ resource: "drying-room", from: "06:00" }] } };
    const json = JSON.parse(JSON.stringify(config));
    expect(validateJson(json)).toBe(true);
    const parsed = parseCommunityConfig(json, plugins, resolvePlugins(plugins).registries);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    // Parsed output (with defaults filled) is itself valid input again.
    expect(validateJson(JSON.parse(JSON.stringify(parsed.config)))).toBe(true);
    expect(validateJson({ ...json, community: { ...json.community, id: "Not Kebab" } })).toBe(false);
    expect(validateJson({ ...json, opening: { hours: [{ resource: "x", from: "6am" }] } })).toBe(false);
  });
});
