// Per-command permissions by role from configuration: a community decides whether desk staff
// may waive fees. The default policy (no `permissions`) is the authorization matrix.
import { isLinliError } from "@linli/core";
import { describe, expect, it } from "vitest";
import { actorOf, matrixWorld } from "./matrix-community";

describe("permissions by role", () => {
  it("a community where only admins and supervisors waive: the desk is refused and nothing is written", async () => {
    const w = await matrixWorld(undefined, { "pricing.ledger.waive": ["admin", "supervisor"] });
    const relatesTo = await w.ledgerEntry();
    const waive = (actor: ReturnType<typeof actorOf>) =>
      w.api.pricing.ledger.waive({ actor, forResident: "wang", amount: 500, reason: "困难", relatesTo });
    const refused = await waive(actorOf("desk")).catch((e: unknown) => e);
    expect(isLinliError(refused, "ACCESS_DENIED")).toBe(true);
    expect(
      (await w.api.pricing.ledger.balance({ actor: actorOf("desk"), forResident: "wang" })).balance,
    ).toBe(500);
    expect((await w.api.audit.list({ actor: actorOf("desk"), action: "fee.waived" })).records).toEqual([]);
    // An admin gives the desk clerk the supervisor role: the same call now passes, and both are audited.
    await w.api.members.setRoles({ actor: actorOf("admin"), id: "desk-1", roles: ["desk", "supervisor"] });
    await waive(actorOf("desk"));
    const { records } = await w.api.audit.list({ actor: actorOf("admin") });
    expect(records.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(["member.roles-changed", "fee.waived"]),
    );
  });

  it("by default (no permissions) the desk waives fees", async () => {
    const w = await matrixWorld();
    const relatesTo = await w.ledgerEntry();
    await w.api.pricing.ledger.waive({
      actor: actorOf("desk"),
      forResident: "wang",
      amount: 500,
      reason: "困难",
      relatesTo,
    });
    expect(
      (await w.api.pricing.ledger.balance({ actor: actorOf("desk"), forResident: "wang" })).balance,
    ).toBe(0);
  });
});
