import assert from "node:assert/strict";
import type { ModelWhere } from "@linli/core";
import { matchesWhere } from "@linli/core/adapter";
import { inTx, sample } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { sampleModel } from "./testkit-models";

/** Reads on the field of the sample model's partial index (`note`, rows with a note only). */
const reads: readonly (readonly ModelWhere<typeof sampleModel>[])[] = [
  [{ field: "note", value: "note 2" }],
  [{ field: "note", value: null }],
  [{ field: "note", op: "ne", value: null }],
  [{ field: "note", op: "in", value: ["note 4", "note 5", "moved in"] }],
  [{ field: "note", op: "gt", value: "note 5" }],
  [
    { field: "rank", value: 3 },
    { field: "note", value: null },
  ],
];

/** Partial indexes (`IndexDef.where`) speed reads up and never change their answers. */
export const partialIndexTests: StorageTest[] = [
  {
    name: "partial index: reads on its field answer as the definition says, rows outside its condition included, after rows move in and out of it",
    async run({ adapter }) {
      await inTx(adapter, async (tx) => {
        for (let n = 1; n <= 14; n++) await tx.create(sampleModel, sample(n));
        // s001 leaves the index (its note becomes null), s003 enters it, s005 is deleted from it.
        await tx.updateById(sampleModel, "s001", { note: null });
        await tx.updateById(sampleModel, "s003", { note: "moved in" });
        await tx.delete(sampleModel, [{ field: "id", value: "s005" }]);
      });
      const all = await inTx(adapter, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
      assert.equal(all.length, 13);
      for (const where of reads) {
        const expected = all.filter((row) => matchesWhere({ ...row }, where)).map((row) => row.id);
        const found = await inTx(adapter, (tx) =>
          tx.findMany(sampleModel, { where, orderBy: [{ field: "id" }] }),
        );
        assert.deepEqual(
          found.map((row) => row.id),
          expected,
          `where ${JSON.stringify(where)}`,
        );
        const counted = await inTx(adapter, (tx) => tx.count(sampleModel, where));
        assert.equal(counted, expected.length, `count where ${JSON.stringify(where)}`);
      }
      // Some answers hold rows outside the index: the reads did cover both sides.
      assert.ok(all.some((row) => row.note === null) && all.some((row) => row.note !== null));
    },
  },
];
