import assert from "node:assert/strict";
import { codeOf, inTx, sample } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { sampleModel } from "./testkit-models";

class Abort extends Error {}

/** The codes of the sample rows, as `[id, code]` in id order. */
const codes = async (adapter: Parameters<typeof inTx>[0]) =>
  (await inTx(adapter, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }))).map((r) => [
    r.id,
    r.code,
  ]);

/** Unique indexes (`code` of the sample model) hold on update and follow every change of a row. */
export const uniqueTests: StorageTest[] = [
  {
    name: "unique index: an update to a value another row of the community holds is refused with DUPLICATE and changes nothing",
    async run({ adapter }) {
      await inTx(adapter, async (tx) => {
        await tx.create(sampleModel, { ...sample(1), code: "X" });
        await tx.create(sampleModel, { ...sample(2), code: "Y" });
      });
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(3), code: "Z" }), "other-community");
      assert.equal(
        await codeOf(inTx(adapter, (tx) => tx.updateById(sampleModel, "s002", { code: "X" }))),
        "DUPLICATE",
      );
      assert.deepEqual(await codes(adapter), [
        ["s001", "X"],
        ["s002", "Y"],
      ]);
      // A row keeps its own value, and another community's value does not collide.
      assert.equal(
        await inTx(adapter, (tx) => tx.update(sampleModel, [{ field: "id", value: "s001" }], { code: "X" })),
        1,
      );
      await inTx(adapter, (tx) => tx.updateById(sampleModel, "s002", { code: "Z" }));
      assert.deepEqual(await codes(adapter), [
        ["s001", "X"],
        ["s002", "Z"],
      ]);
    },
  },
  {
    name: "unique index: an update giving several rows one value is refused with DUPLICATE and changes nothing",
    async run({ adapter }) {
      await inTx(adapter, async (tx) => {
        for (const n of [1, 2, 3]) await tx.create(sampleModel, sample(n));
      });
      assert.equal(
        await codeOf(
          inTx(adapter, (tx) =>
            tx.update(sampleModel, [{ field: "id", op: "in", value: ["s001", "s003"] }], { code: "W" }),
          ),
        ),
        "DUPLICATE",
      );
      assert.deepEqual(await codes(adapter), [
        ["s001", null],
        ["s002", null],
        ["s003", null],
      ]);
    },
  },
  {
    name: "unique index: a value is free again once its row is deleted, updated away or its create rolled back; nulls never collide",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(1), code: "X" }));
      await inTx(adapter, (tx) => tx.updateById(sampleModel, "s001", { code: "X2" }));
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(2), code: "X" }));
      await inTx(adapter, (tx) => tx.delete(sampleModel, [{ field: "id", value: "s002" }]));
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(3), code: "X" }));
      const abort = new Abort("stop");
      const thrown = await inTx(adapter, async (tx) => {
        await tx.create(sampleModel, { ...sample(4), code: "W" });
        await tx.updateById(sampleModel, "s003", { code: "V" });
        throw abort;
      }).catch((e: unknown) => e);
      assert.equal(thrown, abort);
      await inTx(adapter, async (tx) => {
        await tx.create(sampleModel, { ...sample(5), code: "W" });
        await tx.create(sampleModel, { ...sample(6), code: "V" });
        await tx.create(sampleModel, sample(7));
        await tx.create(sampleModel, sample(8));
        await tx.updateById(sampleModel, "s001", { code: null });
      });
      assert.equal(
        await codeOf(inTx(adapter, (tx) => tx.updateById(sampleModel, "s001", { code: "X" }))),
        "DUPLICATE",
      );
      assert.deepEqual(await codes(adapter), [
        ["s001", null],
        ["s003", "X"],
        ["s005", "W"],
        ["s006", "V"],
        ["s007", null],
        ["s008", null],
      ]);
    },
  },
];
