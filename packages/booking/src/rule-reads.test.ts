import { contribute, definePlugin } from "@linli/core";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { cst, desk, resident, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";
import {
  bookingRuleKinds,
  defineRuleKind,
  readsGroups,
  readsResidentBookings,
  type RuleReads,
} from "./rule-kind";
import { builtInRuleKinds } from "./rules/built-in-rule-kinds";

/**
 * A plugin with one rule kind that records how many of the resident's bookings each
 * judgement showed it, declaring `reads` as given (or omitting it).
 */
function peekPlugin(kind: string, reads: RuleReads | undefined) {
  const seen: number[] = [];
  const peek = defineRuleKind({
    kind,
    description: { "zh-CN": "记录居民预约数", en: "Records the resident's bookings seen" },
    params: z.object({}),
    ...(reads === undefined ? {} : { reads }),
    evaluate(_params, cx) {
      seen.push(cx.snapshot.residentBookings.length);
      return [];
    },
  });
  const plugin = definePlugin({
    id: `peek-${kind}`,
    requires: ["booking"],
    contributes: [contribute(bookingRuleKinds, [peek])],
    api: () => ({}),
  });
  return { plugin, seen };
}

function libraryWith(...kinds: string[]) {
  const config = wangjialongConfig();
  for (const kind of kinds)
    (config.booking as { rules: unknown[] }).rules.push({
      id: `library-${kind}`,
      kind,
      appliesTo: { resources: ["library"] },
    });
  return config;
}

/** Books the library twice for wang (two evenings) and returns both results' `ok`. */
async function bookTwice(community: Awaited<ReturnType<typeof wangjialong>>["community"]) {
  const out: boolean[] = [];
  for (const day of ["2026-07-06", "2026-07-07"]) {
    const r = await community.booking.book({
      actor: resident("wang"),
      resourceId: "library",
      start: cst(`${day}T19:00`),
      end: cst(`${day}T20:00`),
    });
    out.push(r.ok);
  }
  return out;
}

describe("rule kinds declare what they read", () => {
  test("the built-in kinds that count a resident's bookings declare it; the others do not", () => {
    const readers = builtInRuleKinds.filter((k) => readsResidentBookings(k)).map((k) => k.kind);
    expect(readers.sort()).toEqual(["max-future-bookings", "no-show-policy", "quota"]);
    expect(builtInRuleKinds.every((k) => k.reads !== undefined)).toBe(true);
  });

  test("a kind that omits `reads` is taken to read the resident's bookings", () => {
    expect(readsResidentBookings({})).toBe(true);
    expect(readsResidentBookings({ reads: {} })).toBe(false);
    expect(readsResidentBookings({ reads: { residentBookings: false } })).toBe(false);
    expect(readsResidentBookings({ reads: { residentBookings: true } })).toBe(true);
  });

  test("where no rule reads the resident's bookings, the lookback is not read: a declaring kind sees none", async () => {
    const peek = peekPlugin("peek-declared", { residentBookings: false });
    const { community } = await wangjialong({ config: libraryWith("peek-declared"), plugins: [peek.plugin] });
    expect(await bookTwice(community)).toEqual([true, true]);
    expect(peek.seen).toEqual([0, 0]);
  });

  test("a kind that declares the read, or omits `reads`, sees the resident's bookings", async () => {
    for (const reads of [{ residentBookings: true }, undefined]) {
      const peek = peekPlugin("peek", reads);
      const { community } = await wangjialong({ config: libraryWith("peek"), plugins: [peek.plugin] });
      expect(await bookTwice(community)).toEqual([true, true]);
      expect(peek.seen).toEqual([0, 1]);
    }
  });

  test("one reading rule on the resource is enough: every rule of it then sees the bookings", async () => {
    const declared = peekPlugin("peek-declared", { residentBookings: false });
    const reader = peekPlugin("peek-reader", { residentBookings: true });
    const { community } = await wangjialong({
      config: libraryWith("peek-declared", "peek-reader"),
      plugins: [declared.plugin, reader.plugin],
    });
    expect(await bookTwice(community)).toEqual([true, true]);
    expect(reader.seen).toEqual([0, 1]);
  });

  test("quotas still count on resources whose rules read the bookings (the gym's cap of three upcoming)", async () => {
    const { community } = await wangjialong();
    const results: boolean[] = [];
    for (const hour of [8, 9, 10, 11]) {
      const r = await community.booking.book({
        actor: desk,
        forResident: "li",
        resourceId: "gym",
        start: cst(`2026-07-07T${String(hour).padStart(2, "0")}:00`),
        end: cst(`2026-07-07T${String(hour + 1).padStart(2, "0")}:00`),
      });
      results.push(r.ok);
    }
    expect(results).toEqual([true, true, true, false]);
  });
});

describe("the resident's groups are read only for rules that may look at them", () => {
  /** A kind that records the groups each judgement showed it, declaring `reads` as given (or omitting it). */
  function groupPeek(reads: RuleReads | undefined) {
    const seen: (readonly string[])[] = [];
    const peek = defineRuleKind({
      kind: "peek-groups",
      description: { "zh-CN": "记录居民分组", en: "Records the resident's groups" },
      params: z.object({}),
      ...(reads === undefined ? {} : { reads }),
      evaluate(_params, cx) {
        seen.push([...(cx.request.groups ?? [])]);
        return [];
      },
    });
    const plugin = definePlugin({
      id: "peek-groups",
      requires: ["booking"],
      contributes: [contribute(bookingRuleKinds, [peek])],
      api: () => ({}),
    });
    return { plugin, seen };
  }

  /** The groups a peeking kind declaring `reads` saw over two bookings by wang, a student. */
  async function groupsSeen(reads: RuleReads | undefined) {
    const peek = groupPeek(reads);
    const { community } = await wangjialong({ config: libraryWith("peek-groups"), plugins: [peek.plugin] });
    await community.eligibility.grant({
      actor: desk,
      forResident: "wang",
      groupId: "student",
      validUntil: new Date("2027-07-01T00:00:00Z"),
    });
    expect(await bookTwice(community)).toEqual([true, true]);
    return peek.seen;
  }

  test("the built-in kinds that look at groups declare it; the others declare that they do not", () => {
    const readers = builtInRuleKinds.filter((k) => readsGroups(k)).map((k) => k.kind);
    expect(readers.sort()).toEqual(["approval-required", "seasonal", "who-may-book"]);
    expect(builtInRuleKinds.every((k) => k.reads?.groups !== undefined)).toBe(true);
  });

  test("a kind is taken to read groups unless it declares `groups: false`", () => {
    expect(readsGroups({})).toBe(true);
    expect(readsGroups({ reads: {} })).toBe(true);
    expect(readsGroups({ reads: { residentBookings: false } })).toBe(true);
    expect(readsGroups({ reads: { groups: true } })).toBe(true);
    expect(readsGroups({ reads: { residentBookings: true, groups: false } })).toBe(false);
  });

  test("a kind of another plugin that declares nothing about groups sees them (it may read them)", async () => {
    expect(await groupsSeen(undefined)).toEqual([["student"], ["student"]]);
    expect(await groupsSeen({ residentBookings: false })).toEqual([["student"], ["student"]]);
  });

  test("a kind of another plugin that declares `groups: false` lets booking skip the read", async () => {
    expect(await groupsSeen({ residentBookings: false, groups: false })).toEqual([[], []]);
  });
});
