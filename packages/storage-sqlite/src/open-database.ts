import { accessSync, constants, existsSync, openSync, readSync, closeSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { LinliError } from "@linli/core";
import { storageFailureOptions } from "@linli/core/adapter";
import Database from "better-sqlite3";
import { migrate, readSchemaVersion, SCHEMA_VERSION, schemaTooNew } from "./schema-migrations";
import { sqliteErrors } from "./sqlite-errors";
import { toLinliError } from "./sqlite-failure";
import { isMemoryFilename, type ResolvedSqliteOptions } from "./sqlite-options";

/** An open, migrated database. */
export interface OpenedDatabase {
  readonly db: Database.Database;
  /** The absolute file name, or `:memory:`. */
  readonly filename: string;
  /** The schema version the file had before opening (0 when new). */
  readonly migratedFrom: number;
}

const SQLITE_MAGIC = "SQLite format 3\u0000";

function startsLikeSqlite(path: string): boolean {
  const fd = openSync(path, "r");
  try {
    const header = Buffer.alloc(16);
    const n = readSync(fd, header, 0, 16, 0);
    return n === 0 || header.toString("latin1", 0, n) === SQLITE_MAGIC.slice(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Checks a file name before SQLite sees it, so each common mistake gets a clear error. */
function checkFile(filename: string): void {
  const folder = dirname(filename);
  if (!existsSync(folder)) throw LinliError.from(sqliteErrors, "SQLITE_FOLDER_MISSING", { filename, folder });
  if (!statSync(folder).isDirectory())
    throw LinliError.from(sqliteErrors, "SQLITE_FOLDER_MISSING", { filename, folder });
  if (!existsSync(filename)) return;
  if (statSync(filename).isDirectory())
    throw LinliError.from(sqliteErrors, "SQLITE_OPEN_FAILED", {
      filename,
      reason: "it is a folder, not a file",
    });
  try {
    accessSync(filename, constants.R_OK);
  } catch (error) {
    throw LinliError.from(
      sqliteErrors,
      "SQLITE_OPEN_FAILED",
      { filename, reason: "the file cannot be read (permission denied)" },
      { cause: error },
    );
  }
  // Checked by us, not by SQLite: SQLite reports a foreign file only at the first query,
  // and would first try to change it (WAL mode).
  if (!startsLikeSqlite(filename)) throw LinliError.from(sqliteErrors, "SQLITE_NOT_A_DATABASE", { filename });
  try {
    accessSync(filename, constants.W_OK);
  } catch (error) {
    throw LinliError.from(sqliteErrors, "SQLITE_READ_ONLY", { filename }, storageFailureOptions(error, {}));
  }
}

/** A failure while opening: a specific code when there is one, otherwise `SQLITE_OPEN_FAILED`. */
function openFailure(error: unknown, context: { filename: string; busyTimeoutMs: number }): unknown {
  const mapped = toLinliError(error, context);
  if (mapped instanceof LinliError && mapped.code !== "STORAGE_ERROR") return mapped;
  const reason = error instanceof Error ? error.message : String(error);
  return LinliError.from(
    sqliteErrors,
    "SQLITE_OPEN_FAILED",
    { filename: context.filename, reason },
    { cause: error },
  );
}

/**
 * Opens (creating if needed) and migrates the database: checks the file, refuses a newer
 * schema before writing anything, then turns on WAL, sets `synchronous` and the busy
 * timeout, and applies pending migrations. Every failure is a `LinliError`; the connection
 * is closed on failure.
 */
export function openDatabase(options: ResolvedSqliteOptions): OpenedDatabase {
  const memory = isMemoryFilename(options.filename);
  const filename = memory ? ":memory:" : resolve(options.filename);
  const context = { filename, busyTimeoutMs: options.busyTimeoutMs };
  if (!memory) checkFile(filename);
  let db: Database.Database;
  try {
    db = new Database(filename, { timeout: options.busyTimeoutMs });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    if (/directory does not exist/.test(reason))
      throw LinliError.from(sqliteErrors, "SQLITE_FOLDER_MISSING", { filename, folder: dirname(filename) });
    throw openFailure(error, context);
  }
  try {
    // Read-only checks first: a database from a newer release is left byte for byte unchanged.
    const found = readSchemaVersion(db);
    if (found > SCHEMA_VERSION) throw schemaTooNew(filename, found);
    if (!memory) {
      const mode = db.pragma("journal_mode = WAL", { simple: true });
      if (mode !== "wal")
        throw LinliError.from(sqliteErrors, "SQLITE_OPEN_FAILED", {
          filename,
          reason: `WAL mode is not available (journal mode stays ${String(mode)})`,
        });
    }
    db.pragma(`synchronous = ${options.synchronous}`);
    db.pragma("foreign_keys = ON");
    const { from } = migrate(db, filename);
    return { db, filename, migratedFrom: from };
  } catch (error) {
    db.close();
    throw openFailure(error, context);
  }
}
