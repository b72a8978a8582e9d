import { bookingPlugin } from "@linli/booking";
import { kernelModels } from "@linli/core/adapter";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { volunteersPlugin } from "@linli/volunteers";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { citusProblems } from "../test/citus-catalog";
import { usePgServer } from "../test/use-pg-server";
import { citusDistributionSql } from "./citus-distribution";
import { postgresStorage } from "./postgres-storage";

const pg = usePgServer();
const query = async (text: string, values: unknown[] = []) => ({
  rows: await pg.sql(text, values),
  command: "",
  rowCount: null,
  oid: 0,
  fields: [],
});

/** Every model of a community with every plugin of the repository installed. */
const models = [
  ...kernelModels,
  ...[bookingPlugin(), pricingPlugin(), lendingPlugin(), volunteersPlugin()].flatMap((p) => p.models ?? []),
];
const schema = "city";

/**
 * A stand-in for Citus' `create_distributed_table` on vanilla PostgreSQL, with its signature
 * and the checks Citus makes before distributing: the column exists, is part of the primary
 * key and of every unique index; a colocated table exists, is distributed already and has a
 * distribution column of the same type and collation. Records what it distributed.
 */
const STUB = `
CREATE SCHEMA IF NOT EXISTS citus_stub;
CREATE TABLE IF NOT EXISTS citus_stub.distributed (
  logicalrelid regclass PRIMARY KEY, column_name text NOT NULL, colocated_with regclass, shard_count int);
CREATE OR REPLACE FUNCTION public.create_distributed_table(
  table_name regclass, distribution_column text, distribution_type text DEFAULT 'hash',
  colocate_with text DEFAULT 'default', shard_count int DEFAULT NULL) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  col_num int2;
  col_type oid;
  col_coll oid;
  other regclass;
  bad text;
BEGIN
  IF distribution_type <> 'hash' THEN RAISE EXCEPTION 'only hash distribution is stubbed'; END IF;
  SELECT attnum, atttypid, attcollation INTO col_num, col_type, col_coll FROM pg_attribute
   WHERE attrelid = table_name AND attname = distribution_column AND NOT attisdropped;
  IF col_num IS NULL THEN
    RAISE EXCEPTION 'column "%" of relation "%" does not exist', distribution_column, table_name;
  END IF;
  SELECT string_agg(ic.relname::text, ', ') INTO bad FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
   WHERE i.indrelid = table_name AND i.indisunique AND NOT (col_num = ANY(i.indkey::int2[]));
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'cannot create constraint on "%": unique constraints must include the partition column (%)', table_name, bad;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_index WHERE indrelid = table_name AND indisprimary) THEN
    RAISE EXCEPTION 'relation "%" has no primary key', table_name;
  END IF;
  IF colocate_with NOT IN ('default', 'none') THEN
    other := colocate_with::regclass;
    IF NOT EXISTS (SELECT 1 FROM citus_stub.distributed WHERE logicalrelid = other) THEN
      RAISE EXCEPTION 'relation % should be a hash distributed table', other;
    END IF;
    IF shard_count IS NOT NULL THEN
      RAISE EXCEPTION 'Cannot colocate tables with a shard_count given';
    END IF;
    IF NOT EXISTS (
      SELECT 1 FROM citus_stub.distributed d JOIN pg_attribute a
        ON a.attrelid = d.logicalrelid AND a.attname = d.column_name
       WHERE d.logicalrelid = other AND a.atttypid = col_type AND a.attcollation = col_coll) THEN
      RAISE EXCEPTION 'cannot colocate tables % and %: distribution column types do not match', table_name, other;
    END IF;
  END IF;
  INSERT INTO citus_stub.distributed VALUES (table_name, distribution_column, other, shard_count);
END $$;`;

beforeAll(async () => {
  const storage = postgresStorage({ connectionString: pg.server.url, schema });
  await storage.setup(models);
  await storage.close();
  await pg.sql(STUB);
}, 60_000);

afterAll(async () => {
  await pg.dropSchema(schema);
  await pg.dropSchema("citus_stub");
});

describe("Citus readiness", () => {
  test("every primary key, unique constraint, index and foreign key of every linli table (kernel, booking, pricing, lending, volunteers) leads with community_id", async () => {
    const { tables, checked, problems } = await citusProblems(query, schema);
    expect(tables).toEqual(models.map((m) => m.name).sort());
    // A primary key per table and every declared index were read.
    const declared = models.reduce((n, m) => n + 1 + m.indexes.length, 0);
    expect(checked).toBeGreaterThanOrEqual(declared + tables.length);
    expect(problems).toEqual([]);
  });

  test("the catalog check catches a key, unique constraint, index or foreign key that could cross communities", async () => {
    const bad = pg.schemaName("bad");
    await pg.sql(`CREATE SCHEMA ${bad};
      CREATE TABLE ${bad}.parent (id text PRIMARY KEY, community_id text NOT NULL);
      CREATE TABLE ${bad}.child (community_id text NOT NULL, id text NOT NULL, code text, parent_id text REFERENCES ${bad}.parent (id),
        PRIMARY KEY (community_id, id), UNIQUE (code));
      CREATE INDEX child_lower ON ${bad}.child (lower(code));
      CREATE TABLE ${bad}.keyless (community_id text)`);
    const { problems } = await citusProblems(query, bad);
    await pg.dropSchema(bad);
    expect(problems.map((p) => `${p.table}:${p.reason.split(" ")[0]}`).sort()).toEqual([
      "child:f", // a foreign key on parent_id…
      "child:foreign", // …referencing parent (id), which has no community_id first
      "child:index", // an expression index
      "child:u", // UNIQUE (code): unique across every community
      "child:unique", // its index
      "keyless:no",
      "parent:p",
      "parent:unique",
    ]);
  });

  test("the generated create_distributed_table statements run against the stub: every table distributed by community_id, colocated with the first", async () => {
    const statements = citusDistributionSql(models, { schema, shardCount: 32 });
    expect(statements).toHaveLength(models.length);
    expect(statements[0]).toBe(
      `SELECT create_distributed_table('"city"."core_resident"', 'community_id', colocate_with => 'none', shard_count => 32);`,
    );
    expect(statements[1]).toBe(
      `SELECT create_distributed_table('"city"."core_household"', 'community_id', colocate_with => '"city"."core_resident"');`,
    );
    for (const sql of statements) await pg.sql(sql);
    const distributed = await pg.sql<{ table: string; column: string; colocated: string | null }>(
      `SELECT logicalrelid::text AS table, column_name AS column, colocated_with::text AS colocated
         FROM citus_stub.distributed ORDER BY logicalrelid::text`,
    );
    expect(distributed).toEqual(
      models
        .map((m) => ({
          table: `${schema}.${m.name}`,
          column: "community_id",
          colocated: m.name === "core_resident" ? null : `${schema}.core_resident`,
        }))
        .sort((a, b) => (a.table < b.table ? -1 : 1)),
    );
  });

  test("the stub refuses what Citus refuses: a unique index without the distribution column", async () => {
    const bad = pg.schemaName("bad");
    await pg.sql(`CREATE SCHEMA ${bad}; CREATE TABLE ${bad}.t (community_id text, id text PRIMARY KEY)`);
    const error = await pg
      .sql(citusDistributionSql([{ name: "t" }], { schema: bad })[0]!)
      .catch((e: Error) => e);
    await pg.dropSchema(bad);
    expect(String(error)).toMatch(/must include the partition column/);
  });

  test("options are checked: an unknown colocation anchor, a bad schema or shard count", () => {
    expect(() => citusDistributionSql(models, { colocateWith: "nope" })).toThrow(/no model named nope/);
    expect(() => citusDistributionSql(models, { schema: "Bad-Name" })).toThrow(
      /POSTGRES_OPTIONS_INVALID|Invalid/,
    );
    expect(() => citusDistributionSql(models, { shardCount: 0 })).toThrow(/shardCount/);
    expect(citusDistributionSql([])).toEqual([]);
  });
});
