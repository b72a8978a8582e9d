import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { LinliError } from "@linli/core";
import Database from "better-sqlite3";
import { sqliteErrors } from "./sqlite-errors";

/** What {@link SqliteStorage.backup} wrote. */
export interface SqliteBackupResult {
  /** The absolute path of the backup file. */
  readonly file: string;
  /** Pages copied (the database's size in pages at the end of the backup). */
  readonly pages: number;
}

/** Checks a backup target; throws `SQLITE_BACKUP_FAILED` with the reason. */
export function checkBackupTarget(source: string, toFile: unknown): string {
  const fail = (target: string, reason: string) =>
    LinliError.from(sqliteErrors, "SQLITE_BACKUP_FAILED", { target, reason });
  if (typeof toFile !== "string" || toFile.length === 0 || toFile === ":memory:")
    throw fail(String(toFile), "the target must be a file name");
  const target = resolve(toFile);
  if (target === source) throw fail(target, "the target is the database itself");
  const folder = dirname(target);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw fail(target, `the folder ${folder} does not exist`);
  if (existsSync(target) && statSync(target).isDirectory()) throw fail(target, "the target is a folder");
  return target;
}

/**
 * Copies a consistent snapshot of `db` to `target` with SQLite's online backup API. The
 * target is overwritten.
 */
export async function backupDatabase(db: Database.Database, target: string): Promise<SqliteBackupResult> {
  try {
    // After a first step of 100 pages, copy the rest in one step: a step that another
    // connection's commit interrupts starts over, and small steps could starve behind a
    // busy writer.
    const { totalPages } = await db.backup(target, { progress: () => 1 << 30 });
    return { file: target, pages: totalPages };
  } catch (error) {
    throw LinliError.from(
      sqliteErrors,
      "SQLITE_BACKUP_FAILED",
      { target, reason: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
}

/**
 * Backs up a database file through a second, read-only connection: it reads the last
 * committed snapshot (WAL), so writers are not blocked and no uncommitted write of the
 * main connection can leak into the copy.
 */
export async function backupFile(
  source: string,
  target: string,
  busyTimeoutMs: number,
): Promise<SqliteBackupResult> {
  let reader: Database.Database;
  try {
    reader = new Database(source, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
  } catch (error) {
    throw LinliError.from(
      sqliteErrors,
      "SQLITE_BACKUP_FAILED",
      { target, reason: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
  try {
    return await backupDatabase(reader, target);
  } finally {
    reader.close();
  }
}
