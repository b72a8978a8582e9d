import { contribute, createCommunity, definePlugin, violation } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { codes, judge } from "../test/rule-harness";
import { cst, desk, resident, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";
import { bookingPlugin } from "./booking-plugin";
import { evaluateBooking } from "./evaluate-booking";
import { ruleKindMap } from "./rule-book";
import { defineRuleFact, type FactQuery, readFact } from "./rule-facts";
import { bookingRuleKinds, defineRuleKind } from "./rule-kind";

/**
 * A library plugin's own fact and rule: residents with overdue books may not book the reading
 * room. The overdue list lives in the plugin (here a map), not in booking.
 */
function libraryPlugin(overdue: ReadonlyMap<string, string>) {
  const asked: FactQuery[] = [];
  const overdueFact = defineRuleFact({
    id: "library.overdue",
    load: async (_cx, query) => {
      asked.push(query);
      return query.residentId === null ? null : (overdue.get(query.residentId) ?? null);
    },
  });
  const kind = defineRuleKind({
    kind: "no-overdue-books",
    description: { "zh-CN": "有逾期图书不可预约", en: "No booking with overdue books" },
    params: z.object({}),
    facts: [overdueFact],
    evaluate(_params, cx) {
      const title = readFact(cx.snapshot, overdueFact);
      if (title === undefined || title === null) return [];
      return [
        violation(
          "BOOKS_OVERDUE",
          cx.rule.id,
          { "zh-CN": "请先归还《{title}》", en: "Please return “{title}” first" },
          { title },
        ),
      ];
    },
  });
  const plugin = definePlugin({
    id: "library",
    requires: ["booking"],
    contributes: [contribute(bookingRuleKinds, [kind])],
    api: () => ({}),
  });
  return { plugin, kind, overdueFact, asked };
}

function configWithRule() {
  const config = wangjialongConfig();
  (config.booking as { rules: unknown[] }).rules.push({
    id: "library-overdue",
    kind: "no-overdue-books",
    appliesTo: { resources: ["library"] },
  });
  return config;
}

const evening = { start: cst("2026-07-06T19:00"), end: cst("2026-07-06T20:00") };

describe("rule facts", () => {
  test("a contributed kind reads its plugin's fact: book, check and availability all refuse, with the reason", async () => {
    const library = libraryPlugin(new Map([["wang", "红楼梦"]]));
    const { community } = await wangjialong({ config: configWithRule(), plugins: [library.plugin] });
    const refused = await community.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "library",
      ...evening,
    });
    expect(!refused.ok && refused.violations.map((v) => [v.code, v.rule, v.message])).toEqual([
      [
        "BOOKS_OVERDUE",
        "library-overdue",
        { "zh-CN": "请先归还《红楼梦》", en: "Please return “红楼梦” first" },
      ],
    ]);
    const check = await community.booking.check({
      actor: desk,
      forResident: "wang",
      resourceId: "library",
      ...evening,
    });
    expect(check.ok).toBe(false);
    const [wangSees] = await community.booking.availability({
      actor: resident("wang"),
      resourceId: "library",
      ...evening,
    });
    expect(wangSees!.slots).toEqual([]);
    // Li has nothing overdue.
    const li = await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "library",
      ...evening,
    });
    expect(li.ok).toBe(true);
    const [liSees] = await community.booking.availability({
      actor: resident("li"),
      resourceId: "library",
      ...evening,
    });
    expect(liSees!.slots.length).toBeGreaterThan(0);
  });

  test("a fact is loaded once per judgement, only where a rule needs it, with the resident and the time judged", async () => {
    const library = libraryPlugin(new Map());
    const { community } = await wangjialong({ config: configWithRule(), plugins: [library.plugin] });
    await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "dryer-1",
      start: cst("2026-07-06T10:00"),
      end: cst("2026-07-06T11:00"),
    });
    expect(library.asked).toEqual([]);
    await community.booking.book({ actor: desk, forResident: "li", resourceId: "library", ...evening });
    await community.booking.book({ actor: desk, resourceId: "library", ...evening });
    expect(library.asked).toEqual([
      { resourceId: "library", residentId: "li", ...evening },
      { resourceId: "library", residentId: null, ...evening },
    ]);
  });

  test("two different facts with one id are a plugin conflict", async () => {
    const a = libraryPlugin(new Map());
    const b = libraryPlugin(new Map());
    const other = definePlugin({
      id: "other-library",
      requires: ["booking"],
      contributes: [contribute(bookingRuleKinds, [{ ...b.kind, kind: "no-overdue-books-2" }])],
      api: () => ({}),
    });
    const error = await createCommunity({
      config: wangjialongConfig(),
      storage: memoryStorage(),
      plugins: [bookingPlugin(), a.plugin, other],
    }).catch((e) => e);
    expect(error.code).toBe("PLUGIN_CONFLICT");
    expect(error.message).toContain("library.overdue");
    expect(() => ruleKindMap([a.kind, { ...a.kind, kind: "again" }])).not.toThrow();
  });

  test("pure evaluation takes facts in the snapshot; without them the kind decides on nothing", () => {
    const { kind, overdueFact } = libraryPlugin(new Map());
    const slot = { start: new Date("2026-07-06T11:00Z"), end: new Date("2026-07-06T12:00Z") };
    const facts = { [overdueFact.id]: "论语" };
    expect(codes(judge(kind, {}, slot, { snapshot: { facts } }))).toEqual(["BOOKS_OVERDUE"]);
    expect(judge(kind, {}, slot)).toEqual([]);
    const kinds = ruleKindMap([kind]);
    const evaluation = evaluateBooking({
      request: { resourceId: "room", ...slot, actorKind: "resident", residentId: "r1" },
      now: new Date("2026-07-01T00:00Z"),
      timeZone: "Asia/Shanghai",
      resource: {
        id: "room",
        kind: "space",
        name: { "zh-CN": "室", en: "Room" },
        capacity: 1,
        zones: [],
        tags: [],
      },
      rules: [{ id: "r", kind: kind.kind, params: {}, targets: new Set(["room"]) }],
      kinds,
      snapshot: { resourceBookings: [], residentBookings: [], facts },
    });
    expect(codes(evaluation.decision.ok ? [] : evaluation.decision.violations)).toEqual(["BOOKS_OVERDUE"]);
  });
});
