import { LinliError } from "@linli/core";
import type pg from "pg";
import { postgresErrors } from "./postgres-errors";
import { quoteIdentifier } from "./sql-identifier";

/** What a migration step knows about the schema it upgrades. */
export interface MigrationContext {
  /** The schema (quoted names are built from it). */
  readonly schema: string;
  /** The schema version before migrating (0 for a new schema). */
  readonly fromVersion: number;
}

/**
 * One forward-only step of the adapter's own structure (its bookkeeping tables and table
 * conventions; model tables follow the models given to `setup`). Steps never change once
 * released: a new need gets a new step.
 */
export interface SchemaMigration {
  /** The version the schema has after this step. Steps are numbered 1, 2, 3… */
  readonly version: number;
  /** What the step does, for logs and the migration history. */
  readonly description: string;
  /** Applies the step inside the setup transaction. */
  up(client: pg.ClientBase, context: MigrationContext): Promise<void>;
}

/** Every schema migration, in order. The last one's version is {@link SCHEMA_VERSION}. */
export const schemaMigrations: readonly SchemaMigration[] = [
  {
    version: 1,
    description:
      "linli_meta: key/value facts about the schema, including schema_version and the migration history",
    async up(client, { schema }) {
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${quoteIdentifier(schema)}.linli_meta (key text COLLATE "C" PRIMARY KEY, value text NOT NULL)`,
      );
    },
  },
];

/** The schema version this release writes. */
export const SCHEMA_VERSION = schemaMigrations[schemaMigrations.length - 1]!.version;

/** The version recorded in the schema; 0 when it has no `linli_meta` (a new or foreign schema). */
export async function readSchemaVersion(client: pg.ClientBase, schema: string): Promise<number> {
  const meta = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
    `${quoteIdentifier(schema)}.linli_meta`,
  ]);
  if (!meta.rows[0]?.present) return 0;
  const row = await client.query(
    `SELECT value FROM ${quoteIdentifier(schema)}.linli_meta WHERE key = 'schema_version'`,
  );
  const version = Number(row.rows[0]?.value ?? 0);
  return Number.isSafeInteger(version) && version >= 0 ? version : Number.POSITIVE_INFINITY;
}

/**
 * Brings the schema to {@link SCHEMA_VERSION} inside the caller's transaction (which holds
 * the setup lock, so concurrent processes migrate once). Refuses, before writing anything,
 * a schema written by a newer release: the caller rolls back and the schema is unchanged.
 */
export async function migrate(client: pg.ClientBase, schema: string): Promise<{ from: number; to: number }> {
  const from = await readSchemaVersion(client, schema);
  if (from > SCHEMA_VERSION)
    throw LinliError.from(postgresErrors, "POSTGRES_SCHEMA_TOO_NEW", {
      schema,
      found: Number.isFinite(from) ? from : "unknown",
      supported: SCHEMA_VERSION,
    });
  if (from === SCHEMA_VERSION) return { from, to: from };
  await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
  const meta = `${quoteIdentifier(schema)}.linli_meta`;
  for (const step of schemaMigrations) {
    if (step.version <= from) continue;
    await step.up(client, { schema, fromVersion: from });
    // The history of the schema: when each step ran.
    await client.query(
      `INSERT INTO ${meta} (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      [`migration.${step.version}`, new Date().toISOString()],
    );
  }
  await client.query(
    `INSERT INTO ${meta} (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    [String(SCHEMA_VERSION)],
  );
  return { from, to: SCHEMA_VERSION };
}
