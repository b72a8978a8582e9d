import { coreErrors, LinliError } from "@linli/core";
import { storageFailureOptions } from "@linli/core/adapter";
import { postgresErrors } from "./postgres-errors";

/** What a failure happened to, for the error's message and details. */
export interface FailureContext {
  /** The server and database (`host:port/db`), never the password. */
  readonly target: string;
  /** The schema. */
  readonly schema: string;
  /** The lock timeout in force. */
  readonly lockTimeoutMs: number;
  /** Attempts made so far (for deadlocks and serialization failures). */
  readonly attempts?: number;
  /** The model of the failed operation, if any. */
  readonly model?: string;
  /** The row id of the failed write, if any. */
  readonly id?: string;
  /** The kind of the failed write (`create`, `update`, `delete`), if it was one. */
  readonly operation?: string;
}

/** SQLSTATEs after which the whole transaction may simply be run again. */
const RETRYABLE = new Set(["40P01", "40001"]);

/**
 * The SQLSTATE of an error the server sent (pg's `DatabaseError` carries a `severity`), if it
 * is one; Node's network errors (`ECONNREFUSED`, `EPIPE`) have none.
 */
export function sqlState(error: unknown): string | undefined {
  const e = error as { code?: unknown; severity?: unknown } | null;
  return typeof e?.code === "string" && typeof e.severity === "string" && /^[0-9A-Z]{5}$/.test(e.code)
    ? e.code
    : undefined;
}

/** True when an error (from pg, or already mapped) means "run the transaction again". */
export function isRetryable(error: unknown): boolean {
  if (error instanceof LinliError) return RETRYABLE.has(String(error.details.sqlState ?? ""));
  return RETRYABLE.has(sqlState(error) ?? "");
}

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * True when a statement failed because its connection is dead (the server closed it: a
 * restart, an administrator's termination), not because of the statement: no SQLSTATE but a
 * broken socket, or the server's "terminating connection" / "shutting down" (57P01, 57P02,
 * 57P03) and connection exceptions (08…).
 */
export function isStaleConnection(error: unknown): boolean {
  const state = sqlState(error);
  if (state !== undefined)
    return state === "57P01" || state === "57P02" || state === "57P03" || state.startsWith("08");
  const e = error as { code?: unknown; message?: unknown } | null;
  const message = typeof e?.message === "string" ? e.message : String(error);
  return (
    (typeof e?.code === "string" && ["ECONNRESET", "EPIPE", "ECONNREFUSED"].includes(e.code)) ||
    /Connection terminated|not queryable|ECONNRESET|EPIPE|closed the connection/i.test(message)
  );
}

/** True for a failure to reach the server at all (as opposed to a failed statement). */
export function isConnectFailure(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (typeof e?.code === "string" && NETWORK_CODES.has(e.code)) return true;
  const message = typeof e?.message === "string" ? e.message : "";
  if (/timeout exceeded when trying to connect|connection timeout/i.test(message)) return true;
  const state = sqlState(error);
  // 28: invalid authorization; 3D000: no such database; 08: connection exception; 57P03: starting up.
  return (
    state !== undefined &&
    (state.startsWith("28") || state === "3D000" || state.startsWith("08") || state === "57P03")
  );
}

function reasonOf(error: unknown): string {
  const e = error as { message?: unknown; code?: unknown } | null;
  const message = typeof e?.message === "string" && e.message ? e.message : String(error);
  return typeof e?.code === "string" ? `${message} (${e.code})` : message;
}

/**
 * Turns an error thrown while connecting or running a statement into a `LinliError` with a
 * clear message: a unique violation becomes `DUPLICATE`; a write refused because the
 * transaction is read-only (SQLSTATE 25006) becomes `READ_ONLY_TRANSACTION`; deadlocks,
 * serialization failures, lock timeouts, lost connections and refused permissions get their
 * own codes; anything
 * else is a `STORAGE_ERROR` that keeps pg's error as its cause and the SQLSTATE in
 * `details.sqlState`. A `LinliError` passes unchanged.
 */
export function toLinliError(error: unknown, context: FailureContext): LinliError {
  if (error instanceof LinliError) return error;
  const state = sqlState(error);
  const details = { sqlState: state ?? null };
  const server = { target: context.target, schema: context.schema };
  const options = storageFailureOptions(error, server, details);
  const reason = reasonOf(error);
  switch (state) {
    case "23505":
      return LinliError.from(
        coreErrors,
        "DUPLICATE",
        { model: context.model ?? "row", id: context.id ?? "" },
        {
          cause: error,
          details,
          internal: { ...server, constraint: (error as { constraint?: string }).constraint },
        },
      );
    case "25006":
      return LinliError.from(
        coreErrors,
        "READ_ONLY_TRANSACTION",
        { operation: context.operation ?? "write", subject: context.model ?? `schema ${context.schema}` },
        storageFailureOptions(error, server, {
          ...details,
          operation: context.operation ?? "write",
          subject: context.model ?? null,
        }),
      );
    case "40P01":
      return LinliError.from(
        postgresErrors,
        "POSTGRES_DEADLOCK",
        { attempts: context.attempts ?? 1 },
        storageFailureOptions(error, server, { ...details, attempts: context.attempts ?? 1 }),
      );
    case "40001":
      return LinliError.from(
        postgresErrors,
        "POSTGRES_SERIALIZATION_FAILURE",
        { attempts: context.attempts ?? 1 },
        storageFailureOptions(error, server, { ...details, attempts: context.attempts ?? 1 }),
      );
    case "55P03":
      return LinliError.from(
        postgresErrors,
        "POSTGRES_LOCK_TIMEOUT",
        { timeoutMs: context.lockTimeoutMs },
        storageFailureOptions(error, server, { ...details, timeoutMs: context.lockTimeoutMs }),
      );
    case "42501":
      return LinliError.from(postgresErrors, "POSTGRES_PERMISSION_DENIED", { reason }, options);
    case "57P01":
    case "57P02":
      return LinliError.from(
        postgresErrors,
        "POSTGRES_CONNECTION_LOST",
        { target: context.target, reason },
        options,
      );
    case "25P02":
      return LinliError.from(
        coreErrors,
        "STORAGE_ERROR",
        {
          reason: "an earlier statement of this transaction failed, so PostgreSQL refuses further statements",
        },
        options,
      );
    default:
      break;
  }
  if (isConnectFailure(error))
    return LinliError.from(
      postgresErrors,
      "POSTGRES_CONNECTION_FAILED",
      { target: context.target, reason },
      options,
    );
  if (state === undefined && /Connection terminated|not queryable|ECONNRESET|EPIPE/i.test(reason))
    return LinliError.from(
      postgresErrors,
      "POSTGRES_CONNECTION_LOST",
      { target: context.target, reason },
      options,
    );
  return LinliError.from(coreErrors, "STORAGE_ERROR", { reason }, options);
}

/** A failure to check out a connection: always `POSTGRES_CONNECTION_FAILED`, with pg's reason. */
export function connectFailure(error: unknown, context: FailureContext): LinliError {
  if (error instanceof LinliError) return error;
  return LinliError.from(
    postgresErrors,
    "POSTGRES_CONNECTION_FAILED",
    { target: context.target, reason: reasonOf(error) },
    storageFailureOptions(
      error,
      { target: context.target, schema: context.schema },
      { sqlState: sqlState(error) ?? null },
    ),
  );
}

/** `DUPLICATE` for a row that `INSERT … ON CONFLICT DO NOTHING` did not insert. */
export function duplicate(context: FailureContext): LinliError {
  return LinliError.from(
    coreErrors,
    "DUPLICATE",
    { model: context.model ?? "row", id: context.id ?? "" },
    { details: { sqlState: null }, internal: { target: context.target, schema: context.schema } },
  );
}

/**
 * A failure of `COMMIT` itself. A server error (SQLSTATE) means the server refused and
 * rolled back; a lost connection leaves the outcome unknown (`POSTGRES_COMMIT_UNCERTAIN`),
 * since the server may have committed before the answer was lost.
 */
export function commitFailure(error: unknown, context: FailureContext): LinliError {
  if (error instanceof LinliError || sqlState(error) !== undefined) return toLinliError(error, context);
  return LinliError.from(
    postgresErrors,
    "POSTGRES_COMMIT_UNCERTAIN",
    { target: context.target, reason: reasonOf(error) },
    storageFailureOptions(error, { target: context.target, schema: context.schema }, { sqlState: null }),
  );
}
