import { describe, expect, it } from "vitest";
import { z } from "zod";
import { definePlugin, defineQuery, isLinliError } from "../src/index";
import { admin, staff, system, testCommunity } from "./fixtures";

/** A plugin whose query asks `cx.mayActFor`, as booking and pricing do before showing a record. */
const probePlugin = () =>
  definePlugin({
    id: "probe" as const,
    api: (ctx) =>
      ctx.commands({
        mayActFor: defineQuery({
          subject: "none",
          input: z.object({ residentId: z.string() }),
          run: (cx, { residentId }) => cx.mayActFor(residentId),
        }),
      }),
  });

describe("access and acting for residents", () => {
  it("a resident acts for themself and for those who delegated to them; staff for anyone", async () => {
    const { community } = await testCommunity();
    const grandma = await community.residents.register({ actor: staff, name: "王奶奶" });
    const neighbour = await community.residents.register({ actor: staff, name: "邻居小刘" });
    const stranger = await community.residents.register({ actor: staff, name: "路人" });
    const asNeighbour = { kind: "resident", id: neighbour.id } as const;

    expect(
      (
        await community.residents.get({
          actor: { kind: "resident", id: grandma.id },
          forResident: grandma.id,
        })
      ).name,
    ).toBe("王奶奶");
    expect((await community.residents.get({ actor: staff, forResident: grandma.id })).name).toBe("王奶奶");
    const before = await community.residents
      .get({ actor: asNeighbour, forResident: grandma.id })
      .catch((e) => e);
    expect(isLinliError(before, "ACCESS_DENIED")).toBe(true);

    const delegation = await community.delegations.grant({
      actor: { kind: "resident", id: grandma.id },
      forResident: grandma.id,
      delegateId: neighbour.id,
    });
    expect((await community.residents.get({ actor: asNeighbour, forResident: grandma.id })).id).toBe(
      grandma.id,
    );
    const viaForResident = await community.residents.get({
      actor: asNeighbour,
      forResident: grandma.id,
    });
    expect(viaForResident.id).toBe(grandma.id);
    const strangerTry = await community.residents
      .get({ actor: { kind: "resident", id: stranger.id }, forResident: grandma.id })
      .catch((e) => e);
    expect(isLinliError(strangerTry, "ACCESS_DENIED")).toBe(true);

    await community.delegations.revoke({
      actor: { kind: "resident", id: grandma.id },
      delegationId: delegation.id,
    });
    const after = await community.residents
      .get({ actor: asNeighbour, forResident: grandma.id })
      .catch((e) => e);
    expect(isLinliError(after, "ACCESS_DENIED")).toBe(true);
  });

  it("a resident cannot grant a delegation on someone else's behalf", async () => {
    const { community } = await testCommunity();
    const a = await community.residents.register({ actor: staff, name: "甲" });
    const b = await community.residents.register({ actor: staff, name: "乙" });
    const error = await community.delegations
      .grant({ actor: { kind: "resident", id: b.id }, forResident: a.id, delegateId: b.id })
      .catch((e) => e);
    expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
  });

  it("acting for an unknown resident is UNKNOWN_RESIDENT", async () => {
    const { community } = await testCommunity();
    const error = await community.residents.get({ actor: staff, forResident: "nobody" }).catch((e) => e);
    expect(isLinliError(error, "UNKNOWN_RESIDENT")).toBe(true);
  });

  it("only staff register residents", async () => {
    const { community } = await testCommunity();
    const error = await community.residents
      .register({ actor: { kind: "volunteer", id: "v1" }, name: "x" })
      .catch((e) => e);
    expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
    expect(await community.residents.list({ actor: staff })).toEqual([]);
  });

  it("community.as(actor).for(resident) binds who acts and for whom, once", async () => {
    const { community } = await testCommunity();
    const desk = community.as(staff);
    const grandma = await desk.residents.register({ name: "王奶奶" });
    expect((await desk.for(grandma.id).residents.get()).name).toBe("王奶奶");
    const neighbour = await desk.residents.register({ name: "邻居" });
    const asNeighbour = community.as({ kind: "resident", id: neighbour.id });
    await expect(asNeighbour.for(grandma.id).residents.get()).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
    // A JavaScript caller reaching a command that concerns no resident through a resident
    // binding: only the actor is bound (the command takes no forResident).
    const unbound = desk.for(grandma.id) as unknown as { residents: { list(): Promise<unknown[]> } };
    expect(await unbound.residents.list()).toHaveLength(2);
    // Explicit fields cannot override the bound ones.
    const spoof = asNeighbour as unknown as { residents: { get(input: object): Promise<unknown> } };
    await expect(spoof.residents.get({ actor: staff, forResident: grandma.id })).rejects.toMatchObject({
      code: "ACCESS_DENIED",
    });
  });

  it("cx.mayActFor: staff, admin and system for anyone; a resident for themself and who delegated to them", async () => {
    const { community } = await testCommunity([probePlugin()] as const);
    const grandma = await community.residents.register({ actor: staff, name: "王奶奶" });
    const neighbour = await community.residents.register({ actor: staff, name: "邻居" });
    const asNeighbour = { kind: "resident", id: neighbour.id } as const;
    for (const actor of [staff, admin, system])
      expect(await community.probe.mayActFor({ actor, residentId: grandma.id })).toBe(true);
    expect(await community.probe.mayActFor({ actor: asNeighbour, residentId: neighbour.id })).toBe(true);
    expect(await community.probe.mayActFor({ actor: asNeighbour, residentId: grandma.id })).toBe(false);
    await community.delegations.grant({
      actor: { kind: "resident", id: grandma.id },
      forResident: grandma.id,
      delegateId: neighbour.id,
    });
    expect(await community.probe.mayActFor({ actor: asNeighbour, residentId: grandma.id })).toBe(true);
  });

  it("ACCESS_DENIED names the actor's kind and the action in both languages, and the actor's id in details", async () => {
    const { community } = await testCommunity();
    const grandma = await community.residents.register({ actor: staff, name: "王奶奶" });
    const neighbour = await community.residents.register({ actor: staff, name: "邻居" });
    const error = await community.residents
      .get({ actor: { kind: "resident", id: neighbour.id }, forResident: grandma.id })
      .catch((e) => e);
    expect(isLinliError(error, "ACCESS_DENIED")).toBe(true);
    expect(error.messages).toEqual({
      "zh-CN": "resident 无权执行 core.residents.get",
      en: "A resident may not core.residents.get",
    });
    expect(error.details).toMatchObject({
      actorKind: "resident",
      action: "core.residents.get",
      actorId: neighbour.id,
    });
  });

  it("UNKNOWN_RESIDENT names the unknown id", async () => {
    const { community } = await testCommunity();
    const error = await community.residents.get({ actor: staff, forResident: "nobody" }).catch((e) => e);
    expect(error.messages.en).toBe("Resident nobody does not exist");
    expect(error.details).toEqual({ residentId: "nobody" });
  });
});
