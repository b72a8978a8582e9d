import assert from "node:assert/strict";
import type { StorageAdapter } from "@linli/core";
import {
  compareRows,
  type FindManyOptions,
  matchesWhere,
  type StoredRow,
  ValueCodec,
} from "@linli/core/adapter";
import { inTx, sample } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { sampleModel } from "./testkit-models";

const seed = (n: number) => Array.from({ length: n }, (_, i) => sample(i));

async function seeded(adapter: StorageAdapter, n: number) {
  const rows = seed(n);
  await inTx(adapter, async (tx) => {
    for (const row of rows) await tx.create(sampleModel, row);
  });
  return rows;
}

/** `findMany` on the adapter itself, bypassing the kernel (which would hide extra fields). */
function adapterFindMany(adapter: StorageAdapter, options: FindManyOptions): Promise<StoredRow[]> {
  return adapter.transaction((inner) => inner.findMany(sampleModel.name, options), { readOnly: true });
}

/** The adapter's own `findMany` on the sample model in the community `testkit` (no kernel in between). */
function rawFindMany(adapter: StorageAdapter, options: FindManyOptions): Promise<StoredRow[]> {
  return adapter.transaction((tx) =>
    tx.findMany(sampleModel.name, {
      ...options,
      where: [{ field: "communityId", op: "eq", value: "testkit" }, ...(options.where ?? [])],
    }),
  );
}

const community = { field: "communityId", op: "eq", value: "testkit" } as const;

/**
 * Projection tests (`FindManyOptions.select`): an adapter returns rows holding exactly the
 * selected fields, with where clauses, sort keys and paging on fields that are not selected;
 * the kernel's `findMany` decodes them to the same values as whole rows.
 */
export const projectionTests: StorageTest[] = [
  {
    name: "projection: the adapter returns exactly the selected fields, id and communityId only when listed",
    async run({ adapter }) {
      await seeded(adapter, 6);
      const rows = await adapterFindMany(adapter, {
        where: [community, { field: "rank", op: "gte", value: 2 }],
        orderBy: [{ field: "score", direction: "desc" }],
        select: ["name", "rank"],
      });
      assert.equal(rows.length, 4);
      for (const row of rows) assert.deepEqual(Object.keys(row).sort(), ["name", "rank"]);
      assert.deepEqual(
        rows.map((r) => r.name),
        ["alpha-5", "epsilon-4", "delta-3", "gamma-2"],
      );
      const keys = await adapterFindMany(adapter, {
        where: [community],
        orderBy: [{ field: "id" }],
        limit: 2,
        select: ["id", "communityId"],
      });
      assert.deepEqual(keys, [
        { id: "s000", communityId: "testkit" },
        { id: "s001", communityId: "testkit" },
      ]);
      const none = await adapterFindMany(adapter, { where: [community], select: [] });
      assert.deepEqual(
        none,
        Array.from({ length: 6 }, () => ({})),
      );
    },
  },
  {
    name: "projection: the kernel's findMany decodes selected fields of every kind like whole rows",
    async run({ adapter }) {
      const rows = await seeded(adapter, 12);
      const fields = ["at", "active", "meta", "tags", "note", "score"] as const;
      const { picked, whole } = await inTx(adapter, async (tx) => ({
        picked: await tx.findMany(sampleModel, {
          where: [{ field: "rank", op: "in", value: [1, 3, 5] }],
          orderBy: [{ field: "name" }, { field: "id" }],
          limit: 3,
          offset: 1,
          select: fields,
        }),
        whole: await tx.findMany(sampleModel, {
          where: [{ field: "rank", op: "in", value: [1, 3, 5] }],
          orderBy: [{ field: "name" }, { field: "id" }],
          limit: 3,
          offset: 1,
        }),
      }));
      assert.equal(picked.length, 3);
      assert.deepEqual(
        picked,
        whole.map((w) => Object.fromEntries(fields.map((f) => [f, w[f]]))),
      );
      for (const p of picked) {
        assert.deepEqual(Object.keys(p).sort(), [...fields].sort());
        assert.ok(p.at instanceof Date);
        assert.equal(typeof p.active, "boolean");
      }
      const byId = new Map(rows.map((r) => [r.name, r]));
      for (const w of whole) assert.deepEqual(w.meta, byId.get(w.name)?.meta);
    },
  },
  {
    name: "projection: values read are the caller's own (mutating a returned date or JSON changes nothing)",
    async run({ adapter }) {
      const [row] = await seeded(adapter, 1);
      const created = await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(2), id: "x1" }));
      created.at.setTime(0);
      created.meta.n = -1;
      created.tags.push("mutated");
      const read = await inTx(adapter, (tx) =>
        tx.findMany(sampleModel, { select: ["id", "at", "meta", "tags"] }),
      );
      for (const r of read) {
        r.at.setTime(0);
        (r.meta as Record<string, unknown>).n = -1;
        r.tags.push("mutated");
      }
      const again = await inTx(adapter, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
      assert.deepEqual(
        again.map((r) => [r.id, r.at.getTime(), r.meta.n, r.tags]),
        [
          ["s000", row!.at.getTime(), 0, ["t0"]],
          ["x1", sample(2).at.getTime(), 2, ["t2"]],
        ],
      );
    },
  },

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
