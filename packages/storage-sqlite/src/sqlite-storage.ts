import { AsyncQueue, coreErrors, LinliError, type StorageAdapter } from "@linli/core";
import type { Statement } from "better-sqlite3";
import { setupModels } from "./model-setup";
import { openDatabase } from "./open-database";
import { backupDatabase, backupFile, checkBackupTarget, type SqliteBackupResult } from "./sqlite-backup";
import { sqliteErrors } from "./sqlite-errors";
import { toLinliError } from "./sqlite-failure";
import { isMemoryFilename, resolveSqliteOptions, type SqliteStorageOptions } from "./sqlite-options";
import { SqliteTransaction } from "./sqlite-transaction";
import type { TableLayout } from "./table-layout";

/** The SQLite adapter: a `StorageAdapter` of `@linli/core` plus what only a file database offers. */
export interface SqliteStorage extends StorageAdapter {
  /** The absolute path of the database file, or `:memory:`. */
  readonly filename: string;
  /** The schema version the file had when it was opened (0 for a new file); it is now current. */
  readonly migratedFrom: number;
  /**
   * Writes a consistent copy of the database to `toFile` (overwritten if present) with
   * SQLite's online backup API. For a file database the copy is read through a separate
   * read-only connection, so transactions keep running meanwhile and only committed data is
   * copied. Throws `SQLITE_BACKUP_FAILED` (with the reason) when the target cannot be written.
   */
  backup(toFile: string): Promise<SqliteBackupResult>;
}

/**
 * The embedded default storage of linli: one SQLite file through better-sqlite3.
 *
 * - **Safe across processes.** The file is in WAL mode; every transaction begins with
 *   `BEGIN IMMEDIATE`, which takes SQLite's write lock at the start, so transactions of all
 *   processes sharing the file run one at a time (a waiting process retries for
 *   `busyTimeoutMs`). Transactions of one process are queued in FIFO order. This is what
 *   makes `lock` (and with it every capacity check) hold across processes.
 * - **Durable.** A commit survives a crash of the process; with `synchronous: "FULL"` it
 *   also survives a power cut (see {@link SqliteSynchronous}).
 * - **Tables from models.** `setup` creates one STRICT table per model, columns in
 *   snake_case, primary key `(community_id, id)`, and each declared index led by
 *   `community_id`. Dates are stored as epoch milliseconds (integers), so time-range
 *   overlap queries use the indexes; JSON as text; booleans as 0/1.
 * - **Migrations.** The adapter's own schema is versioned in the table `linli_meta`.
 *   Opening an older file migrates it forward; a file written by a newer release is
 *   refused with `SQLITE_SCHEMA_TOO_NEW` and left unchanged.
 *
 * Opening is synchronous and throws a `LinliError` for bad options, a missing folder, a file
 * that is not SQLite, or a read-only file. Do not call `transaction` from inside a
 * transaction of the same adapter: it would wait for itself.
 *
 * @example
 * ```ts
 * import { createCommunity } from "@linli/core";
 * import { sqliteStorage } from "@linli/storage-sqlite";
 *
 * const storage = sqliteStorage({ filename: "/srv/linli/wangjialong.db" });
 * const community = await createCommunity({ config, storage });
 * await storage.backup("/srv/backup/wangjialong-2026-06-01.db");
 * ```
 */
export function sqliteStorage(options: SqliteStorageOptions): SqliteStorage {
  const resolved = resolveSqliteOptions(options);
  const { db, filename, migratedFrom } = openDatabase(resolved);
  const memory = isMemoryFilename(resolved.filename);
  const failure = { filename, busyTimeoutMs: resolved.busyTimeoutMs };
  const queue = new AsyncQueue();
  const layouts = new Map<string, TableLayout>();
  const scope = { db, layouts, failure };
  const begin: Statement = db.prepare("BEGIN IMMEDIATE");
  const commit: Statement = db.prepare("COMMIT");
  const rollback: Statement = db.prepare("ROLLBACK");
  let closed = false;

  const assertOpen = () => {
    if (closed) throw LinliError.from(sqliteErrors, "SQLITE_CLOSED", { filename });
  };

  return {
    id: resolved.id,
    capabilities: {
      dates: "epoch-ms",
      json: false,
      booleans: false,
      multiProcess: !memory,
      durable: !memory,
    },
    filename,
    migratedFrom,
    setup(models) {
      return queue.run(async () => {
        assertOpen();
        try {
          for (const [name, layout] of setupModels(db, models)) layouts.set(name, layout);
        } catch (error) {
          throw toLinliError(error, failure);
        }
      });
    },
    transaction(fn) {
      return queue.run(async () => {
        assertOpen();
        try {
          begin.run();
        } catch (error) {
          throw toLinliError(error, failure);
        }
        const tx = new SqliteTransaction(scope);
        let result: Awaited<ReturnType<typeof fn>>;
        try {
          result = await fn(tx);
        } catch (error) {
          tx.end();
          if (db.inTransaction) rollback.run();
          throw error;
        }
        tx.end();
        if (!db.inTransaction) {
          // SQLite rolled the transaction back by itself (a disk full or I/O error).
          throw LinliError.from(coreErrors, "STORAGE_ERROR", {
            reason: "SQLite rolled the transaction back after an error; nothing was written",
          });
        }
        try {
          commit.run();
        } catch (error) {
          if (db.inTransaction) rollback.run();
          throw toLinliError(error, failure);
        }
        return result;
      });
    },
    async backup(toFile) {
      assertOpen();
      const target = checkBackupTarget(filename, toFile);
      // A file is copied through its own read-only connection, alongside transactions. An
      // in-memory database has no file to share: it is copied between transactions.
      if (!memory) return backupFile(filename, target, resolved.busyTimeoutMs);
      return queue.run(async () => {
        assertOpen();
        return backupDatabase(db, target);
      });
    },
    close() {
      return queue.run(async () => {
        if (closed) return;
        closed = true;
        db.close();
      });
    },
  };
}
