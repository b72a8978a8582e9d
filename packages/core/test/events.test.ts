import { describe, expect, it } from "vitest";
import { isLinliError } from "../src/index";
import { staff, testCommunity } from "./fixtures";

describe("events outbox and idempotency", () => {
  it("apps read pending events in order and acknowledge them", async () => {
    const { community, clock } = await testCommunity();
    const a = await community.residents.register({ actor: staff, name: "甲" });
    await community.residents.register({ actor: staff, name: "乙" });
    await community.eligibility.grant({ actor: staff, forResident: a.id, groupId: "elderly-living-alone" });
    const pending = await community.events.list({ actor: staff, pendingOnly: true });
    expect(pending.map((e) => [e.seq, e.type])).toEqual([
      [1, "ResidentRegistered"],
      [2, "ResidentRegistered"],
      [3, "EligibilityGranted"],
    ]);
    expect(pending[2]).toMatchObject({
      actorKind: "staff",
      actorId: "desk-1",
      occurredAt: clock.now(),
      ackedAt: null,
    });
    expect(await community.events.ack({ actor: staff, eventIds: [pending[0]!.id, pending[1]!.id] })).toBe(2);
    expect(await community.events.ack({ actor: staff, eventIds: [pending[0]!.id] })).toBe(0);
    expect((await community.events.list({ actor: staff, pendingOnly: true })).map((e) => e.seq)).toEqual([3]);
    expect(
      (await community.events.list({ actor: staff, afterSeq: 1, types: ["ResidentRegistered"] })).map(
        (e) => e.seq,
      ),
    ).toEqual([2]);
  });

  it("events are for staff: a resident reading them gets ACCESS_DENIED", async () => {
    const { community } = await testCommunity();
    const error = await community.events.list({ actor: { kind: "resident", id: "r" } }).catch((e) => e);
    expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
  });

  it("a retried command with the same idempotency key returns the first result and writes nothing twice", async () => {
    const { community } = await testCommunity();
    const first = await community.residents.register({
      actor: staff,
      name: "王奶奶",
      idempotencyKey: "phone-call-1",
    });
    const again = await community.residents.register({
      actor: staff,
      name: "王奶奶",
      idempotencyKey: "phone-call-1",
    });
    expect(again).toEqual(first);
    expect(await community.residents.list({ actor: staff })).toHaveLength(1);
    expect(await community.events.list({ actor: staff })).toHaveLength(1);
  });

  it("the same key for a different input is refused with IDEMPOTENCY_KEY_REUSED", async () => {
    const { community } = await testCommunity();
    await community.residents.register({ actor: staff, name: "王奶奶", idempotencyKey: "k" });
    const error = await community.residents
      .register({ actor: staff, name: "李伯", idempotencyKey: "k" })
      .catch((e) => e);
    expect(isLinliError(error, "IDEMPOTENCY_KEY_REUSED")).toBe(true);
    const other = await community.households
      .create({ actor: staff, name: "3栋2单元", idempotencyKey: "k" })
      .catch((e) => e);
    expect(isLinliError(other, "IDEMPOTENCY_KEY_REUSED")).toBe(true);
    expect(await community.residents.list({ actor: staff })).toHaveLength(1);
  });

  it("a failed command with a key stores no result, so a corrected retry runs", async () => {
    const { community } = await testCommunity();
    const failed = await community.residents
      .register({ actor: staff, name: "甲", householdId: "missing", idempotencyKey: "k2" })
      .catch((e) => e);
    expect(isLinliError(failed, "NOT_FOUND")).toBe(true);
    const household = await community.households.create({ actor: staff, name: "1栋" });
    const ok = await community.residents.register({
      actor: staff,
      name: "甲",
      householdId: household.id,
      idempotencyKey: "k3",
    });
    expect(ok.householdId).toBe(household.id);
    expect(await community.events.list({ actor: staff })).toHaveLength(1);
  });
});
