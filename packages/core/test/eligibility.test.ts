import { describe, expect, it } from "vitest";
import { activeGroups, isLinliError } from "../src/index";
import { admin, staff, testCommunity } from "./fixtures";

const DAY = 86_400_000;

describe("eligibility", () => {
  it("a grant that expired yesterday does not count today", async () => {
    const { community, clock } = await testCommunity();
    const grandma = await community.residents.register({ actor: staff, name: "王奶奶", birthYear: 1938 });
    const now = clock.now().getTime();
    await community.eligibility.grant({
      actor: staff,
      forResident: grandma.id,
      groupId: "minimum-subsistence",
      evidenceRef: "民政-2025-0193",
      validFrom: new Date(now - 365 * DAY),
      validUntil: new Date(now - DAY),
    });
    await community.eligibility.grant({
      actor: staff,
      forResident: grandma.id,
      groupId: "elderly-living-alone",
    });
    expect(await community.eligibility.groupsOf({ actor: staff, forResident: grandma.id })).toEqual([
      "elderly-living-alone",
    ]);
    expect(
      await community.eligibility.groupsOf({
        actor: staff,
        forResident: grandma.id,
        at: new Date(now - 2 * DAY),
      }),
    ).toEqual(["minimum-subsistence"]);
  });

  it("records who verified a grant, when, the evidence and a default validity from the group", async () => {
    const { community, clock } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "李伯" });
    const grant = await community.eligibility.grant({
      actor: staff,
      forResident: r.id,
      groupId: "minimum-subsistence",
      evidenceRef: "证-7",
    });
    expect(grant).toMatchObject({ verifiedBy: "desk-1", evidenceRef: "证-7", validFrom: clock.now() });
    expect(grant.validUntil!.getTime() - grant.validFrom.getTime()).toBe(365 * DAY);
    clock.advance(365 * DAY);
    expect(await community.eligibility.groupsOf({ actor: staff, forResident: r.id })).toEqual([]);
  });

  it("a revoked grant stops counting from the revocation", async () => {
    const { community, clock } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "张姨" });
    const grant = await community.eligibility.grant({
      actor: staff,
      forResident: r.id,
      groupId: "elderly-living-alone",
    });
    clock.advance(DAY);
    await community.eligibility.revoke({ actor: staff, grantId: grant.id });
    expect(await community.eligibility.groupsOf({ actor: staff, forResident: r.id })).toEqual([]);
    expect(
      await community.eligibility.groupsOf({
        actor: staff,
        forResident: r.id,
        at: new Date(clock.now().getTime() - 1),
      }),
    ).toEqual(["elderly-living-alone"]);
  });

  it("eligibility status is for staff only: a volunteer or a resident asking gets ACCESS_DENIED", async () => {
    const { community } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    const volunteer = await community.residents.register({ actor: staff, name: "小巷先锋 老陈" });
    await community.members.add({ actor: admin, id: volunteer.id, kind: "volunteer" });
    for (const actor of [
      { kind: "volunteer", id: volunteer.id } as const,
      { kind: "resident", id: r.id } as const,
    ]) {
      const error = await community.eligibility.groupsOf({ actor, forResident: r.id }).catch((e) => e);
      expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
      expect(error.messages["zh-CN"]).toContain("无权");
    }
    const grantError = await community.eligibility
      .grant({
        actor: { kind: "volunteer", id: volunteer.id },
        forResident: r.id,
        groupId: "minimum-subsistence",
      })
      .catch((e) => e);
    expect(isLinliError(grantError, "ACCESS_DENIED")).toBe(true);
    expect(await community.eligibility.grantsOf({ actor: staff, forResident: r.id })).toEqual([]);
  });

  it("a resident may declare a self-declared group for themself only", async () => {
    const { community } = await testCommunity();
    const a = await community.residents.register({ actor: staff, name: "小李" });
    const b = await community.residents.register({ actor: staff, name: "小王" });
    await community.eligibility.grant({
      actor: { kind: "resident", id: a.id },
      forResident: a.id,
      groupId: "student",
    });
    const other = await community.eligibility
      .grant({ actor: { kind: "resident", id: a.id }, forResident: b.id, groupId: "student" })
      .catch((e) => e);
    expect(isLinliError(other, "ACCESS_DENIED")).toBe(true);
    const unknown = await community.eligibility
      .grant({ actor: staff, forResident: a.id, groupId: "astronaut" })
      .catch((e) => e);
    expect(isLinliError(unknown, "UNKNOWN_GROUP")).toBe(true);
  });

  it("activeGroups is a pure function of the grants and the instant", () => {
    const t = (d: string) => new Date(`${d}T00:00:00Z`);
    const grants = [
      { groupId: "b", validFrom: t("2026-01-01"), validUntil: null, revokedAt: null },
      { groupId: "a", validFrom: t("2026-01-01"), validUntil: t("2026-02-01"), revokedAt: null },
      { groupId: "a", validFrom: t("2026-03-01"), validUntil: null, revokedAt: t("2026-04-01") },
    ];
    expect(activeGroups(grants, t("2026-01-15"))).toEqual(["a", "b"]);
    expect(activeGroups(grants, t("2026-02-01"))).toEqual(["b"]);
    expect(activeGroups(grants, t("2026-03-15"))).toEqual(["a", "b"]);
    expect(activeGroups(grants, t("2026-04-01"))).toEqual(["b"]);
    expect(activeGroups(grants, t("2025-12-31"))).toEqual([]);
  });
});
