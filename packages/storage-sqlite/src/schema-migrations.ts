import { LinliError } from "@linli/core";
import type { Database } from "better-sqlite3";
import { sqliteErrors } from "./sqlite-errors";

/** What a migration step knows about the database it upgrades. */
export interface MigrationContext {
  /** The schema version the database had when it was opened (0 for a new database). */
  readonly fromVersion: number;
}

/**
 * One forward-only step of the adapter's own schema (its bookkeeping tables and table
 * conventions; model tables follow the models given to `setup`). Steps never change once
 * released: a new need gets a new step.
 */
export interface SchemaMigration {
  /** The version the database has after this step. Steps are numbered 1, 2, 3… */
  readonly version: number;
  /** What the step does, for logs and the migration history. */
  readonly description: string;
  /** Applies the step inside the migration transaction. */
  up(db: Database, context: MigrationContext): void;
}

const USER_TABLES = `SELECT name FROM sqlite_master WHERE type = 'table'
  AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE 'linli\\_%' ESCAPE '\\' ORDER BY name`;

/** Every schema migration, in order. The last one's version is {@link SCHEMA_VERSION}. */
export const schemaMigrations: readonly SchemaMigration[] = [
  {
    version: 1,
    description: "linli_meta: key/value facts about the database, including schema_version",
    up(db) {
      db.exec(
        `CREATE TABLE IF NOT EXISTS linli_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID`,
      );
    },
  },
  {
    version: 2,
    description:
      "linli_model: the registry of model tables and the kind of each column, so that setup can refuse a field whose kind changed (a date turned integer) although the SQL type is the same",
    up(db, { fromVersion }) {
      db.exec(
        `CREATE TABLE linli_model (name TEXT PRIMARY KEY, columns TEXT NOT NULL, updated_at INTEGER NOT NULL) STRICT, WITHOUT ROWID`,
      );
      // Model tables written by version 1 are registered with their SQL types; their kinds
      // are unknown until the next setup records them.
      if (fromVersion < 1) return;
      const insert = db.prepare(`INSERT INTO linli_model (name, columns, updated_at) VALUES (?, ?, ?)`);
      for (const { name } of db.prepare(USER_TABLES).all() as { name: string }[]) {
        const info = db.prepare(`SELECT name, type FROM pragma_table_info(?)`).all(name) as {
          name: string;
          type: string;
        }[];
        if (!info.some((c) => c.name === "community_id")) continue;
        const columns = info.map((c) => ({ column: c.name, type: c.type.toUpperCase(), kind: null }));
        insert.run(name, JSON.stringify(columns), Date.now());
      }
    },
  },
];

/** The schema version this release writes. */
export const SCHEMA_VERSION = schemaMigrations[schemaMigrations.length - 1]!.version;

/** The schema version recorded in the database; 0 when it has none (a new or foreign database). */
export function readSchemaVersion(db: Database): number {
  const hasMeta = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'linli_meta'`)
    .get();
  if (!hasMeta) return 0;
  const row = db.prepare(`SELECT value FROM linli_meta WHERE key = 'schema_version'`).get() as
    | { value: string }
    | undefined;
  const version = Number(row?.value ?? 0);
  return Number.isSafeInteger(version) && version >= 0 ? version : Number.POSITIVE_INFINITY;
}

/** The error for a database written by a newer release. */
export function schemaTooNew(filename: string, found: number): LinliError {
  return LinliError.from(sqliteErrors, "SQLITE_SCHEMA_TOO_NEW", {
    filename,
    found: Number.isFinite(found) ? found : "unknown",
    supported: SCHEMA_VERSION,
  });
}

/**
 * Brings the database to {@link SCHEMA_VERSION} in one `BEGIN IMMEDIATE` transaction, so
 * that processes opening the same file at once migrate it exactly once. Refuses (and
 * changes nothing) when the database is newer than this release.
 */
export function migrate(db: Database, filename: string): { from: number; to: number } {
  db.exec("BEGIN IMMEDIATE");
  try {
    const from = readSchemaVersion(db);
    if (from > SCHEMA_VERSION) throw schemaTooNew(filename, from);
    for (const step of schemaMigrations) {
      if (step.version <= from) continue;
      step.up(db, { fromVersion: from });
      // The history of the file: when each step ran.
      db.prepare(`INSERT OR REPLACE INTO linli_meta (key, value) VALUES (?, ?)`).run(
        `migration.${step.version}`,
        new Date().toISOString(),
      );
    }
    if (from !== SCHEMA_VERSION) {
      db.prepare(
        `INSERT INTO linli_meta (key, value) VALUES ('schema_version', ?)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      ).run(String(SCHEMA_VERSION));
    }
    db.exec("COMMIT");
    return { from, to: SCHEMA_VERSION };
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
}
