import {
  type AdapterTransaction,
  coreErrors,
  LinliError,
  type StorageAdapter,
  type TransactionOptions,
} from "@linli/core";
import { AsyncQueue } from "@linli/core/adapter";
import type { Statement } from "better-sqlite3";
import { setupModels } from "./model-setup";
import { openDatabase } from "./open-database";
import { backupDatabase, backupFile, checkBackupTarget, type SqliteBackupResult } from "./sqlite-backup";
import { sqliteErrors } from "./sqlite-errors";
import { toLinliError } from "./sqlite-failure";
import { isMemoryFilename, resolveSqliteOptions, type SqliteStorageOptions } from "./sqlite-options";
import { ReaderPool } from "./sqlite-readers";
import { SqliteTransaction, type TransactionScope } from "./sqlite-transaction";
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
 * - **Safe across processes.** The file is in WAL mode; every write transaction begins with
 *   `BEGIN IMMEDIATE`, which takes SQLite's write lock at the start, so write transactions
 *   of all processes sharing the file run one at a time (a waiting process retries for
 *   `busyTimeoutMs`). Write transactions of one process are queued in FIFO order. This is
 *   what makes `lock` (and with it every capacity check) hold across processes.
 * - **Reads beside writes.** A read-only transaction (`{ readOnly: true }`, the kernel's
 *   queries) runs on a read-only connection of its own with a deferred `BEGIN`: it reads the
 *   snapshot committed at its first read and never takes the write lock, so it neither waits
 *   for a write transaction (of this process or another) nor makes one wait. Its writes and
 *   `lock` are refused with `READ_ONLY_TRANSACTION`. Up to four idle read connections are
 *   kept. For a private `:memory:` database (which other connections cannot see) read-only
 *   transactions run on the one connection, queued with the write transactions.
 * - **Durable.** A commit survives a crash of the process; with `synchronous: "FULL"` it
 *   also survives a power cut (see {@link SqliteSynchronous}).
 * - **Tables from models.** `setup` creates one STRICT table per model, columns in
 *   snake_case, primary key `(community_id, id)`, and each declared index led by
 *   `community_id`. Dates are stored as epoch milliseconds (integers), so time-range
 *   overlap queries use the indexes; JSON as text; booleans as 0/1.
 * - **Large projected reads.** A `findMany` that selects fields, with no order or paging,
 *   on columns other than `number` ones is read as one JSON array per column and rebuilt
 *   into the same rows (same values, same order), which hands many rows to JavaScript in
 *   about half the time (see `columnar-read.ts`).
 * - **Migrations.** The adapter's own schema is versioned in the table `linli_meta`.
 *   Opening an older file migrates it forward; a file written by a newer release is
 *   refused with `SQLITE_SCHEMA_TOO_NEW` and left unchanged.
 *
 * Opening is synchronous and throws a `LinliError` for bad options, a missing folder, a file
 * that is not SQLite, or a read-only file. Do not call `transaction` from inside a
 * write transaction of the same adapter (or any transaction inside another, for `:memory:`):
 * it would wait for itself.
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
  const scope: TransactionScope = { db, layouts, failure, statements: (layout) => layout.statements };
  const begin: Statement = db.prepare("BEGIN IMMEDIATE");
  const beginRead: Statement = db.prepare("BEGIN DEFERRED");
  const commit: Statement = db.prepare("COMMIT");
  const rollback: Statement = db.prepare("ROLLBACK");
  const readers = memory ? undefined : new ReaderPool(failure);
  let closed = false;

  const assertOpen = () => {
    if (closed) throw LinliError.from(sqliteErrors, "SQLITE_CLOSED", { filename });
  };

  /** A write transaction on the main connection, `BEGIN IMMEDIATE`; run through the queue. */
  const readWrite = async <T>(fn: (tx: AdapterTransaction) => Promise<T>): Promise<T> => {
    assertOpen();
    try {
      begin.run();
    } catch (error) {
      throw toLinliError(error, failure);
    }
    const tx = new SqliteTransaction(scope);
    let result: T;
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
  };

  /**
   * A read-only transaction on a read-only connection of its own: a deferred `BEGIN` takes
   * no lock until the first read, and then only a WAL read snapshot. Not queued.
   */
  const readOnlyOnReader = async <T>(
    pool: ReaderPool,
    fn: (tx: AdapterTransaction) => Promise<T>,
  ): Promise<T> => {
    assertOpen();
    const reader = pool.acquire();
    let reusable = true;
    try {
      try {
        reader.begin.run();
      } catch (error) {
        reusable = false;
        throw toLinliError(error, failure);
      }
      const tx = new SqliteTransaction(
        { db: reader.db, layouts, failure, statements: reader.statements },
        true,
      );
      try {
        return await fn(tx);
      } finally {
        tx.end();
        try {
          // Nothing to commit: ending the transaction releases the read snapshot.
          if (reader.db.inTransaction) reader.rollback.run();
        } catch {
          reusable = false;
        }
      }
    } finally {
      pool.release(reader, reusable);
    }
  };

  /** A read-only transaction of a `:memory:` database: on the main connection, queued. */
  const readOnlyInLine = async <T>(fn: (tx: AdapterTransaction) => Promise<T>): Promise<T> => {
    assertOpen();
    try {
      beginRead.run();
    } catch (error) {
      throw toLinliError(error, failure);
    }
    const tx = new SqliteTransaction(scope, true);
    try {
      return await fn(tx);
    } finally {
      tx.end();
      if (db.inTransaction) rollback.run();
    }
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
    transaction<T>(fn: (tx: AdapterTransaction) => Promise<T>, options?: TransactionOptions): Promise<T> {
      if (!options?.readOnly) return queue.run(() => readWrite(fn));
      return readers ? readOnlyOnReader(readers, fn) : queue.run(() => readOnlyInLine(fn));
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
        readers?.close();
        db.close();
      });
    },
  };
}
