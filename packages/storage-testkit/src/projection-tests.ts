import assert from "node:assert/strict";
import type { FindManyOptions, StorageAdapter, StoredRow } from "@linli/core";
import { compareRows, matchesWhere, ValueCodec } from "@linli/core/adapter";
import { inTx, sample } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { sampleModel } from "./testkit-models";

/** The adapter's own `findMany` on the sample model in the community `testkit` (no kernel in between). */
function rawFindMany(adapter: StorageAdapter, options: FindManyOptions): Promise<StoredRow[]> {
  return adapter.transaction((tx) =>
    tx.findMany(sampleModel.name, {
      ...options,
      where: [{ field: "communityId", op: "eq", value: "testkit" }, ...(options.where ?? [])],
    }),
  );
}

async function seeded(adapter: StorageAdapter, n: number) {
  const rows = Array.from({ length: n }, (_, i) => sample(i));
  await inTx(adapter, async (tx) => {
    for (const row of rows) await tx.create(sampleModel, row);
  });
  return rows;
}

/** Projections (`FindManyOptions.select`): an adapter returns exactly the fields asked for. */
export const projectionTests: StorageTest[] = [
  {
    name: "projection: findMany with select returns rows holding exactly the selected fields",
    async run({ adapter }) {
      const rows = await seeded(adapter, 8);
      const found = await rawFindMany(adapter, { select: ["id", "name", "at"], orderBy: [{ field: "id" }] });
      const codec = new ValueCodec(adapter.capabilities);
      assert.equal(found.length, rows.length);
      for (const [i, row] of found.entries()) {
        assert.deepEqual(Object.keys(row).sort(), ["at", "id", "name"], "no field besides the selected ones");
        assert.equal(row.id, rows[i]!.id);
        assert.equal(row.name, rows[i]!.name);
        assert.equal((codec.decode("date", row.at) as Date).getTime(), rows[i]!.at.getTime());
      }
    },
  },
  {
    name: "projection: select applies after where, orderBy, limit and offset on fields it does not return",
    async run({ adapter }) {
      const rows = await seeded(adapter, 20);
      const where = [{ field: "rank", op: "gte", value: 2 }] as const;
      const orderBy = [{ field: "score", direction: "desc" }] as const;
      const found = await rawFindMany(adapter, {
        select: ["id", "note"],
        where,
        orderBy,
        limit: 4,
        offset: 1,
      });
      const expected = rows
        .filter((r) => matchesWhere(r, where))
        .sort(compareRows(orderBy))
        .slice(1, 5)
        .map((r) => ({ id: r.id, note: r.note }));
      assert.deepEqual(found, expected);
      assert.ok(
        expected.some((r) => r.note === null),
        "a selected null field comes back as null",
      );
    },
  },
];
