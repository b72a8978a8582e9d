import type { Tx } from "@linli/core";
import {
  describeStorageConformance,
  inReadOnlyTx,
  inTx,
  sample,
  sampleModel,
  testkitModels,
} from "@linli/storage-testkit";
import { describe, expect, test } from "vitest";
import { memoryStorage } from "./memory-storage";

describeStorageConformance({ describe, test }, "memory", { create: async () => memoryStorage() });

/** A promise with its resolve function, to order steps of concurrent transactions without sleeping. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function seeded() {
  const storage = memoryStorage();
  await storage.setup(testkitModels);
  await inTx(storage, async (tx) => {
    for (const n of [1, 2, 3]) await tx.create(sampleModel, sample(n));
  });
  return storage;
}

/** The sample rows a transaction sees, as `[id, name]` in id order. */
const view = async (tx: Tx) =>
  (await tx.findMany(sampleModel, { orderBy: [{ field: "id" }] })).map((r) => [r.id, r.name]);

const initial = [1, 2, 3].map((n) => [sample(n).id, sample(n).name]);

describe("memory read-only transactions", () => {
  test("a read-only transaction does not queue behind an open write transaction and sees none of its uncommitted writes", async () => {
    const storage = await seeded();
    const written = deferred();
    const release = deferred();
    const writer = inTx(storage, async (tx) => {
      await tx.create(sampleModel, sample(4));
      await tx.updateById(sampleModel, "s001", { name: "renamed" });
      await tx.delete(sampleModel, [{ field: "id", value: "s002" }]);
      written.resolve();
      await release.promise;
    });
    await written.promise;
    // The writer is still open (it waits for `release`): the reader completes regardless.
    const seen = await inReadOnlyTx(storage, async (tx) => ({
      rows: await view(tx),
      count: await tx.count(sampleModel),
      deleted: await tx.findById(sampleModel, "s002"),
      created: await tx.findOne(sampleModel, [{ field: "id", value: "s004" }]),
    }));
    expect(seen).toEqual({
      rows: initial,
      count: 3,
      deleted: { ...sample(2), code: null, communityId: "testkit" },
      created: null,
    });
    release.resolve();
    await writer;
    expect(await inReadOnlyTx(storage, view)).toEqual([
      ["s001", "renamed"],
      ["s003", sample(3).name],
      ["s004", sample(4).name],
    ]);
  });

  test("write transactions commit while a read-only transaction is open, and it keeps the snapshot from its start", async () => {
    const storage = await seeded();
    const reading = deferred();
    const commits = deferred();
    const reader = inReadOnlyTx(storage, async (tx) => {
      const first = await view(tx);
      reading.resolve();
      await commits.promise;
      return { first, second: await view(tx) };
    });
    await reading.promise;
    // Two commits while the reader is open: the second changes a row the first changed.
    await inTx(storage, async (tx) => {
      await tx.updateById(sampleModel, "s001", { name: "once" });
      await tx.delete(sampleModel, [{ field: "id", value: "s003" }]);
      await tx.create(sampleModel, sample(5));
    });
    await inTx(storage, async (tx) => {
      await tx.updateById(sampleModel, "s001", { name: "twice" });
      await tx.create(sampleModel, sample(3)); // re-created with the deleted id
    });
    commits.resolve();
    expect(await reader).toEqual({ first: initial, second: initial });
    expect(await inReadOnlyTx(storage, view)).toEqual([
      ["s001", "twice"],
      ["s002", sample(2).name],
      ["s003", sample(3).name],
      ["s005", sample(5).name],
    ]);
  });

  test("a write transaction that rolls back while a read-only transaction is open changes nothing it sees", async () => {
    const storage = await seeded();
    const reading = deferred();
    const rolledBack = deferred();
    const reader = inReadOnlyTx(storage, async (tx) => {
      reading.resolve();
      await rolledBack.promise;
      return view(tx);
    });
    await reading.promise;
    const abort = new Error("abort");
    await expect(
      inTx(storage, async (tx) => {
        await tx.updateById(sampleModel, "s001", { name: "lost" });
        await tx.delete(sampleModel, []);
        throw abort;
      }),
    ).rejects.toBe(abort);
    rolledBack.resolve();
    expect(await reader).toEqual(initial);
    expect(await inReadOnlyTx(storage, view)).toEqual(initial);
  });

  test("read-only transactions do not queue behind each other", async () => {
    const storage = await seeded();
    const all = deferred();
    let inside = 0;
    const readers = Array.from({ length: 5 }, () =>
      inReadOnlyTx(storage, async (tx) => {
        if (++inside === 5) all.resolve();
        // Every reader waits until all five are inside their transactions at once.
        await all.promise;
        return tx.count(sampleModel);
      }),
    );
    expect(await Promise.all(readers)).toEqual([3, 3, 3, 3, 3]);
  });

  test("after close, read-only transactions fail like write transactions", async () => {
    const storage = await seeded();
    await storage.close();
    await expect(inReadOnlyTx(storage, (tx) => tx.count(sampleModel))).rejects.toMatchObject({
      code: "STORAGE_ERROR",
    });
  });
});
