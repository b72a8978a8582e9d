import { describe, expect, it } from "vitest";
import { ERASED_NAME, isLinliError } from "../src/index";
import { admin, staff, testCommunity } from "./fixtures";

async function withResidents() {
  const t = await testCommunity();
  const { community } = t;
  const wang = await community.residents.register({
    actor: staff,
    name: "王奶奶",
    phone: "13800000000",
    birthYear: 1941,
    placeId: "courtyard-1",
  });
  const li = await community.residents.register({ actor: staff, name: "李叔" });
  await community.eligibility.grant({
    actor: staff,
    forResident: wang.id,
    groupId: "minimum-subsistence",
    evidenceRef: "低保证 123",
  });
  await community.delegations.grant({ actor: { kind: "resident", id: wang.id }, delegateId: li.id });
  return { ...t, wang, li };
}

describe("privacy", () => {
  it("eligibility and its evidence are readable by staff only: not by the resident's delegate", async () => {
    const { community, wang, li } = await withResidents();
    const delegate = { kind: "resident", id: li.id } as const;
    for (const read of [
      () => community.eligibility.grantsOf({ actor: delegate, forResident: wang.id }),
      () => community.eligibility.groupsOf({ actor: delegate, forResident: wang.id }),
      () => community.privacy.export({ actor: delegate, forResident: wang.id }),
      () => community.audit.list({ actor: delegate }),
    ]) {
      const error = await read().catch((e) => e);
      expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
      expect(JSON.stringify(error.toJSON())).not.toContain("低保证");
    }
    const [grant] = await community.eligibility.grantsOf({ actor: staff, forResident: wang.id });
    expect(grant?.evidenceRef).toBe("低保证 123");
  });

  it("a resident's data is exported in full for that resident", async () => {
    const { community, wang, li } = await withResidents();
    const data = await community.privacy.export({ actor: { kind: "resident", id: wang.id } });
    expect(data.residentId).toBe(wang.id);
    expect(data.core.resident).toMatchObject({ name: "王奶奶", phone: "13800000000", birthYear: 1941 });
    expect(data.core.eligibility).toMatchObject([
      { groupId: "minimum-subsistence", evidenceRef: "低保证 123" },
    ]);
    expect(data.core.delegationsGiven).toMatchObject([{ delegateId: li.id }]);
    expect(data.core.audit).toMatchObject([{ action: "eligibility.granted" }]);
    // Staff may export it on the resident's request.
    expect((await community.privacy.export({ actor: staff, forResident: wang.id })).residentId).toBe(wang.id);
  });

  it("erasure anonymises the person and keeps ids; only staff may erase", async () => {
    const { community, wang } = await withResidents();
    const refused = await community.privacy
      .erase({ actor: { kind: "resident", id: wang.id }, reason: "asked" })
      .catch((e) => e);
    expect(isLinliError(refused, "ACCESS_DENIED")).toBe(true);
    await community.privacy.erase({
      actor: staff,
      forResident: wang.id,
      reason: "resident's written request",
    });
    const after = await community.residents.get({ actor: staff, forResident: wang.id });
    expect(after).toMatchObject({
      id: wang.id,
      name: ERASED_NAME,
      phone: null,
      birthYear: null,
      placeId: null,
    });
    const [grant] = await community.eligibility.grantsOf({ actor: admin, forResident: wang.id });
    expect(grant).toMatchObject({ groupId: "minimum-subsistence", evidenceRef: null });
    const exported = JSON.stringify(await community.privacy.export({ actor: staff, forResident: wang.id }));
    for (const gone of ["王奶奶", "13800000000", "1941", "低保证"]) expect(exported).not.toContain(gone);
    const { records } = await community.audit.list({ actor: staff, action: "resident.erased" });
    expect(records).toMatchObject([{ residentId: wang.id, actorId: "desk-1" }]);
  });
});
