import { isLinliError, type Tx } from "@linli/core";
import { inReadOnlyTx, inTx, sample, sampleModel, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { tempDir } from "../test/temp-dir";
import { type SqliteStorage, sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());
let n = 0;

/** A promise with its resolve function, to order steps of concurrent transactions without sleeping. */
function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function seeded(options: { filename?: string; busyTimeoutMs?: number } = {}): Promise<SqliteStorage> {
  const storage = sqliteStorage({ filename: options.filename ?? dir.file(`ro-${++n}.db`), ...options });
  await storage.setup(testkitModels);
  await inTx(storage, async (tx) => {
    for (const i of [1, 2]) await tx.create(sampleModel, sample(i));
  });
  return storage;
}

/** The sample rows a transaction sees, as `[id, name]` in id order. */
const view = async (tx: Tx) =>
  (await tx.findMany(sampleModel, { orderBy: [{ field: "id" }] })).map((r) => [r.id, r.name]);

const initial = [1, 2].map((i) => [sample(i).id, sample(i).name]);

describe("read-only transactions on a file", () => {
  test("a read-only transaction does not queue behind an open write transaction of the same storage, and sees only committed rows", async () => {
    const storage = await seeded();
    const written = deferred();
    const release = deferred();
    const writer = inTx(storage, async (tx) => {
      await tx.create(sampleModel, sample(3));
      await tx.updateById(sampleModel, "s001", { name: "renamed" });
      written.resolve();
      await release.promise;
    });
    await written.promise;
    // The write transaction holds BEGIN IMMEDIATE until `release`: the reader completes regardless.
    expect(await inReadOnlyTx(storage, view)).toEqual(initial);
    release.resolve();
    await writer;
    expect(await inReadOnlyTx(storage, view)).toEqual([
      ["s001", "renamed"],
      ["s002", sample(2).name],
      ["s003", sample(3).name],
    ]);
    await storage.close();
  });

  test("a write transaction of the same storage commits while a read-only transaction is open, which keeps its snapshot", async () => {
    const storage = await seeded();
    const reading = deferred();
    const committed = deferred();
    const reader = inReadOnlyTx(storage, async (tx) => {
      const first = await view(tx);
      reading.resolve();
      await committed.promise;
      return { first, second: await view(tx) };
    });
    await reading.promise;
    await inTx(storage, async (tx) => {
      await tx.create(sampleModel, sample(3));
      await tx.delete(sampleModel, [{ field: "id", value: "s002" }]);
    });
    committed.resolve();
    expect(await reader).toEqual({ first: initial, second: initial });
    expect(await inReadOnlyTx(storage, view)).toEqual([
      ["s001", sample(1).name],
      ["s003", sample(3).name],
    ]);
    await storage.close();
  });

  test("read-only transactions run at once, each on its own connection", async () => {
    const storage = await seeded();
    const all = deferred();
    let inside = 0;
    const readers = Array.from({ length: 6 }, () =>
      inReadOnlyTx(storage, async (tx) => {
        const count = await tx.count(sampleModel);
        if (++inside === 6) all.resolve();
        // Every reader waits until all six are inside their transactions at once.
        await all.promise;
        return count;
      }),
    );
    expect(await Promise.all(readers)).toEqual([2, 2, 2, 2, 2, 2]);
    // The connections are reused afterwards (up to the idle limit).
    expect(await inReadOnlyTx(storage, (tx) => tx.count(sampleModel))).toBe(2);
    await storage.close();
  });

  test("while another connection holds SQLite's write lock, a read-only transaction still reads, and a write transaction gets SQLITE_BUSY", async () => {
    const filename = dir.file(`ro-${++n}.db`);
    const storage = await seeded({ filename, busyTimeoutMs: 0 });
    const other = new Database(filename);
    other.exec("BEGIN IMMEDIATE");
    other.prepare("DELETE FROM testkit_sample").run();
    try {
      expect(await inReadOnlyTx(storage, view)).toEqual(initial);
      const error = await inTx(storage, (tx) => tx.count(sampleModel)).catch((e: unknown) => e);
      expect(isLinliError(error, "SQLITE_BUSY"), String(error)).toBe(true);
      // The file's path stays on the server: the logs have it, a client is not sent it.
      expect(isLinliError(error) && error.message).toContain(filename);
      expect(isLinliError(error) && error.internal.filename).toBe(filename);
      const sent = JSON.parse(JSON.stringify(error));
      expect(JSON.stringify(sent)).not.toContain(dir.path);
      expect(sent).toEqual({
        code: "SQLITE_BUSY",
        messages: {
          "zh-CN": "数据存储暂时出错，未保存任何更改；请稍后重试",
          en: "The data store failed; nothing was changed. Please try again later",
        },
        details: { sqliteCode: "SQLITE_BUSY" },
      });
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    await storage.close();
  });

  test("while a read-only transaction is open, another connection takes the write lock and commits at once", async () => {
    const filename = dir.file(`ro-${++n}.db`);
    const storage = await seeded({ filename });
    const reading = deferred();
    const written = deferred();
    const reader = inReadOnlyTx(storage, async (tx) => {
      const first = await tx.count(sampleModel);
      reading.resolve();
      await written.promise;
      return [first, await tx.count(sampleModel)];
    });
    await reading.promise;
    // A busy timeout of 0: any lock held by the reader would fail this write at once.
    const other = new Database(filename, { timeout: 0 });
    other.exec("BEGIN IMMEDIATE; DELETE FROM testkit_sample; COMMIT");
    other.close();
    written.resolve();
    expect(await reader).toEqual([2, 2]);
    expect(await inReadOnlyTx(storage, (tx) => tx.count(sampleModel))).toBe(0);
    await storage.close();
  });

  test("a read-only transaction open during close() finishes normally; afterwards transactions fail with SQLITE_CLOSED", async () => {
    const storage = await seeded();
    const reading = deferred();
    const closed = deferred();
    const reader = inReadOnlyTx(storage, async (tx) => {
      reading.resolve();
      await closed.promise;
      return tx.count(sampleModel);
    });
    await reading.promise;
    await storage.close();
    closed.resolve();
    expect(await reader).toBe(2);
    const error = await inReadOnlyTx(storage, (tx) => tx.count(sampleModel)).catch((e: unknown) => e);
    expect(isLinliError(error, "SQLITE_CLOSED")).toBe(true);
  });
});

describe("read-only transactions on :memory:", () => {
  test("they refuse writes, and run in line with write transactions (one connection)", async () => {
    const storage = await seeded({ filename: ":memory:" });
    const order: string[] = [];
    await Promise.all([
      inTx(storage, async (tx) => {
        order.push("write:start");
        await tx.create(sampleModel, sample(3));
        order.push("write:end");
      }),
      inReadOnlyTx(storage, async (tx) => {
        order.push("read:start");
        const error = await tx.create(sampleModel, sample(4)).catch((e: unknown) => e);
        expect(isLinliError(error, "READ_ONLY_TRANSACTION")).toBe(true);
        order.push(`read:${await tx.count(sampleModel)}`);
      }),
    ]);
    expect(order).toEqual(["write:start", "write:end", "read:start", "read:3"]);
    expect(await inReadOnlyTx(storage, (tx) => tx.count(sampleModel))).toBe(3);
    await storage.close();
  });
});
