import assert from "node:assert/strict";
import type { ModelWhere } from "@linli/core";
import { matchesWhere, WHERE_OPERATORS } from "@linli/core/adapter";
import { codeOf, inTx, sample } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { sampleModel } from "./testkit-models";

const seed = (n: number) => Array.from({ length: n }, (_, i) => sample(i));

/** Operands per operator, chosen so that each matches some rows but not all. */
const operatorCases: Record<string, ModelWhere<typeof sampleModel>[]> = {
  eq: [
    { field: "rank", op: "eq", value: 3 },
    { field: "note", op: "eq", value: null },
    { field: "active", op: "eq", value: true },
  ],
  ne: [
    { field: "rank", op: "ne", value: 3 },
    { field: "note", op: "ne", value: null },
  ],
  lt: [
    { field: "score", op: "lt", value: 2.5 },
    { field: "at", op: "lt", value: new Date(Date.UTC(2026, 0, 5)) },
  ],
  lte: [{ field: "rank", op: "lte", value: 2 }],
  gt: [
    { field: "score", op: "gt", value: 3 },
    { field: "name", op: "gt", value: "delta" },
  ],
  gte: [{ field: "at", op: "gte", value: new Date(Date.UTC(2026, 0, 10, 8, 30, 15, 123)) }],
  in: [
    { field: "rank", op: "in", value: [1, 4, 6] },
    { field: "id", op: "in", value: ["s001", "s007"] },
  ],
  not_in: [{ field: "rank", op: "not_in", value: [0, 1] }],
  contains: [{ field: "name", op: "contains", value: "lt" }],
  starts_with: [{ field: "name", op: "starts_with", value: "ga" }],
  ends_with: [{ field: "name", op: "ends_with", value: "-1" }],
};

/** CRUD and query tests: what every adapter must store and find exactly. */
export const crudTests: StorageTest[] = [
  {
    name: "crud: create then read back every field kind unchanged",
    async run({ adapter }) {
      const row = sample(4);
      const created = await inTx(adapter, (tx) => tx.create(sampleModel, row));
      const found = await inTx(adapter, (tx) => tx.findById(sampleModel, row.id));
      const expected = { ...row, code: null, communityId: "testkit" };
      assert.deepEqual(created, expected);
      assert.deepEqual(found, expected);
      assert.ok(found!.at instanceof Date);
      assert.equal(found!.at.getTime(), row.at.getTime(), "dates keep milliseconds");
    },
  },
  {
    name: "crud: a duplicate id in one community is refused with DUPLICATE",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      assert.equal(await codeOf(inTx(adapter, (tx) => tx.create(sampleModel, sample(1)))), "DUPLICATE");
      assert.equal(await inTx(adapter, (tx) => tx.count(sampleModel)), 1);
    },
  },
  {
    name: "crud: a unique index is enforced",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(1), code: "X" }));
      assert.equal(
        await codeOf(inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(2), code: "X" }))),
        "DUPLICATE",
      );
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(3), code: "Y" }));
      await inTx(adapter, (tx) => tx.create(sampleModel, { ...sample(4), code: "X" }), "other-community");
    },
  },
  {
    name: "crud: update patches matching rows only and returns the count",
    async run({ adapter }) {
      await inTx(adapter, async (tx) => {
        for (const row of seed(10)) await tx.create(sampleModel, row);
      });
      const n = await inTx(adapter, (tx) =>
        tx.update(sampleModel, [{ field: "rank", value: 2 }], { note: "patched", active: true }),
      );
      const rows = await inTx(adapter, (tx) => tx.findMany(sampleModel, { orderBy: [{ field: "id" }] }));
      assert.equal(n, rows.filter((r) => r.rank === 2).length);
      for (const row of rows) {
        const original = sample(Number(row.id.slice(1)));
        if (row.rank === 2) assert.deepEqual([row.note, row.active], ["patched", true]);
        else assert.deepEqual([row.note, row.active], [original.note, original.active]);
      }
    },
  },
  {
    name: "crud: delete removes matching rows and returns the count",
    async run({ adapter }) {
      await inTx(adapter, async (tx) => {
        for (const row of seed(10)) await tx.create(sampleModel, row);
      });
      const n = await inTx(adapter, (tx) => tx.delete(sampleModel, [{ field: "active", value: true }]));
      assert.equal(n, 5);
      assert.equal(await inTx(adapter, (tx) => tx.count(sampleModel)), 5);
      assert.equal(await inTx(adapter, (tx) => tx.count(sampleModel, [{ field: "active", value: true }])), 0);
    },
  },
  ...WHERE_OPERATORS.map(
    (op): StorageTest => ({
      name: `query: where operator ${op}`,
      async run({ adapter }) {
        const rows = seed(20);
        await inTx(adapter, async (tx) => {
          for (const row of rows) await tx.create(sampleModel, row);
        });
        for (const clause of operatorCases[op]!) {
          const expected = rows.filter((r) => matchesWhere(r, [clause])).map((r) => r.id);
          assert.ok(expected.length > 0 && expected.length < rows.length, `case for ${op} must discriminate`);
          const found = await inTx(adapter, (tx) =>
            tx.findMany(sampleModel, { where: [clause], orderBy: [{ field: "id" }] }),
          );
          assert.deepEqual(
            found.map((r) => r.id),
            expected,
            `${op} ${JSON.stringify(clause.value)}`,
          );
          assert.equal(await inTx(adapter, (tx) => tx.count(sampleModel, [clause])), expected.length);
        }
      },
    }),
  ),
  {
    name: "query: several clauses are combined with AND",
    async run({ adapter }) {
      const rows = seed(20);
      await inTx(adapter, async (tx) => {
        for (const row of rows) await tx.create(sampleModel, row);
      });
      const where: ModelWhere<typeof sampleModel>[] = [
        { field: "active", value: true },
        { field: "rank", op: "gte", value: 3 },
      ];
      const found = await inTx(adapter, (tx) =>
        tx.findMany(sampleModel, { where, orderBy: [{ field: "id" }] }),
      );
      assert.deepEqual(
        found.map((r) => r.id),
        rows.filter((r) => matchesWhere(r, where)).map((r) => r.id),
      );
    },
  },
  {
    name: "query: order by several keys, asc and desc, nulls first ascending",
    async run({ adapter }) {
      const rows = seed(12);
      await inTx(adapter, async (tx) => {
        for (const row of rows) await tx.create(sampleModel, row);
      });
      const byRank = await inTx(adapter, (tx) =>
        tx.findMany(sampleModel, {
          orderBy: [
            { field: "rank", direction: "desc" },
            { field: "id", direction: "asc" },
          ],
        }),
      );
      const expected = [...rows].sort((a, b) => b.rank - a.rank || (a.id < b.id ? -1 : 1)).map((r) => r.id);
      assert.deepEqual(
        byRank.map((r) => r.id),
        expected,
      );
      const byNote = await inTx(adapter, (tx) =>
        tx.findMany(sampleModel, { orderBy: [{ field: "note" }, { field: "id" }] }),
      );
      const nulls = rows.filter((r) => r.note === null).length;
      assert.ok(
        byNote.slice(0, nulls).every((r) => r.note === null),
        "nulls sort first ascending",
      );
    },
  },
  {
    name: "query: limit and offset page through an ordered result without gaps or repeats",
    async run({ adapter }) {
      const rows = seed(23);
      await inTx(adapter, async (tx) => {
        for (const row of rows) await tx.create(sampleModel, row);
      });
      const seen: string[] = [];
      for (let offset = 0; offset < 30; offset += 5) {
        const page = await inTx(adapter, (tx) =>
          tx.findMany(sampleModel, { orderBy: [{ field: "id" }], limit: 5, offset }),
        );
        seen.push(...page.map((r) => r.id));
      }
      assert.deepEqual(seen, rows.map((r) => r.id).sort());
      const one = await inTx(adapter, (tx) =>
        tx.findMany(sampleModel, { orderBy: [{ field: "score", direction: "desc" }], limit: 1 }),
      );
      assert.deepEqual(
        one.map((r) => r.id),
        ["s022"],
      );
      // One row at a time, with and without an offset, walks the same order.
      const single: string[] = [];
      for (const offset of [undefined, 0, 1, 2, 22, 23]) {
        const page = await inTx(adapter, (tx) =>
          tx.findMany(sampleModel, { orderBy: [{ field: "id" }], limit: 1, offset }),
        );
        single.push(...page.map((r) => r.id));
      }
      const sorted = rows.map((r) => r.id).sort();
      assert.deepEqual(single, [sorted[0], sorted[0], sorted[1], sorted[2], sorted[22]]);
    },
  },
  {
    name: "setup: running setup again keeps existing data",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(sampleModel, sample(1)));
      await adapter.setup([sampleModel]);
      assert.equal(await inTx(adapter, (tx) => tx.count(sampleModel)), 1);
    },
  },
];
