import { describe, expect, it } from "vitest";
import { idempotencyModel } from "../src/adapter";
import { isLinliError } from "../src/index";
import { staff, testCommunity } from "./fixtures";

describe("idempotency keys", () => {
  it("a refused reuse names the key and the command it was first used for, in both languages", async () => {
    const { community } = await testCommunity();
    await community.residents.register({ actor: staff, name: "王奶奶", idempotencyKey: "call-1" });
    const error = await community.households
      .create({ actor: staff, name: "3栋", idempotencyKey: "call-1" })
      .catch((e) => e);
    expect(isLinliError(error, "IDEMPOTENCY_KEY_REUSED")).toBe(true);
    expect(error.messages).toEqual({
      "zh-CN": "幂等键 call-1 已用于另一个命令 core.residents.register",
      en: "Idempotency key call-1 was already used for another command (core.residents.register)",
    });
    expect((await community.events.list({ actor: staff })).map((e) => e.type)).toEqual([
      "ResidentRegistered",
    ]);
  });

  it("a key is scoped by the resident acted for: one desk clerk's key for two residents runs twice", async () => {
    const { community } = await testCommunity();
    const a = await community.residents.register({ actor: staff, name: "甲" });
    const b = await community.residents.register({ actor: staff, name: "乙" });
    const group = { groupId: "elderly-living-alone", idempotencyKey: "form-1" };
    const forA = await community.eligibility.grant({ actor: staff, forResident: a.id, ...group });
    const forB = await community.eligibility.grant({ actor: staff, forResident: b.id, ...group });
    expect([forA.residentId, forB.residentId]).toEqual([a.id, b.id]);
    expect(forB.id).not.toBe(forA.id);
    // A retry for A replays A's grant, not B's.
    expect((await community.eligibility.grant({ actor: staff, forResident: a.id, ...group })).id).toBe(
      forA.id,
    );
    expect(await community.eligibility.groupsOf({ actor: staff, forResident: b.id })).toEqual([
      "elderly-living-alone",
    ]);
  });

  it("a query ignores its key: it answers afresh and does not claim the key for a later command", async () => {
    const { community } = await testCommunity();
    expect(await community.residents.list({ actor: staff, idempotencyKey: "k" })).toEqual([]);
    // The key was not stored by the query, so a command may use it.
    const first = await community.residents.register({ actor: staff, name: "甲", idempotencyKey: "k" });
    // A command's key does not make the query replay or refuse: it reads the current state.
    expect((await community.residents.list({ actor: staff, idempotencyKey: "k" })).map((r) => r.id)).toEqual([
      first.id,
    ]);
    await community.residents.register({ actor: staff, name: "乙" });
    expect(await community.residents.list({ actor: staff, idempotencyKey: "k" })).toHaveLength(2);
  });

  it("a replay returns the stored result with its instants as Dates, and runs nothing again", async () => {
    const { community, clock } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "甲" });
    const input = { actor: staff, forResident: r.id, groupId: "minimum-subsistence", idempotencyKey: "g" };
    const first = await community.eligibility.grant(input);
    clock.advance(60_000);
    const again = await community.eligibility.grant(input);
    expect(again).toEqual(first);
    expect(again.validFrom).toBeInstanceOf(Date);
    expect(await community.eligibility.grantsOf({ actor: staff, forResident: r.id })).toHaveLength(1);
    expect((await community.events.list({ actor: staff })).map((e) => e.type)).toEqual([
      "ResidentRegistered",
      "EligibilityGranted",
    ]);
  });

  it("only a command given a key stores a result for replay", async () => {
    const { community, storage } = await testCommunity();
    await community.residents.register({ actor: staff, name: "甲" });
    const stored = () => storage.transaction((tx) => tx.count(idempotencyModel.name, []));
    expect(await stored()).toBe(0);
    await community.residents.register({ actor: staff, name: "乙", idempotencyKey: "k" });
    expect(await stored()).toBe(1);
  });
});
