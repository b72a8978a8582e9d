import { LinliError, type ModelDef } from "@linli/core";
import type pg from "pg";
import { postgresErrors } from "./postgres-errors";
import { migrate } from "./schema-migrations";
import { quoteIdentifier } from "./sql-identifier";
import { columnSql, createTableSql, indexLayouts, type TableLayout, tableLayout } from "./table-layout";

interface ExistingColumn {
  readonly name: string;
  readonly type: string;
  readonly notNull: boolean;
}

async function existingColumns(client: pg.ClientBase, layout: TableLayout): Promise<ExistingColumn[] | null> {
  const found = await client.query<{ oid: string | null }>(`SELECT to_regclass($1)::oid::text AS oid`, [
    layout.table,
  ]);
  const oid = found.rows[0]?.oid;
  if (!oid) return null;
  const columns = await client.query<ExistingColumn>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type, attnotnull AS "notNull"
       FROM pg_attribute WHERE attrelid = $1::oid AND attnum > 0 AND NOT attisdropped ORDER BY attnum`,
    [oid],
  );
  return columns.rows;
}

/**
 * Brings one model's table up to date: creates it, or adds the columns of new fields
 * (nullable, since existing rows have no value), and creates missing indexes. Refuses a
 * field whose column type differs (each field kind has its own PostgreSQL type, so a kind
 * change is a type change) and a required column the model no longer has: those need a
 * data migration, never a silent reinterpretation.
 */
async function setupModel(client: pg.ClientBase, layout: TableLayout): Promise<void> {
  const name = layout.model.name;
  const conflict = (reason: string) =>
    LinliError.from(postgresErrors, "POSTGRES_MODEL_CONFLICT", {
      model: name,
      schema: layout.schema,
      reason,
    });
  const existing = await existingColumns(client, layout);
  if (existing === null) {
    await client.query(createTableSql(layout));
  } else {
    const byName = new Map(existing.map((c) => [c.name, c]));
    for (const c of layout.columns) {
      const found = byName.get(c.column);
      if (!found) {
        await client.query(`ALTER TABLE ${layout.table} ADD COLUMN ${columnSql(c, false)}`);
        continue;
      }
      if (found.type !== c.type)
        throw conflict(`field ${c.field} is ${c.kind} (${c.type}) but column ${c.column} is ${found.type}`);
    }
    const fields = new Set(layout.columns.map((c) => c.column));
    for (const c of existing) {
      if (!fields.has(c.name) && c.notNull)
        throw conflict(`column ${c.name} is required in the table but the model has no such field`);
    }
  }
  await setupIndexes(client, layout);
}

/**
 * Creates the declared indexes that are missing, after dropping each index of the table
 * named as linli names the model's indexes (`<model>__…`) that the model no longer declares
 * (a plain index a covering or partial one replaced, a key order changed): it would only cost
 * writes. The primary key and indexes behind constraints are never touched.
 */
async function setupIndexes(client: pg.ClientBase, layout: TableLayout): Promise<void> {
  const indexes = indexLayouts(layout);
  const declared = new Set(indexes.map((index) => index.name));
  const prefix = `${layout.model.name}__`.slice(0, 40);
  const found = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE i.indrelid = $1::regclass AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [layout.table],
  );
  for (const { name } of found.rows)
    if (name.startsWith(prefix) && !declared.has(name))
      await client.query(`DROP INDEX ${quoteIdentifier(layout.schema)}.${quoteIdentifier(name)}`);
  for (const index of indexes) await client.query(index.sql);
}

/**
 * Migrates the adapter's own schema and creates or updates the tables and indexes of
 * `models`, on a client whose transaction the caller opened (all or nothing: PostgreSQL
 * DDL is transactional). Returns the layouts by model name and the schema version found.
 * Idempotent: running it again changes nothing.
 */
export async function setupModels(
  client: pg.ClientBase,
  schema: string,
  models: readonly ModelDef[],
): Promise<{ layouts: Map<string, TableLayout>; migratedFrom: number }> {
  const layouts = new Map<string, TableLayout>();
  for (const model of models) layouts.set(model.name, tableLayout(schema, model));
  // One setup at a time per schema, across processes: concurrent CREATE … IF NOT EXISTS
  // statements can otherwise fail on PostgreSQL's catalog unique indexes.
  await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`linli:setup:${schema}`]);
  const { from } = await migrate(client, schema);
  for (const layout of layouts.values()) await setupModel(client, layout);
  return { layouts, migratedFrom: from };
}
