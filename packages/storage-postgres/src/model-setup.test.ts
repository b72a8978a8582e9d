import { defineModel, isLinliError } from "@linli/core";
import { inTx, sampleModel, testkitModels } from "@linli/storage-testkit";
import { afterEach, describe, expect, test } from "vitest";
import * as z from "zod";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";
import { SCHEMA_VERSION } from "./schema-migrations";

const pg = usePgServer();
const opened: PostgresStorage[] = [];
const schemas = new Set<string>();

function storage(schema = pg.schemaName("setup")): PostgresStorage {
  const s = postgresStorage({ connectionString: pg.server.url, schema, max: 4 });
  opened.push(s);
  schemas.add(schema);
  return s;
}

afterEach(async () => {
  for (const s of opened.splice(0)) await s.close();
  for (const schema of schemas) await pg.dropSchema(schema);
  schemas.clear();
});

const columnsOf = (schema: string, table: string) =>
  pg.sql<{ column_name: string; data_type: string; is_nullable: string; collation_name: string | null }>(
    `SELECT column_name, data_type, is_nullable, collation_name FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );

/** The indexes of a table other than its primary key, by name. */
const indexesOf = (schema: string, table: string) =>
  pg.sql<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename = $2
      AND indexname <> $2 || '_pkey' ORDER BY indexname`,
    [schema, table],
  );

const bookV1 = defineModel(
  "shelf_book",
  { title: z.string(), pages: z.number().int() },
  {
    indexes: [{ fields: ["title"], unique: true }],
  },
);

describe("setup", () => {
  test("creates one table per model: snake_case columns typed by field kind, primary key (community_id, id)", async () => {
    const s = storage();
    await s.setup(testkitModels);
    expect(s.migratedFrom).toBe(0);
    const columns = await columnsOf(s.schema, "testkit_sample");
    expect(columns.map((c) => [c.column_name, c.data_type, c.is_nullable])).toEqual([
      ["community_id", "text", "NO"],
      ["id", "text", "NO"],
      ["name", "text", "NO"],
      ["rank", "bigint", "NO"],
      ["score", "double precision", "NO"],
      ["active", "boolean", "NO"],
      ["at", "timestamp with time zone", "NO"],
      ["tags", "jsonb", "NO"],
      ["meta", "jsonb", "NO"],
      ["note", "text", "YES"],
      ["code", "text", "YES"],
    ]);
    // Text compares by code point, whatever the database's locale.
    expect(columns.filter((c) => c.data_type === "text").every((c) => c.collation_name === "C")).toBe(true);
    const slot = await columnsOf(s.schema, "testkit_slot");
    expect(slot.map((c) => c.column_name)).toContain("slot_id");
  });

  test("community_id leads the primary key and every index (ready for Citus create_distributed_table by community_id)", async () => {
    const s = storage();
    await s.setup(testkitModels);
    const indexes = await pg.sql<{ table: string; index: string; unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table, i.relname AS index, x.indisunique AS unique,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index x
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = $1 AND t.relname LIKE 'testkit%'
        GROUP BY 1, 2, 3 ORDER BY 1, 2`,
      [s.schema],
    );
    expect(indexes.length).toBeGreaterThanOrEqual(6);
    for (const index of indexes) expect(index.columns[0]).toBe("community_id");
    const sample = indexes.filter((i) => i.table === "testkit_sample");
    expect(sample.map((i) => [i.columns, i.unique])).toEqual(
      expect.arrayContaining([
        [["community_id", "id"], true],
        [["community_id", "rank"], false],
        [["community_id", "code"], true],
      ]),
    );
  });

  test("setup is idempotent, records the schema version, and a second adapter reuses the tables", async () => {
    const s = storage();
    await s.setup(testkitModels);
    await inTx(s, (tx) =>
      tx.create(sampleModel, {
        id: "a",
        name: "a",
        rank: 1,
        score: 1,
        active: true,
        at: new Date(0),
        tags: [],
        meta: {},
      }),
    );
    await s.setup(testkitModels);
    const again = storage(s.schema);
    await again.setup(testkitModels);
    expect(again.migratedFrom).toBe(SCHEMA_VERSION);
    expect(await inTx(again, (tx) => tx.count(sampleModel))).toBe(1);
    const meta = await pg.sql(`SELECT value FROM "${s.schema}".linli_meta WHERE key = 'schema_version'`);
    expect(meta).toEqual([{ value: String(SCHEMA_VERSION) }]);
  });

  test("4 adapters setting up the same new schema at once all succeed (setup is serialized by an advisory lock)", async () => {
    const schema = pg.schemaName("together");
    await Promise.all(Array.from({ length: 4 }, () => storage(schema).setup(testkitModels)));
    expect(await columnsOf(schema, "testkit_counter")).toHaveLength(3);
  });

  test("a new field becomes a nullable column; existing rows read it as null", async () => {
    const s = storage();
    await s.setup([bookV1]);
    await inTx(s, (tx) => tx.create(bookV1, { id: "b1", title: "边城", pages: 160 }));
    const bookV2 = defineModel("shelf_book", {
      title: z.string(),
      pages: z.number().int(),
      isbn: z.string().nullable().default(null),
    });
    await s.setup([bookV2]);
    const column = (await columnsOf(s.schema, "shelf_book")).find((c) => c.column_name === "isbn");
    expect(column).toMatchObject({ data_type: "text", is_nullable: "YES" });
    expect(await inTx(s, (tx) => tx.findById(bookV2, "b1"))).toMatchObject({ title: "边城", isbn: null });
  });

  test("an index that includes fields is a covering index (INCLUDE) and replaces the plain index on the same keys", async () => {
    const shape = { title: z.string(), pages: z.number().int(), shelf: z.string() };
    const plain = defineModel("shelf_cover", shape, { indexes: [{ fields: ["shelf", "title"] }] });
    const covering = defineModel("shelf_cover", shape, {
      indexes: [{ fields: ["shelf", "title"], include: ["pages", "id"] }],
    });
    const s = storage();
    await s.setup([plain]);
    await s.setup([covering]);
    await s.setup([covering]);
    const indexes = await indexesOf(s.schema, "shelf_cover");
    expect(indexes.map((i) => i.indexname)).toEqual(["shelf_cover__shelf__title__covering"]);
    expect(indexes[0]?.indexdef).toMatch(/\(community_id, shelf, title\) INCLUDE \(pages, id\)$/);
  });

  test("a partial index (IndexDef.where) is created with its condition and replaces the full one; an index not named by linli is kept", async () => {
    const shape = { seriesId: z.string().nullable().default(null), at: z.date() };
    const full = defineModel("shelf_series", shape, {
      indexes: [{ fields: ["seriesId"] }, { fields: ["at"] }],
    });
    const partial = defineModel("shelf_series", shape, {
      indexes: [{ fields: ["seriesId"], where: { field: "seriesId", is: "not-null" } }, { fields: ["at"] }],
    });
    const s = storage();
    await s.setup([full]);
    await pg.sql(`CREATE INDEX app_report ON "${s.schema}".shelf_series (at)`);
    await inTx(s, async (tx) => {
      for (let i = 0; i < 20; i++)
        await tx.create(partial, { seriesId: i % 5 === 0 ? "s" : null, at: new Date(i * 1000) });
    });
    await s.setup([partial]);
    await s.setup([partial]);
    const indexes = await indexesOf(s.schema, "shelf_series");
    expect(indexes.map((i) => i.indexname)).toEqual([
      "app_report",
      "shelf_series__at",
      "shelf_series__series_id__where_series_id_not_null",
    ]);
    expect(indexes[2]?.indexdef).toMatch(/\(community_id, series_id\) WHERE \(series_id IS NOT NULL\)$/);
    // The partial index holds the 4 rows of a series only.
    await pg.sql(`ANALYZE "${s.schema}".shelf_series`);
    const [entries] = await pg.sql<{ reltuples: number }>(
      `SELECT reltuples FROM pg_class WHERE oid = $1::regclass`,
      [`"${s.schema}".shelf_series__series_id__where_series_id_not_null`],
    );
    expect(Number(entries?.reltuples)).toBe(4);
    const found = await inTx(s, (tx) => tx.findMany(partial, { where: [{ field: "seriesId", value: "s" }] }));
    expect(found.map((r) => r.at.getTime()).sort((a, b) => a - b)).toEqual([0, 5000, 10_000, 15_000]);
  });

  test("a field whose kind changed is refused with POSTGRES_MODEL_CONFLICT and nothing is changed", async () => {
    const s = storage();
    await s.setup([bookV1]);
    const changed = defineModel("shelf_book", {
      title: z.string(),
      pages: z.string(),
      year: z.number().nullable(),
    });
    const error = await s.setup([changed]).catch((e: unknown) => e);
    expect(isLinliError(error, "POSTGRES_MODEL_CONFLICT")).toBe(true);
    expect((error as Error).message).toContain("pages");
    // All or nothing: the column `year` of the refused setup was not added either.
    expect((await columnsOf(s.schema, "shelf_book")).map((c) => c.column_name)).toEqual([
      "community_id",
      "id",
      "title",
      "pages",
    ]);
  });

  test("a required column the model dropped is refused with POSTGRES_MODEL_CONFLICT", async () => {
    const s = storage();
    await s.setup([bookV1]);
    const dropped = defineModel("shelf_book", { title: z.string() });
    expect(await s.setup([dropped]).catch((e: { code: string }) => e.code)).toBe("POSTGRES_MODEL_CONFLICT");
  });

  test("a schema written by a newer release is refused with POSTGRES_SCHEMA_TOO_NEW and left unchanged", async () => {
    const s = storage();
    await s.setup([bookV1]);
    await pg.sql(`UPDATE "${s.schema}".linli_meta SET value = $1 WHERE key = 'schema_version'`, [
      String(SCHEMA_VERSION + 1),
    ]);
    const newer = storage(s.schema);
    const error = await newer.setup(testkitModels).catch((e: unknown) => e);
    expect(isLinliError(error, "POSTGRES_SCHEMA_TOO_NEW")).toBe(true);
    expect((error as Error).message).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    const tables = await pg.sql(`SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY 1`, [
      s.schema,
    ]);
    expect(tables.map((t) => t.tablename)).toEqual(["linli_meta", "shelf_book"]);
    const meta = await pg.sql(`SELECT value FROM "${s.schema}".linli_meta WHERE key = 'schema_version'`);
    expect(meta).toEqual([{ value: String(SCHEMA_VERSION + 1) }]);
  });

  test("a transaction on a model that was never set up fails with POSTGRES_NOT_SET_UP", async () => {
    const s = storage();
    await s.setup([bookV1]);
    const error = await inTx(s, (tx) => tx.count(sampleModel)).catch((e: unknown) => e);
    expect(isLinliError(error, "POSTGRES_NOT_SET_UP")).toBe(true);
  });
});
