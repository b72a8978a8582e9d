import { LinliError, validate } from "@linli/core";
import * as z from "zod";
import { sqliteErrors } from "./sqlite-errors";

/**
 * How hard SQLite works to make a commit survive a power loss (`PRAGMA synchronous`), in
 * WAL mode.
 *
 * - `NORMAL`: a commit is written to the write-ahead log but the log is synced to disk only at
 *   checkpoints. A committed transaction survives a crash of the process (a `kill -9`, an
 *   exception, a closed terminal). A power cut or an operating-system crash can lose the last
 *   transactions committed since the previous sync; the database itself stays consistent and
 *   is never corrupted. About ten times faster per small transaction than `FULL`.
 * - `FULL`: the log is synced to disk at every commit, so a committed transaction also
 *   survives a power cut or an operating-system crash. Each commit waits for the disk.
 */
export type SqliteSynchronous = "NORMAL" | "FULL";

/** Options of {@link sqliteStorage}. */
export interface SqliteStorageOptions {
  /**
   * The database file, created if missing (its folder must exist), or `":memory:"` for a
   * private in-memory database (not durable, one process only).
   */
  readonly filename: string;
  /**
   * Durability of commits; see {@link SqliteSynchronous} for what each setting risks.
   * @default "NORMAL"
   */
  readonly synchronous?: SqliteSynchronous;
  /**
   * How long a transaction waits for another process's write transaction to finish before
   * failing with `SQLITE_BUSY`.
   * @default 5000
   */
  readonly busyTimeoutMs?: number;
  /** Adapter id in errors and logs. @default "sqlite" */
  readonly id?: string;
}

/** {@link SqliteStorageOptions} with defaults applied. */
export type ResolvedSqliteOptions = Required<SqliteStorageOptions>;

/** The zod schema of {@link SqliteStorageOptions}. */
export const sqliteStorageOptionsSchema = z
  .object({
    filename: z.string().min(1),
    synchronous: z.enum(["NORMAL", "FULL"]).default("NORMAL"),
    busyTimeoutMs: z.number().int().min(0).max(600_000).default(5000),
    id: z.string().min(1).default("sqlite"),
  })
  .strict();

/**
 * Validates options and applies defaults. Throws `SQLITE_OPTIONS_INVALID` listing every
 * problem; nothing is opened or written.
 */
export function resolveSqliteOptions(options: unknown): ResolvedSqliteOptions {
  const result = validate(sqliteStorageOptionsSchema, options);
  if (result.ok) return result.value;
  const summary = result.problems.map((p) => `${p.path}: ${p.message.en}`).join("; ");
  throw LinliError.from(
    sqliteErrors,
    "SQLITE_OPTIONS_INVALID",
    { summary },
    { details: { problems: result.problems } },
  );
}

/** True for SQLite's private in-memory database names. */
export function isMemoryFilename(filename: string): boolean {
  return filename === ":memory:" || filename === "";
}
