import { describe, expect, it } from "vitest";
import { isLinliError } from "../src/index";
import { admin, baseConfig, staff, system, testCommunity } from "./fixtures";

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (e) => (isLinliError(e) ? e.code : `raw: ${String(e)}`),
  );

describe("members: every acting id is verified", () => {
  it("an undeclared staff, admin, system or volunteer id is UNKNOWN_ACTOR and writes nothing", async () => {
    const { community } = await testCommunity();
    for (const actor of [
      { kind: "staff", id: "no-such-desk" },
      { kind: "admin", id: "no-such-admin" },
      { kind: "system", id: "no-such-cron" },
      { kind: "volunteer", id: "no-such-volunteer" },
    ] as const) {
      expect(await code(community.residents.register({ actor, name: "冒名" }))).toMatch(
        /UNKNOWN_ACTOR|ACCESS_DENIED/,
      );
      expect(await code(community.delegations.grant({ actor, forResident: "x", delegateId: "y" }))).toBe(
        "UNKNOWN_ACTOR",
      );
    }
    expect(await community.residents.list({ actor: staff })).toEqual([]);
  });

  it("a declared id acting as another kind is UNKNOWN_ACTOR (desk-1 is staff, not admin)", async () => {
    const { community } = await testCommunity();
    expect(
      await code(community.residents.register({ actor: { kind: "admin", id: "desk-1" }, name: "x" })),
    ).toBe("UNKNOWN_ACTOR");
    expect(
      await code(community.residents.register({ actor: { kind: "staff", id: "admin-1" }, name: "x" })),
    ).toBe("UNKNOWN_ACTOR");
  });

  it("admins add, change and deactivate members; a deactivated member is refused at once", async () => {
    const { community } = await testCommunity();
    const desk2 = { kind: "staff", id: "desk-2" } as const;
    expect(await code(community.residents.register({ actor: desk2, name: "王奶奶" }))).toBe("UNKNOWN_ACTOR");
    await community.members.add({ actor: admin, id: "desk-2", kind: "staff", name: "小李" });
    expect((await community.residents.register({ actor: desk2, name: "王奶奶" })).name).toBe("王奶奶");
    expect(await community.members.get({ actor: staff, id: "desk-2" })).toMatchObject({
      roles: ["desk"],
      active: true,
      source: "stored",
    });
    await community.members.setRoles({ actor: system, id: "desk-2", roles: ["desk", "cashier"] });
    expect((await community.members.get({ actor: staff, id: "desk-2" })).roles).toEqual(["desk", "cashier"]);
    await community.members.deactivate({ actor: admin, id: "desk-2", reason: "left" });
    expect(await code(community.residents.register({ actor: desk2, name: "x" }))).toBe("UNKNOWN_ACTOR");
    // Reactivated by adding again.
    await community.members.add({ actor: admin, id: "desk-2", kind: "staff" });
    expect(await code(community.residents.register({ actor: desk2, name: "y" }))).toBe("ok");
  });

  it("a member declared in the configuration can be deactivated at run time", async () => {
    const { community } = await testCommunity();
    await community.members.deactivate({ actor: admin, id: "desk-1" });
    expect(await code(community.residents.register({ actor: staff, name: "x" }))).toBe("UNKNOWN_ACTOR");
    expect(await code(community.members.add({ actor: admin, id: "desk-1", kind: "staff" }))).toBe("ok");
    expect(await code(community.residents.register({ actor: staff, name: "x" }))).toBe("ok");
  });

  it("desk staff may not manage members (default policy: admin and system only)", async () => {
    const { community } = await testCommunity();
    expect(await code(community.members.add({ actor: staff, id: "desk-9", kind: "admin" }))).toBe(
      "ACCESS_DENIED",
    );
    expect(await code(community.members.setRoles({ actor: staff, id: "desk-1", roles: ["admin"] }))).toBe(
      "ACCESS_DENIED",
    );
    expect(await code(community.members.deactivate({ actor: staff, id: "admin-1" }))).toBe("ACCESS_DENIED");
    expect(await code(community.members.add({ actor: admin, id: "desk-1", kind: "staff" }))).toBe(
      "DUPLICATE",
    );
  });

  it("a volunteer must be a registered resident and an active volunteer member", async () => {
    const { community } = await testCommunity();
    expect(await code(community.members.add({ actor: admin, id: "ghost", kind: "volunteer" }))).toBe(
      "NOT_FOUND",
    );
    const chen = await community.residents.register({ actor: staff, name: "老陈" });
    const volunteer = { kind: "volunteer", id: chen.id } as const;
    expect(await code(community.residents.get({ actor: volunteer }))).toBe("UNKNOWN_ACTOR");
    await community.members.add({ actor: admin, id: chen.id, kind: "volunteer" });
    expect((await community.residents.get({ actor: volunteer })).name).toBe("老陈");
    // As a resident, the same person still acts for themself.
    expect((await community.residents.get({ actor: { kind: "resident", id: chen.id } })).id).toBe(chen.id);
  });
});

describe("permissions by role from configuration", () => {
  it("a community restricts a command to roles: desk staff refused, admins allowed", async () => {
    const config = { ...baseConfig(), permissions: { "core.eligibility.grant": ["admin", "supervisor"] } };
    const { community } = await testCommunity([], config);
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    const grant = (actor: typeof staff | typeof admin) =>
      community.eligibility.grant({ actor, forResident: r.id, groupId: "minimum-subsistence" });
    expect(await code(grant(staff))).toBe("ACCESS_DENIED");
    expect(await community.eligibility.grantsOf({ actor: staff, forResident: r.id })).toEqual([]);
    expect(await code(grant(admin))).toBe("ok");
    // A role given at run time opens it to that desk clerk.
    await community.members.setRoles({ actor: admin, id: "desk-1", roles: ["desk", "supervisor"] });
    expect(await code(grant(staff))).toBe("ok");
  });

  it("permissions only narrow: a role cannot open a staff-only command to residents", async () => {
    const config = { ...baseConfig(), permissions: { "core.residents.list": ["resident"] } };
    const { community } = await testCommunity([], config);
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    expect(await code(community.residents.list({ actor: { kind: "resident", id: r.id } }))).toBe(
      "ACCESS_DENIED",
    );
    expect(await code(community.residents.list({ actor: staff }))).toBe("ACCESS_DENIED");
  });

  it("a permission naming no command is refused when the community is created", async () => {
    const config = { ...baseConfig(), permissions: { "pricing.ledger.wave": ["admin"] } };
    expect(await code(testCommunity([], config))).toBe("UNKNOWN_PERMISSION_COMMAND");
  });

  it("duplicate member ids in the configuration are a config problem", async () => {
    const config = {
      ...baseConfig(),
      members: [
        { id: "a", kind: "staff" },
        { id: "a", kind: "admin" },
      ],
    };
    const error = await testCommunity([], config).catch((e) => e);
    expect(isLinliError(error, "CONFIG_INVALID")).toBe(true);
    expect(JSON.stringify(error.details)).toContain("DUPLICATE_ID");
  });
});
