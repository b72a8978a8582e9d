import assert from "node:assert/strict";
import { isLinliError, type LinliErrorCode, type Tx } from "@linli/core";
import { inReadOnlyTx, inTx, sample } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { sampleModel } from "./testkit-models";

/** Awaits `promise`, asserts it rejects with a `LinliError` of `code`, and returns nothing. */
async function assertRefused(promise: Promise<unknown>, code: LinliErrorCode, what: string): Promise<void> {
  let error: unknown;
  try {
    await promise;
  } catch (e) {
    error = e;
  }
  assert.ok(
    isLinliError(error, code),
    `${what}: expected a LinliError ${code}, got ${error === undefined ? "success" : String(error)}`,
  );
}

/**
 * Calls every operation of a transaction that is over (`kept` was saved from inside it)
 * and asserts each one is refused with `TRANSACTION_FINISHED`.
 */
async function assertFinished(kept: Tx): Promise<void> {
  const code = "TRANSACTION_FINISHED";
  await assertRefused(kept.create(sampleModel, sample(9)), code, "create");
  await assertRefused(
    kept.update(sampleModel, [{ field: "id", value: "s001" }], { name: "late" }),
    code,
    "update",
  );
  await assertRefused(kept.delete(sampleModel, []), code, "delete");
  await assertRefused(kept.lock("late"), code, "lock");
  await assertRefused(kept.findById(sampleModel, "s001"), code, "findOne");
  await assertRefused(kept.findMany(sampleModel), code, "findMany");
  await assertRefused(kept.count(sampleModel), code, "count");
}

/** The committed sample rows as `[id, name]`, in id order. */
async function committed(adapter: Parameters<typeof inTx>[0]): Promise<[string, string][]> {
  const rows = await inTx(adapter, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
  return rows.map((r) => [r.id, r.name]);
}

/**
 * Read-only transactions (`{ readOnly: true }`) and the lifetime of transaction objects: what
 * `TransactionOptions` and `AdapterTransaction` of `@linli/core` promise.
 */
export const readOnlyTests: StorageTest[] = [
  {
    name: "read-only transaction: sees every committed create, update and delete",
    async run({ adapter }) {
      await inTx(adapter, async (tx) => {
        for (const n of [1, 2, 3]) await tx.create(sampleModel, sample(n));
      });
      await inTx(adapter, (tx) => tx.updateById(sampleModel, "s001", { name: "renamed" }));
      await inTx(adapter, (tx) => tx.delete(sampleModel, [{ field: "id", value: "s003" }]));
      const seen = await inReadOnlyTx(adapter, async (tx) => ({
        rows: await tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }),
        count: await tx.count(sampleModel),
        deleted: await tx.findById(sampleModel, "s003"),
      }));
      assert.deepEqual(
        seen.rows.map((r) => [r.id, r.name]),
        [
          ["s001", "renamed"],
          ["s002", sample(2).name],
        ],
      );
      assert.deepEqual(seen.rows[1], { ...sample(2), code: null, communityId: "testkit" });
      assert.equal(seen.count, 2);
      assert.equal(seen.deleted, null);
    },
  },
  {
    name: "read-only transaction: create, update, delete and lock are refused with READ_ONLY_TRANSACTION, nothing is written, and reads go on",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      const before = await committed(adapter);
      const afterRefusals = await inReadOnlyTx(adapter, async (tx) => {
        const code = "READ_ONLY_TRANSACTION";
        await assertRefused(tx.create(sampleModel, sample(2)), code, "create");
        await assertRefused(
          tx.update(sampleModel, [{ field: "id", value: "s001" }], { name: "changed" }),
          code,
          "update",
        );
        await assertRefused(tx.delete(sampleModel, [{ field: "id", value: "s001" }]), code, "delete");
        await assertRefused(tx.lock("slot:A"), code, "lock");
        // The transaction is still usable for reads, and saw none of the refused writes.
        return tx.findMany(sampleModel, { orderBy: [{ field: "id" }] });
      });
      assert.deepEqual(
        afterRefusals.map((r) => [r.id, r.name]),
        before,
      );
      assert.deepEqual(await committed(adapter), before);
    },
  },
  {
    name: "read-only transaction: a refused write that escapes the function rejects the transaction with READ_ONLY_TRANSACTION, and nothing is written",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      await assertRefused(
        inReadOnlyTx(adapter, async (tx) => {
          await tx.findById(sampleModel, "s001");
          await tx.create(sampleModel, sample(2));
        }),
        "READ_ONLY_TRANSACTION",
        "transaction",
      );
      assert.deepEqual(await committed(adapter), [["s001", sample(1).name]]);
      // And the adapter goes on working, for writes and reads alike.
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(2)));
      assert.equal(await inReadOnlyTx(adapter, (tx) => tx.count(sampleModel)), 2);
    },
  },
  {
    name: "transaction: a transaction object kept after its commit refuses every operation with TRANSACTION_FINISHED, and writes nothing",
    async run({ adapter }) {
      let kept!: Tx;
      await inTx(adapter, async (tx) => {
        kept = tx;
        await tx.create(sampleModel, sample(1));
      });
      await assertFinished(kept);
      assert.deepEqual(await committed(adapter), [["s001", sample(1).name]]);
    },
  },
  {
    name: "transaction: a transaction object kept after its rollback refuses every operation with TRANSACTION_FINISHED, and writes nothing",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      let kept!: Tx;
      const abort = new Error("abort");
      const thrown = await inTx(adapter, async (tx) => {
        kept = tx;
        await tx.create(sampleModel, sample(2));
        throw abort;
      }).catch((e: unknown) => e);
      assert.equal(thrown, abort);
      await assertFinished(kept);
      assert.deepEqual(await committed(adapter), [["s001", sample(1).name]]);
    },
  },
  {
    name: "read-only transaction: a transaction object kept after it ended refuses every operation with TRANSACTION_FINISHED",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      const kept = await inReadOnlyTx(adapter, async (tx) => tx);
      await assertFinished(kept);
      assert.deepEqual(await committed(adapter), [["s001", sample(1).name]]);
    },
  },
];
