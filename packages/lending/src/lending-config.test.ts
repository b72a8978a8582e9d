import {
  type AnyPlugin,
  contribute,
  createCommunity,
  definePlugin,
  manualClock,
  violation,
} from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { desk, resident, toolRoom, toolRoomConfig, volunteer } from "../test/tool-room-fixture";
import { lendingPlugin } from "./lending-plugin";
import { defineLoanPolicyKind, lendingPolicyKinds } from "./policy-kind";

declare module "./lending-config" {
  interface LendingPolicyKindParams {
    "quiet-hours-items": { categories?: string[]; max: number };
  }
}

/** A community plugin's own policy kind: at most `max` items of some categories, with a check. */
const quietItemsKind = defineLoanPolicyKind({
  kind: "quiet-hours-items",
  description: { "zh-CN": "噪音工具限借", en: "Noisy tools are limited" },
  params: z.object({ categories: z.array(z.string()).default([]), max: z.number().int() }),
  check(params, report) {
    if (params.max < 0)
      report(["max"], "NEGATIVE_MAX", { "zh-CN": "上限不能为负", en: "The maximum cannot be negative" });
  },
  evaluate(params, cx) {
    const asked = cx.request.items.filter((i) => params.categories.includes(i.category)).length;
    if (asked <= params.max) return [];
    return [violation("TOO_NOISY", cx.policy.id, { "zh-CN": "噪音工具超限", en: "Too many noisy tools" })];
  },
});
const quietPlugin = () =>
  definePlugin({
    id: "quiet",
    requires: ["lending"],
    contributes: [contribute(lendingPolicyKinds, [quietItemsKind])],
    api: () => ({}),
  });

const problemsOf = async (
  config: ReturnType<typeof toolRoomConfig>,
  plugins: readonly AnyPlugin[] = [lendingPlugin()],
) => {
  const error = await createCommunity({
    config,
    storage: memoryStorage(),
    plugins: plugins as [ReturnType<typeof lendingPlugin>],
    clock: manualClock("2026-09-22T02:00:00Z"),
  }).catch((e) => e);
  expect(error.code).toBe("CONFIG_INVALID");
  return (error.details.problems as { code: string; path: string; message: Record<string, string> }[]).map(
    (p) => [p.path, p.code],
  );
};

describe("lending configuration", () => {
  test("every problem is listed at load time, structural and semantic, with its path", async () => {
    const config = toolRoomConfig({
      openingHours: { mon: [{ from: "09:00", to: "25:00" }], tue: [{ from: "10:00", to: "10:00" }] },
      closures: [{ from: "2026-02-30" }, { from: "2026-10-07", to: "2026-10-01" }],
      maintenancePlans: [{ id: "drills", categories: ["chainsaws"] }],
      policies: [
        { id: "a", kind: "max-loans", max: 2, categories: ["boats"] },
        { id: "a", kind: "no-loans-while-overdue" },
        { id: "agreement", kind: "borrower-agreement", version: " 2026-1" },
        { id: "agreement-2", kind: "borrower-agreement", version: "2026-2" },
        // @ts-expect-error "teleport" is no policy kind: a compile error here, a run-time problem in JSON
        { id: "c", kind: "teleport" },
      ],
    });
    expect(await problemsOf(config)).toEqual([
      ["lending.policies[4].kind", "INVALID_UNION"],
      ["lending.openingHours.mon[0].to", "INVALID_TIME"],
      ["lending.closures[0].from", "INVALID_DATE"],
      ["lending.closures[1].to", "RANGE_ENDS_BEFORE_START"],
      ["lending.openingHours.tue[0]", "EMPTY_RANGE"],
      ["lending.maintenancePlans[0]", "PLAN_WITHOUT_INTERVAL"],
      ["lending.maintenancePlans[0].categories[0]", "UNKNOWN_CATEGORY"],
      ["lending.policies[0].categories[0]", "UNKNOWN_CATEGORY"],
      ["lending.policies[1].id", "DUPLICATE_ID"],
      ["lending.policies[2].version", "INVALID_VERSION"],
      ["lending.policies[3]", "DUPLICATE_AGREEMENT"],
    ]);
  });

  test("a contributed policy kind is checked at load and applied at check-out like a built-in one", async () => {
    const bad = toolRoomConfig({ policies: [{ id: "noisy", kind: "quiet-hours-items", max: -1 }] });
    expect(await problemsOf(bad, [lendingPlugin(), quietPlugin()])).toEqual([
      ["lending.policies[0].max", "NEGATIVE_MAX"],
    ]);
    const { community, lend } = await toolRoom({
      overrides: { policies: [{ id: "noisy", kind: "quiet-hours-items", categories: ["garden"], max: 1 }] },
      plugins: [quietPlugin()],
    });
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "trowel" }, { itemTypeId: "hedge-trimmer" }],
    });
    expect(out.ok ? [] : out.violations.map((v) => [v.rule, v.code])).toEqual([["noisy", "TOO_NOISY"]]);
    expect((await lend.mine({ actor: resident("wang") })).loans).toEqual([]);
    expect(
      await lend.checkEligibility({ actor: desk, forResident: "wang", itemTypeIds: ["trowel"] }),
    ).toMatchObject({
      ok: true,
    });
    await community.close();
  });
});
