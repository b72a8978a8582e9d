import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  coreEvents,
  defineEvents,
  defineModel,
  definePlugin,
  defineCommand,
  defineQuery,
  isLinliError,
  LinliError,
  subscribe,
} from "../src/index";
import { eventModel } from "../src/adapter";
import { staff, testCommunity } from "./fixtures";
import { chimePlugin } from "./plugin-fixtures";

const auditModel = defineModel("audit_entry", { what: z.string(), residentId: z.string() });

/** Watches the kernel's commands through hooks and subscribers, writing in the same transaction. */
const auditPlugin = () =>
  definePlugin({
    id: "audit" as const,
    optional: ["missing-plugin"],
    models: [auditModel],
    hooks: {
      before: {
        "core.residents.register": (_cx, input) => {
          if (String(input.name).includes("测试")) {
            throw new LinliError("TEST_NAMES_REFUSED", {
              "zh-CN": "不接受测试姓名",
              en: "Test names are refused",
            });
          }
        },
      },
      after: {
        "core.residents.register": async (cx, _input, result) => {
          await cx.tx.create(auditModel, { what: "registered", residentId: (result as { id: string }).id });
        },
      },
    },
    on: [
      subscribe(coreEvents.EligibilityGranted, async (cx, event) => {
        await cx.tx.create(auditModel, {
          what: `granted:${event.payload.groupId}`,
          residentId: event.payload.residentId,
        });
        if (event.payload.groupId === "student") {
          throw new LinliError("NO_STUDENTS_TODAY", { "zh-CN": "今天不登记学生", en: "No students today" });
        }
      }),
    ],
    api: (ctx) => ({
      ...ctx.commands({
        entries: defineQuery({
          allow: ["staff"],
          subject: "none",
          input: z.object({}),
          run: (cx) => cx.tx.findMany(auditModel, { orderBy: [{ field: "id" }] }),
        }),
      }),
      optionalPresent: () => ctx.plugin("missing-plugin") !== undefined,
      undeclared: () => ctx.plugin("booking"),
    }),
  });

describe("hooks and in-transaction subscribers", () => {
  it("after-hooks and event subscribers write in the command's transaction", async () => {
    const { community } = await testCommunity([auditPlugin()] as const);
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    await community.eligibility.grant({ actor: staff, forResident: r.id, groupId: "elderly-living-alone" });
    expect((await community.audit.entries({ actor: staff })).map((e) => e.what)).toEqual([
      "registered",
      "granted:elderly-living-alone",
    ]);
  });

  it("a before-hook can refuse a command: nothing is written", async () => {
    const { community, storage } = await testCommunity([auditPlugin()] as const);
    const error = await community.residents.register({ actor: staff, name: "测试用户" }).catch((e) => e);
    expect(isLinliError(error, "TEST_NAMES_REFUSED")).toBe(true);
    expect(await community.residents.list({ actor: staff })).toEqual([]);
    expect(await storage.transaction((tx) => tx.count(eventModel.name, []))).toBe(0);
  });

  it("a failing subscriber rolls back the command that emitted the event", async () => {
    const { community } = await testCommunity([auditPlugin()] as const);
    const r = await community.residents.register({ actor: staff, name: "小李" });
    const error = await community.eligibility
      .grant({ actor: staff, forResident: r.id, groupId: "student" })
      .catch((e) => e);
    expect(isLinliError(error, "NO_STUDENTS_TODAY")).toBe(true);
    expect(await community.eligibility.grantsOf({ actor: staff, forResident: r.id })).toEqual([]);
    expect((await community.audit.entries({ actor: staff })).map((e) => e.what)).toEqual(["registered"]);
    expect((await community.events.list({ actor: staff })).map((e) => e.type)).toEqual([
      "ResidentRegistered",
    ]);
  });

  it("optional plugins resolve to undefined when absent; undeclared ones are refused", async () => {
    const { community } = await testCommunity([auditPlugin()] as const);
    expect(community.audit.optionalPresent()).toBe(false);
    expect(() => community.audit.undeclared()).toThrow(expect.objectContaining({ code: "PLUGIN_CONFLICT" }));
  });

  it("refuses a hook on a name that is no command of the community", async () => {
    const typo = definePlugin({
      id: "typo",
      hooks: { before: { "core.residents.registr": () => undefined } },
      api: () => ({}),
    });
    await expect(testCommunity([typo] as const)).rejects.toMatchObject({
      code: "UNKNOWN_COMMAND",
      details: { plugin: "typo", command: "core.residents.registr" },
    });
  });

  it("refuses a subscription to an event no installed plugin declares, and drops one of an absent optional plugin", async () => {
    const strayEvents = defineEvents("stray", { StrayHappened: z.object({ id: z.string() }) });
    const listener = (optional: string[]) =>
      definePlugin({
        id: "listener",
        optional,
        on: [subscribe(strayEvents.StrayHappened, () => undefined)],
        api: () => ({}),
      });
    await expect(testCommunity([listener([])] as const)).rejects.toMatchObject({
      code: "UNKNOWN_EVENT",
      details: { plugin: "listener", event: "StrayHappened" },
    });
    await expect(testCommunity([listener(["stray"])] as const)).resolves.toBeDefined();
    // A hand-made look-alike of a declared event is refused too: subscriptions are by definition, not by name.
    const forged = { ...coreEvents.ResidentRegistered };
    const forger = definePlugin({ id: "forger", on: [subscribe(forged, () => undefined)], api: () => ({}) });
    await expect(testCommunity([forger] as const)).rejects.toMatchObject({ code: "UNKNOWN_EVENT" });
  });

  it("checks an emitted payload against its event's schema at run time: nothing is written", async () => {
    const noticeEvents = defineEvents("notices", { NoticePosted: z.object({ noticeId: z.string().min(3) }) });
    const notices = definePlugin({
      id: "notices",
      events: noticeEvents,
      api: (ctx) =>
        ctx.commands({
          post: defineCommand({
            subject: "none",
            input: z.object({ id: z.string() }),
            run: async (cx, { id }) => {
              await cx.emit(noticeEvents.NoticePosted, { noticeId: id });
              return id;
            },
          }),
        }),
    });
    const { community } = await testCommunity([notices] as const);
    await expect(community.notices.post({ actor: staff, id: "n1" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      details: { event: "NoticePosted" },
    });
    expect(await community.events.list({ actor: staff })).toEqual([]);
    await community.notices.post({ actor: staff, id: "n-100" });
    expect((await community.events.list({ actor: staff })).map((e) => [e.type, e.payload])).toEqual([
      ["NoticePosted", { noticeId: "n-100" }],
    ]);
  });
});

describe("event definitions loaded twice", () => {
  it("a subscription through a second copy of the owner's definitions works, as in a CommonJS app", async () => {
    // A CommonJS app loads `@linli/booking` and `@linli/booking/events` as two bundles: each
    // runs defineEvents, so the subscriber's definition is a copy of the emitter's.
    const schemas = { ChimeRang: z.object({ id: z.string() }) };
    const declared = defineEvents("chime", schemas);
    const copy = defineEvents("chime", schemas);
    const heard: string[] = [];
    const chime = chimePlugin(declared);
    const listener = definePlugin({
      id: "listener",
      on: [subscribe(copy.ChimeRang, (_cx, event) => void heard.push(event.payload.id))],
      api: () => ({}),
    });
    const { community } = await testCommunity([chime, listener] as const);
    await community.chime.ring({ actor: staff, id: "c-1" });
    expect(heard).toEqual(["c-1"]);
  });
});
