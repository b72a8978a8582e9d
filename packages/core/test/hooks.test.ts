import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineModel, definePlugin, eventModel, isLinliError, LinliError } from "../src/index";
import { staff, testCommunity } from "./fixtures";

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
    on: {
      EligibilityGranted: async (cx, event) => {
        await cx.tx.create(auditModel, {
          what: `granted:${String(event.payload.groupId)}`,
          residentId: String(event.payload.residentId),
        });
        if (event.payload.groupId === "student") {
          throw new LinliError("NO_STUDENTS_TODAY", { "zh-CN": "今天不登记学生", en: "No students today" });
        }
      },
    },
    api: (ctx) => ({
      entries: ctx.query({
        name: "audit.entries",
        allow: ["staff"],
        input: z.object({}),
        run: (cx) => cx.tx.findMany(auditModel, { orderBy: [{ field: "id" }] }),
      }),
      optionalPresent: () => ctx.plugin("missing-plugin") !== undefined,
      undeclared: () => ctx.plugin("booking"),
    }),
  });

describe("hooks and in-transaction subscribers", () => {
  it("after-hooks and event subscribers write in the command's transaction", async () => {
    const { community } = await testCommunity([auditPlugin()] as const);
    const r = await community.residents.register({ actor: staff, name: "王奶奶" });
    await community.eligibility.grant({ actor: staff, residentId: r.id, groupId: "elderly-living-alone" });
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
      .grant({ actor: staff, residentId: r.id, groupId: "student" })
      .catch((e) => e);
    expect(isLinliError(error, "NO_STUDENTS_TODAY")).toBe(true);
    expect(await community.eligibility.grantsOf({ actor: staff, residentId: r.id })).toEqual([]);
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
});
