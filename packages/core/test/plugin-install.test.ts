import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineEvents, definePlugin, defineQuery } from "../src/index";
import { baseConfig, staff, system, testCommunity } from "./fixtures";
import {
  chimeEvents,
  chimePlugin,
  listenerPlugin,
  singleSubscriptionPlugin,
  thiefPlugin,
} from "./plugin-fixtures";

describe("installing plugins", () => {
  it("every subscriber of an event runs, also when an optional plugin it listens to is present", async () => {
    const heard: string[] = [];
    const { community } = await testCommunity([
      chimePlugin(),
      listenerPlugin("first", heard, ["chime"]),
      listenerPlugin("second", heard),
    ] as const);
    await community.chime.ring({ actor: staff, id: "c-1" });
    expect(heard).toEqual(["first:c-1", "second:c-1"]);
  });

  it("every plugin's hooks on one command run, before and after, in plugin order", async () => {
    const ran: string[] = [];
    const hooker = (id: string) =>
      definePlugin({
        id,
        hooks: {
          before: { "chime.ring": () => void ran.push(`${id}:before`) },
          after: { "chime.ring": () => void ran.push(`${id}:after`) },
        },
        api: () => ({}),
      });
    const { community } = await testCommunity([chimePlugin(), hooker("a"), hooker("b")] as const);
    await community.chime.ring({ actor: staff, id: "c-1" });
    expect(ran).toEqual(["a:before", "b:before", "a:after", "b:after"]);
  });

  it("refuses an after-hook on a name that is no command", async () => {
    const typo = definePlugin({
      id: "typo",
      hooks: { after: { "chime.rng": () => undefined } },
      api: () => ({}),
    });
    await expect(testCommunity([chimePlugin(), typo] as const)).rejects.toMatchObject({
      code: "UNKNOWN_COMMAND",
      details: { plugin: "typo", command: "chime.rng" },
    });
  });

  it("a plugin declares only its own events, each name once across the community", async () => {
    const thief = thiefPlugin();
    await expect(testCommunity([thief] as const)).rejects.toMatchObject({ code: "PLUGIN_CONFLICT" });
    const twin = definePlugin({
      id: "twin",
      events: defineEvents("twin", { ChimeRang: z.object({}) }),
      api: () => ({}),
    });
    await expect(testCommunity([chimePlugin(), twin] as const)).rejects.toMatchObject({
      code: "PLUGIN_CONFLICT",
      details: { reason: "event ChimeRang is declared twice" },
    });
    const kernelName = definePlugin({
      id: "kernel-name",
      events: defineEvents("kernel-name", { ResidentRegistered: z.object({}) }),
      api: () => ({}),
    });
    await expect(testCommunity([kernelName] as const)).rejects.toMatchObject({ code: "PLUGIN_CONFLICT" });
  });

  it("a subscription must be a list of subscribe(event, fn) to a declared event of the right owner", async () => {
    await expect(testCommunity([singleSubscriptionPlugin()] as const)).rejects.toMatchObject({
      code: "PLUGIN_CONFLICT",
    });
    const noEvent = { id: "no-event", on: [{ event: undefined, run: () => undefined }], api: () => ({}) };
    await expect(testCommunity([definePlugin(noEvent as never)] as const)).rejects.toMatchObject({
      code: "UNKNOWN_EVENT",
      details: { plugin: "no-event", event: "undefined" },
    });
    // Same name, another owner: not the declared event, even though defineEvents made it.
    const impostor = defineEvents("bell", { ChimeRang: z.object({ id: z.string() }) }).ChimeRang;
    await expect(
      testCommunity([chimePlugin(), listenerPlugin("l", [], [], impostor)] as const),
    ).rejects.toMatchObject({ code: "UNKNOWN_EVENT" });
  });

  it("a hand-made event definition a plugin declares is emitted and heard as that very object, not as a copy", async () => {
    const handMade = {
      ChimeRang: { name: "ChimeRang" as const, plugin: "chime", schema: z.object({ id: z.string() }) },
    };
    const heard: string[] = [];
    const { community } = await testCommunity([
      chimePlugin(handMade),
      listenerPlugin("same", heard, [], handMade.ChimeRang),
    ] as const);
    await community.chime.ring({ actor: staff, id: "c-1" });
    expect(heard).toEqual(["same:c-1"]);
    // A defineEvents copy of it is not it: only copies of defineEvents' own definitions match.
    await expect(
      testCommunity([chimePlugin(handMade), listenerPlugin("copy", [], [], chimeEvents.ChimeRang)] as const),
    ).rejects.toMatchObject({ code: "UNKNOWN_EVENT" });
  });

  it('allow: "staff" admits staff, admin and system, and refuses residents', async () => {
    const { community } = await testCommunity([chimePlugin()] as const);
    expect(await community.chime.ring({ actor: system, id: "c-1" })).toBe("c-1");
    await expect(
      community.chime.ring({ actor: { kind: "resident", id: "r" }, id: "c-2" }),
    ).rejects.toMatchObject({
      code: "ACCESS_DENIED",
      details: { action: "chime.ring" },
    });
  });

  it("a command name is defined once; a plugin reaches itself and what it requires", async () => {
    const twice = definePlugin({
      id: "twice",
      api: (ctx) => {
        const a = defineQuery({ subject: "none", input: z.object({}), run: async () => 1 });
        return { ...ctx.commands({ a }), ...ctx.commands({ a }) };
      },
    });
    await expect(testCommunity([twice] as const)).rejects.toMatchObject({
      code: "PLUGIN_CONFLICT",
      details: { reason: "command twice.a is defined twice" },
    });
    const user = definePlugin({
      id: "user",
      requires: ["chime"],
      api: (ctx) => ({ reach: () => [ctx.plugin("user") !== undefined, ctx.plugin("chime") !== undefined] }),
    });
    const { community } = await testCommunity([chimePlugin(), user] as const);
    expect(community.user.reach()).toEqual([true, true]);
  });

  it("one input schema shared by a command without a subject and one with: each keeps its own call schema", async () => {
    const input = z.object({ note: z.string() });
    const shared = definePlugin({
      id: "shared",
      api: (ctx) =>
        ctx.commands({
          withSubject: defineQuery({ input, run: async (cx) => cx.subject ?? null }),
          withoutSubject: defineQuery({ subject: "none", input, run: async () => "none" }),
        }),
    });
    const { community } = await testCommunity([shared] as const);
    const r = await community.residents.register({ actor: staff, name: "甲" });
    expect(await community.shared.withSubject({ actor: staff, forResident: r.id, note: "n" })).toBe(r.id);
    const call = community.shared.withoutSubject as (input: object) => Promise<unknown>;
    await expect(call({ actor: staff, forResident: r.id, note: "n" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
  });

  it("an event name must be PascalCase from its first to its last character", () => {
    for (const name of ["notPascal", "Bad-Name", "x"])
      expect(() => defineEvents("p", { [name]: z.object({}) })).toThrow(
        `event name ${name} must be PascalCase`,
      );
    expect(Object.keys(defineEvents("p", { A: z.object({}), Ab9: z.object({}) }))).toEqual(["A", "Ab9"]);
  });
});

describe("installation refusals name what is wrong", () => {
  it("an event owned by another plugin, and a subscription that is not a list, are refused with the reason", async () => {
    const thief = thiefPlugin();
    await expect(testCommunity([thief] as const)).rejects.toMatchObject({
      code: "PLUGIN_CONFLICT",
      details: { reason: 'plugin "thief" declares event ChimeRang owned by "chime"' },
    });
    await expect(testCommunity([singleSubscriptionPlugin()] as const)).rejects.toMatchObject({
      code: "PLUGIN_CONFLICT",
      details: { reason: 'plugin "single": "on" must be a list of subscribe(event, fn)' },
    });
  });

  it("a permission naming no command is refused with that command's name", async () => {
    const config = { ...baseConfig(), permissions: { "chime.rign": ["admin"] } };
    await expect(testCommunity([chimePlugin()] as const, config)).rejects.toMatchObject({
      code: "UNKNOWN_PERMISSION_COMMAND",
      details: { command: "chime.rign" },
    });
  });

  it("a plugin that declares neither requires nor optional may not reach another plugin", async () => {
    const reacher = definePlugin({ id: "reacher", api: (ctx) => ({ chime: ctx.plugin("chime") }) });
    await expect(testCommunity([chimePlugin(), reacher] as const)).rejects.toMatchObject({
      code: "PLUGIN_CONFLICT",
      details: { reason: "reacher uses chime without declaring it in requires or optional" },
    });
  });

  it("a command tree entry that is neither a definition nor a tree is refused by name", async () => {
    const query = defineQuery({ subject: "none", input: z.object({}), run: async () => 1 });
    // Plain JavaScript callers: a definition missing its run, a bare function, a string, null.
    const entries: [unknown, string][] = [
      [{ kind: "query", input: z.object({}) }, "bad.entry.kind"],
      [{ run: async () => 1 }, "bad.entry.run"],
      ["query", "bad.entry"],
      [null, "bad.entry"],
    ];
    for (const [entry, name] of entries) {
      const bad = definePlugin({
        id: "bad",
        api: (ctx) => ctx.commands({ ok: query, entry: entry as typeof query }),
      });
      await expect(testCommunity([bad] as const)).rejects.toMatchObject({
        code: "PLUGIN_CONFLICT",
        details: { reason: `${name} is neither a command definition nor a tree of them` },
      });
    }
  });

  it("a plugin's personal-data hooks answer the kernel's export", async () => {
    const keeper = definePlugin({
      id: "keeper",
      personalData: {
        export: async (_cx, residentId) => ({ notes: [`about ${residentId}`] }),
        erase: async () => undefined,
      },
      api: () => ({}),
    });
    const { community } = await testCommunity([keeper] as const);
    const r = await community.residents.register({ actor: staff, name: "甲" });
    const data = await community.privacy.export({ actor: staff, forResident: r.id });
    expect(data.plugins).toEqual({ keeper: { notes: [`about ${r.id}`] } });
  });
});
