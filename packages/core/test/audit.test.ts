import { describe, expect, it } from "vitest";
import { isLinliError } from "../src/index";
import { admin, staff, system, testCommunity } from "./fixtures";

describe("audit trail", () => {
  it("granting and revoking eligibility and changing roles write who, when, what, why", async () => {
    const { community, clock } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    const grant = await community.eligibility.grant({
      actor: staff,
      forResident: r.id,
      groupId: "minimum-subsistence",
      evidenceRef: "低保证 123",
    });
    clock.set(new Date(Date.parse("2026-06-01T02:05:00Z")));
    await community.eligibility.revoke({ actor: admin, grantId: grant.id, reason: "moved away" });
    await community.members.setRoles({
      actor: admin,
      id: "desk-1",
      roles: ["desk", "cashier"],
      reason: "training",
    });
    const { records, nextAfterSeq } = await community.audit.list({ actor: staff });
    expect(nextAfterSeq).toBeUndefined();
    expect(records.map((a) => [a.seq, a.action, a.actorKind, a.actorId, a.residentId, a.reason])).toEqual([
      [1, "eligibility.granted", "staff", "desk-1", r.id, null],
      [2, "eligibility.revoked", "admin", "admin-1", r.id, "moved away"],
      [3, "member.roles-changed", "admin", "admin-1", null, "training"],
    ]);
    expect(records[0]!.command).toBe("core.eligibility.grant");
    expect(records[1]!.at.getTime() - records[0]!.at.getTime()).toBe(5 * 60_000);
    expect(records[2]!.details).toEqual({ before: ["desk"], after: ["desk", "cashier"] });
    // The evidence itself is not copied into the audit trail.
    expect(JSON.stringify(records)).not.toContain("低保证");
  });

  it("is read a page at a time, by resident or action", async () => {
    const { community } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    for (let i = 0; i < 5; i++) {
      await community.eligibility.grant({ actor: staff, forResident: r.id, groupId: "elderly-living-alone" });
    }
    await community.members.add({ actor: system, id: "desk-2", kind: "staff" });
    const first = await community.audit.list({ actor: staff, limit: 2 });
    expect(first.records.map((a) => a.seq)).toEqual([1, 2]);
    const second = await community.audit.list({ actor: staff, limit: 2, afterSeq: first.nextAfterSeq });
    expect(second.records.map((a) => a.seq)).toEqual([3, 4]);
    const byResident = await community.audit.list({ actor: staff, residentId: r.id });
    expect(byResident.records).toHaveLength(5);
    const added = await community.audit.list({ actor: staff, action: "member.added" });
    expect(added.records.map((a) => a.target)).toEqual(["member:desk-2"]);
    const tooMany = await community.audit.list({ actor: staff, limit: 501 }).catch((e) => e);
    expect(isLinliError(tooMany, "VALIDATION_FAILED")).toBe(true);
  });

  it("is readable by staff only", async () => {
    const { community } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    const error = await community.audit.list({ actor: { kind: "resident", id: r.id } }).catch((e) => e);
    expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
  });

  it("is written with the command's changes or not at all", async () => {
    const { community } = await testCommunity();
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    const error = await community.eligibility
      .grant({
        actor: staff,
        forResident: r.id,
        groupId: "minimum-subsistence",
        validFrom: "2026-06-02T00:00:00Z",
        validUntil: "2026-06-01T00:00:00Z",
      })
      .catch((e) => e);
    expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    expect((await community.audit.list({ actor: staff })).records).toEqual([]);
  });

  it("has no command that updates or deletes a record", async () => {
    const { community } = await testCommunity();
    expect(Object.keys(community.audit)).toEqual(["list"]);
  });
});
