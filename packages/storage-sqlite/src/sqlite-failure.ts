import { coreErrors, LinliError } from "@linli/core";
import { storageFailureOptions } from "@linli/core/adapter";
import { sqliteErrors } from "./sqlite-errors";

/** What a failure happened to, for the error's message and details. */
export interface FailureContext {
  /** The database file. */
  readonly filename: string;
  /** The busy timeout in force. */
  readonly busyTimeoutMs: number;
  /** The model of the failed operation, if any. */
  readonly model?: string;
  /** The row id of the failed write, if any. */
  readonly id?: string;
}

/** The SQLite extended result code of an error from better-sqlite3, if it is one. */
export function sqliteCode(error: unknown): string | undefined {
  if (error instanceof Error && typeof (error as Error & { code?: unknown }).code === "string") {
    const code = (error as Error & { code: string }).code;
    if (code.startsWith("SQLITE_")) return code;
  }
  return undefined;
}

/**
 * Turns an error thrown by better-sqlite3 into a `LinliError` with a clear message: a
 * primary-key or unique violation becomes `DUPLICATE`; a read-only file, a file that is not
 * a database and a lock held too long get their own codes; anything else is a
 * `STORAGE_ERROR` that keeps SQLite's error as its cause. A `LinliError` passes unchanged.
 */
export function toLinliError(error: unknown, context: FailureContext): unknown {
  if (error instanceof LinliError) return error;
  const code = sqliteCode(error);
  if (code === undefined) return error;
  const { filename } = context;
  const details = { sqliteCode: code };
  if (code === "SQLITE_CONSTRAINT_PRIMARYKEY" || code === "SQLITE_CONSTRAINT_UNIQUE") {
    return LinliError.from(
      coreErrors,
      "DUPLICATE",
      { model: context.model ?? "row", id: context.id ?? "" },
      { cause: error, details, internal: { constraint: (error as Error).message } },
    );
  }
  if (code.startsWith("SQLITE_READONLY"))
    return LinliError.from(
      sqliteErrors,
      "SQLITE_READ_ONLY",
      { filename },
      storageFailureOptions(error, {}, details),
    );
  if (code === "SQLITE_NOTADB")
    return LinliError.from(
      sqliteErrors,
      "SQLITE_NOT_A_DATABASE",
      { filename },
      storageFailureOptions(error, {}, details),
    );
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED"))
    return LinliError.from(
      sqliteErrors,
      "SQLITE_BUSY",
      { filename, timeoutMs: context.busyTimeoutMs },
      storageFailureOptions(error, {}, details),
    );
  return LinliError.from(
    coreErrors,
    "STORAGE_ERROR",
    { reason: `${(error as Error).message} (${code})` },
    storageFailureOptions(error, {}, details),
  );
}
