import { describe, expect, it } from "vitest";
import { createCommunity, isLinliError } from "../src/index";
import { eventModel } from "../src/adapter";
import { memoryStorage } from "@linli/storage-memory";
import { baseConfig, staff, testCommunity, json } from "./fixtures";
import { councilDecisionModel, councilPlugin, gatePlugin } from "./plugin-fixtures";

const config = () => ({
  ...baseConfig(),
  gate: { rules: [{ kind: "students-in-holidays", holidays: [{ from: "2026-07-01", to: "2026-08-31" }] }] },
  council: { quorum: 5 },
});

describe("plugins", () => {
  it("an outside plugin adds a model, a config section, a rule kind and a command", async () => {
    const { community, clock, storage } = await testCommunity(
      [gatePlugin(), councilPlugin()] as const,
      config(),
    );
    const decision = await community.council.decide({
      actor: staff,
      courtyard: "courtyard-1",
      title: "修自行车棚",
      votesFor: 6,
      votesAgainst: 1,
    });
    expect(decision).toMatchObject({ courtyard: "courtyard-1", votesFor: 6, communityId: "wangjialong" });
    const stored = await storage.transaction((tx) => tx.count(councilDecisionModel.name, []));
    expect(stored).toBe(1);

    const student = await community.residents.register({ actor: staff, name: "小李" });
    await community.eligibility.grant({
      actor: { kind: "resident", id: student.id },
      forResident: student.id,
      groupId: "student",
    });
    const june = await community.gate.check({ actor: staff, forResident: student.id });
    expect(june.ok).toBe(false);
    expect(june.violations[0]).toMatchObject({
      code: "STUDENTS_IN_HOLIDAYS_ONLY",
      rule: "students-in-holidays",
    });
    expect(june.violations[0]!.message["zh-CN"]).toContain("寒暑假");
    clock.set("2026-07-15T02:00:00Z");
    expect((await community.gate.check({ actor: staff, forResident: student.id })).ok).toBe(true);
  });

  it("the rule kind a plugin contributes becomes part of the config schema", async () => {
    const bad = json({ ...config(), gate: { rules: [{ kind: "moon-phase" }] } });
    const error = await createCommunity({
      config: bad,
      storage: memoryStorage(),
      plugins: [gatePlugin(), councilPlugin()],
    }).catch((e) => e);
    expect(isLinliError(error, "CONFIG_INVALID")).toBe(true);
    expect(error.details.problems[0].path).toBe("gate.rules[0].kind");
    const missing = await createCommunity({
      config: json({ ...config(), council: undefined }),
      storage: memoryStorage(),
      plugins: [gatePlugin(), councilPlugin()],
    }).catch((e) => e);
    expect(missing.details.problems.map((p: { path: string }) => p.path)).toEqual(["council"]);
  });

  it("a missing required plugin is a clear error at creation", async () => {
    const error = await createCommunity({
      config: config(),
      storage: memoryStorage(),
      plugins: [councilPlugin()],
    }).catch((e) => e);
    expect(isLinliError(error, "PLUGIN_MISSING_DEPENDENCY")).toBe(true);
    expect(error.messages.en).toBe("Plugin council requires plugin gate, which was not given");
    expect(error.messages["zh-CN"]).toContain("council");
  });

  it("a command that fails leaves neither its change nor its event behind", async () => {
    const { community, storage } = await testCommunity([gatePlugin(), councilPlugin()] as const, config());
    const error = await community.council
      .decide({ actor: staff, courtyard: "courtyard-1", title: "换路灯", votesFor: 1, votesAgainst: 1 })
      .catch((e) => e);
    expect(isLinliError(error, "QUORUM_NOT_MET")).toBe(true);
    expect(await storage.transaction((tx) => tx.count(councilDecisionModel.name, []))).toBe(0);
    expect(await storage.transaction((tx) => tx.count(eventModel.name, []))).toBe(0);
    expect(await community.events.list({ actor: staff })).toEqual([]);
  });

  it("refuses bad input with VALIDATION_FAILED in both languages and writes nothing", async () => {
    const { community, storage } = await testCommunity([gatePlugin(), councilPlugin()] as const, config());
    const error = await community.council
      .decide({ actor: staff, courtyard: "courtyard-1", title: "", votesFor: -1, votesAgainst: 0 })
      .catch((e) => e);
    expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    expect(error.details.problems.map((p: { path: string }) => p.path)).toEqual(["title", "votesFor"]);
    expect(error.messages["zh-CN"]).toContain("输入无效");
    const noActor = await community.council
      .decide({ courtyard: "c", title: "t", votesFor: 1, votesAgainst: 1 } as never)
      .catch((e) => e);
    expect(noActor.details.problems.map((p: { path: string }) => p.path)).toEqual(["actor"]);
    expect(await storage.transaction((tx) => tx.count(councilDecisionModel.name, []))).toBe(0);
  });

  it("refuses an unknown key (a typo) instead of silently dropping it", async () => {
    const { community, storage } = await testCommunity([gatePlugin(), councilPlugin()] as const, config());
    const typo = {
      actor: staff,
      courtyard: "courtyard-1",
      title: "修路灯",
      votesFor: 6,
      votesAgainst: 0,
      votesAgaints: 3,
    };
    const error = await community.council.decide(typo as never).catch((e) => e);
    expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    expect(error.details.problems[0]).toMatchObject({ code: "UNRECOGNIZED_KEYS" });
    expect(error.details.problems[0].message.en).toContain("votesAgaints");
    expect(await storage.transaction((tx) => tx.count(councilDecisionModel.name, []))).toBe(0);
  });
});
