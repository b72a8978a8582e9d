import { type AdapterTransaction, isLinliError } from "@linli/core";
import { counterModel, inTx, sample, sampleModel, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { tempDir } from "../test/temp-dir";
import { type SqliteStorage, sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
let storage: SqliteStorage;
beforeAll(async () => {
  storage = sqliteStorage({ filename: dir.file("tx.db") });
  await storage.setup(testkitModels);
});
afterAll(async () => {
  await storage.close();
  dir.remove();
});

describe("transactions", () => {
  test("a transaction object kept after its commit refuses to write (TRANSACTION_FINISHED)", async () => {
    let leaked!: AdapterTransaction;
    await storage.transaction(async (tx) => {
      leaked = tx;
    });
    const error = await leaked
      .create("testkit_counter", { id: "x", communityId: "c", value: 1 })
      .catch((e) => e);
    expect(isLinliError(error, "TRANSACTION_FINISHED")).toBe(true);
    expect(await inTx(storage, (tx) => tx.count(counterModel), "c")).toBe(0);
  });

  test("a unique-index violation names the model and keeps SQLite's constraint in its details", async () => {
    await inTx(storage, (tx) => tx.create(sampleModel, { ...sample(1), code: "K" }));
    const error = await inTx(storage, (tx) => tx.create(sampleModel, { ...sample(2), code: "K" })).catch(
      (e: unknown) => e,
    );
    expect(isLinliError(error, "DUPLICATE")).toBe(true);
    expect((error as { details: Record<string, unknown> }).details).toMatchObject({
      model: "testkit_sample",
      id: sample(2).id,
      sqliteCode: "SQLITE_CONSTRAINT_UNIQUE",
    });
  });

  test("an operation on a model that was not set up is a STORAGE_ERROR naming it", async () => {
    const error = await storage.transaction((tx) => tx.count("nope", [])).catch((e: unknown) => e);
    expect(isLinliError(error, "STORAGE_ERROR")).toBe(true);
    expect((error as Error).message).toContain("nope");
  });

  test("concurrent transactions of one process run one after the other, in call order", async () => {
    const order: string[] = [];
    await Promise.all(
      ["a", "b", "c"].map((name) =>
        storage.transaction(async () => {
          order.push(`${name}:start`);
          await Promise.resolve();
          order.push(`${name}:end`);
        }),
      ),
    );
    expect(order).toEqual(["a:start", "a:end", "b:start", "b:end", "c:start", "c:end"]);
  });

  test("while another connection holds the write lock past the busy timeout: SQLITE_BUSY, and the storage still works after", async () => {
    const filename = dir.file("busy.db");
    const busy = sqliteStorage({ filename, busyTimeoutMs: 0 });
    await busy.setup(testkitModels);
    const other = new Database(filename);
    other.exec("BEGIN IMMEDIATE");
    try {
      const error = await inTx(busy, (tx) => tx.count(counterModel)).catch((e: unknown) => e);
      expect(isLinliError(error, "SQLITE_BUSY"), String(error)).toBe(true);
      expect((error as { messages: { en: string } }).messages.en).toContain("locked by another process");
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await inTx(busy, (tx) => tx.create(counterModel, { id: "after", value: 1 }));
    expect(await inTx(busy, (tx) => tx.count(counterModel))).toBe(1);
    await busy.close();
  });
});
