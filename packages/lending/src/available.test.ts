import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { afterAll, describe, expect, test } from "vitest";
import { desk, resident, toolRoom, volunteer } from "../test/tool-room-fixture";

const dir = mkdtempSync(join(tmpdir(), "linli-lending-available-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const engines: [string, () => StorageAdapter][] = [
  ["memory", () => memoryStorage()],
  ["SQLite", () => sqliteStorage({ filename: join(dir, `available-${++n}.db`) })],
];

describe.each(engines)("what can be borrowed, on %s", (_name, storage) => {
  test("on a date: loans back before it, not overdue ones, not units reserved that day", async () => {
    const { community, lend, clock, item } = await toolRoom({
      storage: storage(),
      overrides: { itemTypeTerms: { "hedge-trimmer": { loanDays: 2 } } },
    });
    const codes = async (on?: string) =>
      Object.fromEntries(
        (await lend.available({ actor: resident("zhao"), category: "garden", ...(on ? { on } : {}) })).map(
          (t) => [t.itemTypeId, t.codes],
        ),
      );
    // Tuesday: the hedge trimmer goes out until Thursday, one trowel until next Tuesday.
    await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemId: item("H-1") }, { itemId: item("T-1") }],
    });
    await lend.reservations.make({ actor: resident("zhang"), itemId: item("T-3"), from: "2026-09-26" });
    await lend.reservations.make({ actor: resident("li"), itemId: item("L-1"), from: "2026-10-20" });
    expect(await codes("2026-09-26")).toEqual({ "hedge-trimmer": ["H-1"], trowel: ["T-2"] });
    expect(await codes("2026-09-27")).toEqual({ "hedge-trimmer": ["H-1"], trowel: ["T-2", "T-3"] });
    // Now: T-3 is reserved before a loan of it would be due.
    expect(await codes()).toEqual({ trowel: ["T-2"] });
    const ladders = (on?: string) =>
      lend.available({ actor: desk, category: "ladders", ...(on ? { on } : {}) });
    expect((await ladders()).map((t) => t.codes)).toEqual([["L-1"]]);
    expect(await ladders("2026-10-20")).toEqual([]);
    // Friday: the trimmer was due Thursday and is not back, so Saturday cannot count on it.
    clock.set(new Date("2026-09-25T02:00:00Z"));
    expect(await codes("2026-09-26")).toEqual({ trowel: ["T-2"] });
    await lend.checkIn({ actor: volunteer, items: [{ itemId: item("H-1"), condition: "good" }] });
    expect(await codes("2026-09-26")).toEqual({ "hedge-trimmer": ["H-1"], trowel: ["T-2"] });
    await community.close();
  });
});
