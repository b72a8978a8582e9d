import { isLinliError } from "@linli/core";
import { inTx, sample, sampleModel, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { tempDir } from "../test/temp-dir";
import { sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());

async function idsIn(filename: string): Promise<string[]> {
  const copy = sqliteStorage({ filename });
  await copy.setup(testkitModels);
  const rows = await inTx(copy, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
  await copy.close();
  return rows.map((r) => r.id);
}

describe("backup", () => {
  test("copies every committed row, not the rows of a transaction still open, while it stays open", async () => {
    const storage = sqliteStorage({ filename: dir.file("live.db") });
    await storage.setup(testkitModels);
    await inTx(storage, async (tx) => {
      for (let i = 1; i <= 20; i++) await tx.create(sampleModel, sample(i));
    });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written!: () => void;
    const inside = new Promise<void>((resolve) => {
      written = resolve;
    });
    const open = inTx(storage, async (tx) => {
      await tx.create(sampleModel, sample(99));
      written();
      await held;
    });
    await inside;
    const result = await storage.backup(dir.file("copy.db"));
    release();
    await open;
    expect(result.pages).toBeGreaterThan(1);
    expect(result.file).toBe(dir.file("copy.db"));
    const expected = Array.from({ length: 20 }, (_, i) => sample(i + 1).id);
    expect(await idsIn(dir.file("copy.db"))).toEqual(expected);
    const db = new Database(dir.file("copy.db"), { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
    // A later backup overwrites the earlier one and includes the row committed since.
    await storage.backup(dir.file("copy.db"));
    expect(await idsIn(dir.file("copy.db"))).toEqual([...expected, sample(99).id]);
    await storage.close();
  });

  test("an in-memory database can be backed up to a file", async () => {
    const storage = sqliteStorage({ filename: ":memory:" });
    await storage.setup(testkitModels);
    await inTx(storage, (tx) => tx.create(sampleModel, sample(7)));
    await storage.backup(dir.file("from-memory.db"));
    await storage.close();
    expect(await idsIn(dir.file("from-memory.db"))).toEqual([sample(7).id]);
  });

  test("a target in a missing folder, or the database itself: SQLITE_BACKUP_FAILED", async () => {
    const filename = dir.file("source.db");
    const storage = sqliteStorage({ filename });
    for (const target of [dir.file("missing/copy.db"), filename, ""]) {
      const error = await storage.backup(target).catch((e: unknown) => e);
      expect(isLinliError(error, "SQLITE_BACKUP_FAILED"), String(error)).toBe(true);
    }
    await storage.close();
  });
});
