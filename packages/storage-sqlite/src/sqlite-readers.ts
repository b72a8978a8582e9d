import { coreErrors, LinliError } from "@linli/core";
import Database, { type Statement } from "better-sqlite3";
import { type FailureContext, toLinliError } from "./sqlite-failure";
import type { TableLayout } from "./table-layout";

/** Idle read-only connections kept open for the next read-only transactions. */
const MAX_IDLE_READERS = 4;

/** A read-only connection to the database file, with its own prepared statements. */
export interface ReaderConnection {
  readonly db: Database.Database;
  /** `BEGIN` (deferred): the read snapshot is taken at the first read, no write lock. */
  readonly begin: Statement;
  /** Ends the read transaction (there is nothing to commit). */
  readonly rollback: Statement;
  /** This connection's prepared statements of a table, by shape. */
  statements(layout: TableLayout): Map<string, Statement>;
}

/**
 * The read-only connections of a file database, one per open read-only transaction. In WAL
 * mode a reader on its own connection neither waits for the write lock nor blocks a writer,
 * in this process or any other; a single connection could not do that, since it holds one
 * transaction at a time. Connections are opened on demand and up to
 * {@link MAX_IDLE_READERS} are kept for reuse.
 */
export class ReaderPool {
  private readonly idle: ReaderConnection[] = [];
  private closed = false;

  constructor(private readonly failure: FailureContext) {}

  /** An idle connection, or a new one. Throws a `LinliError` when the file cannot be opened. */
  acquire(): ReaderConnection {
    const reused = this.idle.pop();
    if (reused) return reused;
    let db: Database.Database;
    try {
      db = new Database(this.failure.filename, {
        readonly: true,
        fileMustExist: true,
        timeout: this.failure.busyTimeoutMs,
      });
    } catch (error) {
      const mapped = toLinliError(error, this.failure);
      if (mapped instanceof LinliError) throw mapped;
      throw LinliError.from(
        coreErrors,
        "STORAGE_ERROR",
        {
          reason: `cannot open a read-only connection: ${error instanceof Error ? error.message : String(error)}`,
        },
        { cause: error },
      );
    }
    const cache = new WeakMap<TableLayout, Map<string, Statement>>();
    return {
      db,
      begin: db.prepare("BEGIN DEFERRED"),
      rollback: db.prepare("ROLLBACK"),
      statements(layout) {
        let statements = cache.get(layout);
        if (!statements) {
          statements = new Map();
          cache.set(layout, statements);
        }
        return statements;
      },
    };
  }

  /**
   * Gives a connection back after its transaction has ended; it is closed instead when it
   * may be unusable (`reusable` false), when enough are idle, or when the pool is closed.
   */
  release(reader: ReaderConnection, reusable: boolean): void {
    if (reusable && !this.closed && !reader.db.inTransaction && this.idle.length < MAX_IDLE_READERS) {
      this.idle.push(reader);
      return;
    }
    reader.db.close();
  }

  /** Closes the idle connections; those in use are closed when released. */
  close(): void {
    this.closed = true;
    for (const reader of this.idle.splice(0)) reader.db.close();
  }
}
