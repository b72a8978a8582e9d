import { defineModel, type FindManyOptions, type StoredRow, type WhereClause } from "@linli/core";
import Database, { type Statement } from "better-sqlite3";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { tempDir } from "../test/temp-dir";
import { columnarEligible, columnsMaker, tooBigForColumns } from "./columnar-read";
import { rowMaker } from "./row-maker";
import { setupModels } from "./model-setup";
import { migrate } from "./schema-migrations";
import { type SqliteStorage, sqliteStorage } from "./sqlite-storage";
import { SqliteTransaction } from "./sqlite-transaction";
import { tableLayout } from "./table-layout";
import { compileFindMany } from "./where-sql";

// Columnar reads (one JSON array per column) must hand the kernel exactly the rows the row
// path does: same keys, same values and value types, same order.

const itemModel = defineModel(
  "columnar_item",
  {
    name: z.string(),
    note: z.string().nullable().optional(),
    count: z.number().int(),
    at: z.date(),
    until: z.date().nullable().optional(),
    active: z.boolean(),
    meta: z.record(z.string(), z.unknown()).nullable().optional(),
    score: z.number().nullable().optional(),
  },
  { indexes: [{ fields: ["count", "at"] }] },
);

/** Every field a projection may pick, `score` (REAL) included. */
const FIELDS = [
  "id",
  "communityId",
  "name",
  "note",
  "count",
  "at",
  "until",
  "active",
  "meta",
  "score",
] as const;
/** The fields whose columns round-trip through JSON (all but `score`). */
const JSON_SAFE = FIELDS.filter((f) => f !== "score");

const dir = tempDir();
let storage: SqliteStorage;
let filename: string;
beforeAll(async () => {
  filename = dir.file("columnar.db");
  storage = sqliteStorage({ filename });
  await storage.setup([itemModel]);
});
afterAll(async () => {
  await storage.close();
  dir.remove();
});

/** Text that exercises JSON escaping: NUL and control characters, quotes, emoji, lone surrogates. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom(
    "",
    "a\u0000b",
    "\u0000",
    "😀👩‍👩‍👧",
    "\ud800",
    "x\udc00y",
    '"\\/\b\f\n\r\t\u0001\u007f',
    "\u2028\u2029",
    "é中文",
  ),
  fc.constant("long ".repeat(4000)),
);
const integer = fc.oneof(
  fc.integer({ min: -5, max: 5 }),
  fc.maxSafeInteger(),
  fc.constantFrom(2 ** 53, -(2 ** 53), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER),
);
const epochMs = fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 });
const metaText = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify({ v }));

/** A row as the kernel stores it in SQLite: dates as epoch ms, booleans 0/1, JSON as text. */
const storedRow = fc.record({
  name: text,
  note: fc.option(text, { nil: null }),
  count: integer,
  at: epochMs,
  until: fc.option(epochMs, { nil: null }),
  active: fc.constantFrom(0, 1),
  meta: fc.option(metaText, { nil: null }),
  score: fc.option(fc.double({ noNaN: true, noDefaultInfinity: true }), { nil: null }),
});

const clause: fc.Arbitrary<WhereClause> = fc.oneof(
  fc.record({ field: fc.constant("count"), op: fc.constantFrom("lt", "gte", "ne"), value: integer }),
  fc.record({
    field: fc.constant("count"),
    op: fc.constant("in"),
    value: fc.array(fc.integer({ min: -5, max: 5 }), { maxLength: 4 }),
  }),
  fc.record({ field: fc.constant("active"), value: fc.constantFrom(0, 1) }),
  fc.record({ field: fc.constant("note"), op: fc.constantFrom("eq", "ne"), value: fc.constant(null) }),
  fc.record({ field: fc.constant("name"), op: fc.constantFrom("contains", "starts_with"), value: text }),
  fc.record({ field: fc.constant("at"), op: fc.constantFrom("gt", "lte"), value: epochMs }),
);

/** The rows of `options` by the row path's exact statement, on a connection of its own. */
function rowPath(options: FindManyOptions): StoredRow[] {
  const query = compileFindMany(tableLayout(itemModel), options, "rows");
  expect(query.columnar).toBe(false);
  const db = new Database(filename, { readonly: true });
  try {
    const statement = db.prepare(query.sql()).raw(true);
    const make = rowMaker(statement.columns().map((c) => c.name));
    return (statement.all(query.params) as unknown[][]).map(make);
  } finally {
    db.close();
  }
}

const byId = (a: StoredRow, b: StoredRow) => String(a.id).localeCompare(String(b.id));

/**
 * The adapter's transaction on a connection of its own, with the statements it prepares:
 * every eligible read columnar from its first read on (`columnarMinRows: 0`), or, `adaptive`,
 * as in use.
 */
function adapterRead(adaptive = false) {
  const db = new Database(filename, { readonly: true });
  const statements = new Map<string, Statement>();
  const tx = new SqliteTransaction({
    db,
    layouts: new Map([["columnar_item", tableLayout(itemModel)]]),
    failure: { filename, busyTimeoutMs: 0 },
    statements: () => statements,
    ...(adaptive ? {} : { columnarMinRows: 0 }),
  });
  return { db, tx, statements };
}

/** Reads `options` by columns (the columnar statement, first read included). */
async function columnarRead(options: FindManyOptions): Promise<StoredRow[]> {
  const { db, tx } = adapterRead();
  try {
    return await tx.findMany("columnar_item", options);
  } finally {
    db.close();
  }
}

describe("columnar reads", () => {
  test("return exactly the rows of the row path, in its order, for random rows and where lists", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(storedRow, { maxLength: 25 }),
        fc.array(clause, { maxLength: 3 }),
        fc.shuffledSubarray([...JSON_SAFE], { minLength: 1 }),
        async (rows, where, select) => {
          const communityId = `c${run++}`;
          const scope: WhereClause[] = [{ field: "communityId", value: communityId }, ...where];
          await storage.transaction(async (tx) => {
            for (const [i, row] of rows.entries())
              await tx.create("columnar_item", { id: `i${String(i).padStart(3, "0")}`, communityId, ...row });
          });
          const options: FindManyOptions = { where: scope, select };
          expect(compileFindMany(tableLayout(itemModel), options).columnar).toBe(true);
          const columnar = await columnarRead(options);
          // The same order as the row path's statement, value for value (toStrictEqual: types too).
          expect(columnar).toStrictEqual(rowPath(options));
          for (const row of columnar) expect(Object.keys(row)).toEqual([...new Set(select)]);
          // And the same rows as a read that must take the row path (ordered by id, with id selected).
          const withId = [...new Set(["id", ...select])];
          const ordered = await storage.transaction((tx) =>
            tx.findMany("columnar_item", { where: scope, select: withId, orderBy: [{ field: "id" }] }),
          );
          const unordered = await storage.transaction((tx) =>
            tx.findMany("columnar_item", { where: scope, select: withId }),
          );
          expect([...unordered].sort(byId)).toStrictEqual(ordered);
        },
      ),
      { numRuns: 60, seed: 20261201 },
    );
  });

  test("an empty match gives no rows", async () => {
    const rows = await storage.transaction((tx) =>
      tx.findMany("columnar_item", {
        where: [{ field: "communityId", value: "nobody" }],
        select: ["name", "at"],
      }),
    );
    expect(rows).toEqual([]);
  });

  test("integers beyond 2^53 come out as the row path rounds them", async () => {
    const big = [2n ** 53n + 1n, -(2n ** 63n), 2n ** 63n - 1n, 9_007_199_254_740_993n];
    // Stored values are never bigints: another program must have written these.
    const db = new Database(filename);
    const insert = db.prepare(
      `INSERT INTO "columnar_item" ("community_id", "id", "name", "count", "at", "active") VALUES ('big', ?, 'n', ?, 0, 1)`,
    );
    for (const [i, count] of big.entries()) insert.run(`b${i}`, count);
    db.close();
    const options: FindManyOptions = {
      where: [{ field: "communityId", value: "big" }],
      select: ["id", "count"],
    };
    const rows = await columnarRead(options);
    expect(rows).toStrictEqual(rowPath(options));
    expect([...rows].sort(byId).map((r) => r.count)).toEqual(big.map((b) => Number(b)));
  });
});

describe("which reads are columnar", () => {
  const layout = tableLayout(itemModel);
  const where: WhereClause[] = [
    { field: "communityId", value: "c" },
    { field: "count", op: "gte", value: 1 },
  ];

  test("a projection of TEXT and INTEGER columns without order or paging: one json_group_array per field", () => {
    const query = compileFindMany(layout, { where, select: ["name", "at", "active", "meta"] });
    expect(query.columnar).toBe(true);
    expect(query.sql()).toBe(
      'SELECT json_group_array("name") AS "name", json_group_array("at") AS "at", ' +
        'json_group_array("active") AS "active", json_group_array("meta") AS "meta" ' +
        'FROM "columnar_item" WHERE "community_id" = ? AND "count" >= ?',
    );
    expect(query.params).toEqual(["c", 1]);
    // The row path's statement is another shape in the statement cache.
    const rows = compileFindMany(layout, { where, select: ["name", "at", "active", "meta"] }, "rows");
    expect(rows.sql()).toBe(
      'SELECT "name", "at", "active", "meta" FROM "columnar_item" WHERE "community_id" = ? AND "count" >= ?',
    );
    expect(rows.key).not.toBe(query.key);
    // `rows()` of the columnar read is that same row-path read, parameters included.
    expect(query.rows().key).toBe(rows.key);
    expect(query.rows().sql()).toBe(rows.sql());
    expect(query.rows().params).toEqual(rows.params);
    expect(query.rows().columnar).toBe(false);
    expect(rows.rows()).toBe(rows);
  });

  test.each<[string, FindManyOptions]>([
    ["whole rows", { where }],
    ["an empty projection", { where, select: [] }],
    ["a REAL column", { where, select: ["name", "score"] }],
    ["an order", { where, select: ["name"], orderBy: [{ field: "name" }] }],
    ["a limit", { where, select: ["name"], limit: 10 }],
    ["an offset", { where, select: ["name"], offset: 2 }],
  ])("%s: the row path", (_, options) => {
    const query = compileFindMany(layout, options);
    expect(query.columnar).toBe(false);
    expect(columnarEligible(layout, options)).toBe(false);
    expect(query.sql()).not.toContain("json_group_array");
  });

  test("a table that is not STRICT is read row by row (a BLOB in it would fail in JSON)", async () => {
    const file = dir.file("loose.db");
    const db = new Database(file);
    db.exec(
      `CREATE TABLE "columnar_loose" ("community_id" TEXT NOT NULL, "id" TEXT NOT NULL, "t" TEXT, "n" INTEGER, PRIMARY KEY ("community_id", "id")) WITHOUT ROWID`,
    );
    db.exec(`INSERT INTO "columnar_loose" VALUES ('c', 'a', x'00ff', 0.1 + 0.2)`);
    expect(() => db.prepare(`SELECT json_group_array("t") FROM "columnar_loose"`).get()).toThrow(/BLOB/);
    db.close();
    const loose = defineModel("columnar_loose", {
      t: z.string().nullable().optional(),
      n: z.number().int().nullable().optional(),
    });
    const s = sqliteStorage({ filename: file });
    try {
      await s.setup([loose]);
      const rows = await s.transaction((tx) =>
        tx.findMany("columnar_loose", { where: [{ field: "communityId", value: "c" }], select: ["t", "n"] }),
      );
      expect(rows).toStrictEqual([{ t: Buffer.from([0, 255]), n: 0.1 + 0.2 }]);
    } finally {
      await s.close();
    }
  });
});

describe("columnsMaker", () => {
  const columns = [
    ["a", "b"],
    [1, null],
  ];

  test("makes one row per index, keys in field order", () => {
    const rows = columnsMaker(["name", "count"])(columns);
    expect(rows).toStrictEqual([
      { name: "a", count: 1 },
      { name: "b", count: null },
    ]);
  });

  test("treats `__proto__` and repeated names as the row maker does", () => {
    for (const names of [
      ["id", "__proto__"],
      ["x", "x"],
    ]) {
      const make = rowMaker(names);
      const expected = [make(["a", 1]), make(["b", null])];
      const rows = columnsMaker(names)(columns);
      expect(rows.map((r) => Object.keys(r))).toEqual(expected.map((r) => Object.keys(r)));
      expect(rows.map((r) => Object.getPrototypeOf(r))).toEqual(
        expected.map((r) => Object.getPrototypeOf(r)),
      );
      expect(rows).toEqual(expected);
    }
  });

  test("makes no rows from empty columns", () => {
    expect(columnsMaker(["a", "b"])([[], []])).toEqual([]);
  });
});

describe("which path a shape takes", () => {
  test("a shape is read by rows until a read of it returns eight rows or more, then by columns", async () => {
    await storage.transaction(async (tx) => {
      for (let i = 0; i < 12; i++)
        await tx.create("columnar_item", {
          id: `p${String(i).padStart(2, "0")}`,
          communityId: "paths",
          name: `n${i}`,
          count: i,
          at: 1_000 + i,
          active: 1,
        });
    });
    const few: FindManyOptions = {
      where: [
        { field: "communityId", value: "paths" },
        { field: "count", op: "lt", value: 3 },
      ],
      select: ["name", "count"],
    };
    const many: FindManyOptions = {
      where: [{ field: "communityId", value: "paths" }],
      select: ["name", "at"],
    };
    const { db, tx, statements } = adapterRead(true);
    try {
      const runs = new Map<string, number>();
      /** Counts the runs of each prepared statement from now on. */
      const spy = () => {
        for (const [key, statement] of statements) {
          if (runs.has(key)) continue;
          runs.set(key, 0);
          for (const method of ["get", "all"] as const) {
            const original = statement[method].bind(statement);
            (statement as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
              runs.set(key, (runs.get(key) ?? 0) + 1);
              return (original as (...a: unknown[]) => unknown)(...args);
            };
          }
        }
      };
      const columnarKey = (o: FindManyOptions) => compileFindMany(tableLayout(itemModel), o).key;
      const rowsKey = (o: FindManyOptions) => compileFindMany(tableLayout(itemModel), o, "rows").key;
      const first = await tx.findMany("columnar_item", many);
      const firstFew = await tx.findMany("columnar_item", few);
      spy();
      expect(await tx.findMany("columnar_item", many)).toStrictEqual(first);
      expect(await tx.findMany("columnar_item", few)).toStrictEqual(firstFew);
      expect(first).toHaveLength(12);
      expect(firstFew).toHaveLength(3);
      // 12 rows last time: by columns now; 3 rows last time: by rows again.
      expect(runs.get(columnarKey(many))).toBe(1);
      expect(runs.get(rowsKey(many))).toBe(0);
      expect(runs.get(columnarKey(few))).toBe(0);
      expect(runs.get(rowsKey(few))).toBe(1);
    } finally {
      db.close();
    }
  });
});

describe("tooBigForColumns", () => {
  test("a columnar read too big for one string is read again on the row path", async () => {
    const db = new Database(":memory:");
    try {
      migrate(db, ":memory:");
      const layouts = setupModels(db, [itemModel]);
      db.prepare(
        `INSERT INTO "columnar_item" ("community_id", "id", "name", "count", "at", "active") VALUES ('c', 'a', 'x', 1, 2, 1)`,
      ).run();
      const options: FindManyOptions = {
        where: [{ field: "communityId", value: "c" }],
        select: ["name", "count"],
      };
      const query = compileFindMany(layouts.get("columnar_item")!, options);
      expect(query.columnar).toBe(true);
      // The columnar statement fails as SQLite does past its length limit.
      const tooBig = {
        get() {
          throw Object.assign(new Error("string or blob too big"), { code: "SQLITE_TOOBIG" });
        },
      } as unknown as Statement;
      const statements = new Map<string, Statement>([[query.key, tooBig]]);
      const tx = new SqliteTransaction({
        db,
        layouts,
        failure: { filename: ":memory:", busyTimeoutMs: 0 },
        statements: () => statements,
        columnarMinRows: 0,
      });
      expect(await tx.findMany("columnar_item", options)).toStrictEqual([{ name: "x", count: 1 }]);
      expect([...statements.keys()].some((key) => key.startsWith("m:"))).toBe(true);
    } finally {
      db.close();
    }
  });

  test("only SQLite's length limit sends a columnar read back to the row path", () => {
    expect(
      tooBigForColumns(Object.assign(new Error("string or blob too big"), { code: "SQLITE_TOOBIG" })),
    ).toBe(true);
    for (const error of [
      Object.assign(new Error("busy"), { code: "SQLITE_BUSY" }),
      new RangeError("x"),
      null,
      "x",
    ])
      expect(tooBigForColumns(error)).toBe(false);
  });
});
