import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, it } from "vitest";
import { createCommunity, manualClock, randomIds, timeOrderedIds } from "../src/index";
import { baseConfig, staff } from "./fixtures";

const V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** The creation time (epoch ms) a version-7 UUID carries in its first 48 bits. */
const timeOf = (id: string) => Number.parseInt(id.replaceAll("-", "").slice(0, 12), 16);

describe("ids", () => {
  it("time-ordered ids are version-7 UUIDs, each greater than the one before, stamped with the time made", () => {
    const before = Date.now();
    const ids = Array.from({ length: 5000 }, () => timeOrderedIds.next("booking"));
    const after = Date.now();
    for (const id of ids) expect(id).toMatch(V7);
    expect(new Set(ids).size).toBe(ids.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!).toBe(true);
    expect(timeOf(ids[0]!)).toBeGreaterThanOrEqual(before);
    // A burst past the counter's room within one millisecond borrows from the next: allow a few.
    expect(timeOf(ids.at(-1)!)).toBeLessThanOrEqual(after + 50);
  });

  it("random ids stay available as version-4 UUIDs", () => {
    const ids = Array.from({ length: 100 }, () => randomIds.next());
    for (const id of ids) expect(id).toMatch(V4);
    expect(new Set(ids).size).toBe(100);
  });

  it("a community without an id generator gives its records time-ordered ids", async () => {
    const community = await createCommunity({
      config: baseConfig(),
      storage: memoryStorage(),
      clock: manualClock("2026-06-01T02:00:00Z"),
    });
    const first = await community.residents.register({ actor: staff, name: "王奶奶" });
    const second = await community.residents.register({ actor: staff, name: "李爷爷" });
    expect(first.id).toMatch(V7);
    expect(second.id > first.id).toBe(true);
    await community.close();
  });
});
