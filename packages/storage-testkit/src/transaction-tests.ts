import assert from "node:assert/strict";
import { codeOf, inTx, sample } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { sampleModel } from "./testkit-models";

class Abort extends Error {}

/** Atomicity, isolation between communities and durability. */
export const transactionTests: StorageTest[] = [
  {
    name: "transaction: an error rolls back every create, update and delete, and is rethrown unchanged",
    async run({ adapter }) {
      await inTx(adapter, async (tx) => {
        await tx.create(sampleModel, sample(1));
        await tx.create(sampleModel, sample(2));
      });
      const abort = new Abort("stop");
      const thrown = await inTx(adapter, async (tx) => {
        await tx.create(sampleModel, sample(3));
        await tx.update(sampleModel, [{ field: "id", value: "s001" }], { name: "changed" });
        await tx.delete(sampleModel, [{ field: "id", value: "s002" }]);
        assert.equal(await tx.count(sampleModel), 2, "the transaction sees its own writes");
        throw abort;
      }).catch((e: unknown) => e);
      assert.equal(thrown, abort);
      const rows = await inTx(adapter, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
      assert.deepEqual(
        rows.map((r) => [r.id, r.name]),
        [
          ["s001", sample(1).name],
          ["s002", sample(2).name],
        ],
      );
    },
  },
  {
    name: "transaction: a failed write inside a transaction rolls back the earlier writes",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      const code = await codeOf(
        inTx(adapter, async (tx) => {
          await tx.create(sampleModel, sample(2));
          await tx.create(sampleModel, sample(1)); // duplicate
        }),
      );
      assert.equal(code, "DUPLICATE");
      assert.equal(await inTx(adapter, (tx) => tx.count(sampleModel)), 1);
    },
  },
  {
    name: "isolation: communities never see each other's rows",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)), "north");
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(1), name: "south-row" }), "south");
      const north = await inTx(adapter, (tx) => tx.findMany(sampleModel), "north");
      const south = await inTx(adapter, (tx) => tx.findMany(sampleModel), "south");
      assert.deepEqual(
        north.map((r) => [r.communityId, r.name]),
        [["north", sample(1).name]],
      );
      assert.deepEqual(
        south.map((r) => [r.communityId, r.name]),
        [["south", "south-row"]],
      );
      assert.equal(await inTx(adapter, (tx) => tx.delete(sampleModel, []), "north"), 1);
      assert.equal(await inTx(adapter, (tx) => tx.count(sampleModel), "south"), 1);
      assert.equal(await inTx(adapter, (tx) => tx.update(sampleModel, [], { name: "x" }), "north"), 0);
    },
  },
  {
    name: "durability: committed rows are there after the adapter is closed and reopened",
    requires: ["durable"],
    async run({ adapter, options, replace }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(2))).catch(() => undefined);
      const reopened = await options.reopen!(adapter);
      replace(reopened);
      const rows = await inTx(reopened, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
      assert.deepEqual(
        rows.map((r) => r.id),
        ["s001", "s002"],
      );
      assert.deepEqual(rows[0], { ...sample(1), code: null, communityId: "testkit" });
    },
  },
];
