import {
  type AdapterTransaction,
  coreErrors,
  LinliError,
  type ModelDef,
  type StorageAdapter,
  type TransactionOptions,
} from "@linli/core";
import pg from "pg";
import { setupModels } from "./model-setup";
import { postgresErrors } from "./postgres-errors";
import {
  commitFailure,
  connectFailure,
  type FailureContext,
  isRetryable,
  isStaleConnection,
  toLinliError,
} from "./postgres-failure";
import { describeTarget, type PostgresStorageOptions, resolvePostgresOptions } from "./postgres-options";
import { namedStatement, PostgresTransaction, type TransactionScope } from "./postgres-transaction";
import type { TableLayout } from "./table-layout";

/** The PostgreSQL adapter: a `StorageAdapter` of `@linli/core` plus what a server offers. */
export interface PostgresStorage extends StorageAdapter {
  /** The schema holding linli's tables. */
  readonly schema: string;
  /** The pool the adapter checks connections out of (its own, or the one given). */
  readonly pool: pg.Pool;
  /** The pool of read-only transactions (option `readPool`), or undefined when they use `pool`. */
  readonly readPool: pg.Pool | undefined;
  /**
   * The adapter's schema version before the last `setup` migrated it (0 for a new schema),
   * or undefined before the first `setup`.
   */
  readonly migratedFrom: number | undefined;
}

/** What a `setup` produced: the layouts by model name and the schema version found. */
type SetupDone = Awaited<ReturnType<typeof setupModels>>;

/**
 * Setups already done on a pool given by the caller, by schema and models: the many
 * communities of one process share one pool and one schema, and the second community with
 * the same plugins reuses the first one's setup (and its table layouts and statement cache)
 * instead of checking every table again.
 */
const sharedSetups = new WeakMap<pg.Pool, Map<string, Promise<SetupDone>>>();
const modelIds = new WeakMap<ModelDef, number>();
let nextModelId = 0;
/** A key naming exactly these model definitions (by identity) in this schema. */
function setupKey(schema: string, models: readonly ModelDef[]): string {
  const ids = models.map((m) => {
    let id = modelIds.get(m);
    if (id === undefined) {
      id = ++nextModelId;
      modelIds.set(m, id);
    }
    return id;
  });
  return `${schema}|${ids.join(",")}`;
}

const LOCK_SQL = "SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))";

/**
 * The server storage of linli: tables in one schema of a PostgreSQL database, through a
 * `pg.Pool`.
 *
 * - **Parallel and safe.** Each `transaction` checks out its own connection and runs in
 *   READ COMMITTED, so transactions really run in parallel (across connections and
 *   processes). `lock(key)` is a transaction-scoped advisory lock
 *   (`pg_advisory_xact_lock`), which keeps every capacity check exact under any
 *   concurrency. A statement waiting for a lock longer than `lockTimeoutMs` fails with
 *   `POSTGRES_LOCK_TIMEOUT`, never hangs.
 * - **Few round trips.** A transaction's connection runs in pg's pipeline mode while the
 *   transaction holds it: `BEGIN` and each `lock` travel with the next statement instead of
 *   waiting for an answer of their own, and a command's outbox events are numbered and
 *   inserted in one statement (`appendSequenced`). One `booking.book` takes 7 round trips.
 * - **Read-only transactions.** `{ readOnly: true }` (the kernel's queries) begins
 *   `ISOLATION LEVEL REPEATABLE READ READ ONLY`: every read of the transaction sees one
 *   snapshot, taken at its first statement, and it takes no lock a writer waits for. Its
 *   writes and `lock` are refused with `READ_ONLY_TRANSACTION` before reaching the server
 *   (which would refuse the writes too: SQLSTATE 25006 maps to the same code).
 * - **Deadlocks.** Locks taken in different orders by two transactions can deadlock;
 *   PostgreSQL detects it (after `deadlock_timeout`, 1 s by default) and aborts one of them.
 *   The aborted transaction (and one aborted by a serialization failure) is run again from
 *   the start, up to `retries` more times; after that it fails with `POSTGRES_DEADLOCK` /
 *   `POSTGRES_SERIALIZATION_FAILURE`. So the function given to `transaction` may run more
 *   than once: keep it free of effects outside the transaction.
 * - **Tables from models.** `setup` creates the schema and one table per model, columns in
 *   snake_case, primary key `(community_id, id)`, every declared index led by
 *   `community_id`. Text is `text COLLATE "C"` (code-point order, as in JavaScript),
 *   integers `bigint`, numbers `double precision`, dates `timestamptz`, JSON `jsonb`.
 * - **Migrations.** The adapter's own structure is versioned in `<schema>.linli_meta`; a
 *   schema written by a newer release is refused with `POSTGRES_SCHEMA_TOO_NEW` and left
 *   unchanged. `setup` runs in one transaction under an advisory lock, so processes starting
 *   together set up one after the other; it adds nullable columns for new fields and refuses
 *   type changes with `POSTGRES_MODEL_CONFLICT`.
 *
 * Creating the adapter validates the options (`POSTGRES_OPTIONS_INVALID`) but does not
 * connect; `setup` is the first call that reaches the server. An unreachable server fails
 * with `POSTGRES_CONNECTION_FAILED` after at most `connectionTimeoutMs`.
 *
 * @example
 * ```ts
 * import { createCommunity } from "@linli/core";
 * import { postgresStorage } from "@linli/storage-postgres";
 *
 * const storage = postgresStorage({ connectionString: process.env.DATABASE_URL, schema: "wangjialong" });
 * const community = await createCommunity({ config, storage });
 * ```
 */
export function postgresStorage(options: PostgresStorageOptions): PostgresStorage {
  const resolved = resolvePostgresOptions(options);
  const { schema, retries, lockTimeoutMs } = resolved;
  const ownPool = resolved.pool === undefined;
  const pool =
    resolved.pool ??
    new pg.Pool({
      connectionString: resolved.connectionString,
      max: resolved.max,
      connectionTimeoutMillis: resolved.connectionTimeoutMs,
      application_name: resolved.applicationName,
    });
  // An idle connection that breaks (a server restart) is dropped by the pool; the error
  // reaches whoever uses the pool next, so it needs no handler of its own here.
  if (ownPool) pool.on("error", () => undefined);
  const ownReadPool = typeof resolved.readPool === "string";
  const readPool =
    typeof resolved.readPool === "string"
      ? new pg.Pool({
          connectionString: resolved.readPool,
          max: resolved.max,
          connectionTimeoutMillis: resolved.connectionTimeoutMs,
          application_name: resolved.applicationName,
        })
      : resolved.readPool;
  if (ownReadPool) readPool?.on("error", () => undefined);
  /** Most pooled connections a restarted server can have left dead in a pool (see `open`). */
  const staleLimit = (p: pg.Pool) => (p.options.max ?? resolved.max) + 1;
  const failure: FailureContext = { target: describeTarget(resolved), schema, lockTimeoutMs };
  const layouts = new Map<string, TableLayout>();
  const scope: TransactionScope = { layouts, failure, lockStatement: namedStatement(LOCK_SQL) };
  const withLockTimeout = (begin: string) =>
    lockTimeoutMs > 0 ? `${begin}; SET LOCAL lock_timeout = ${lockTimeoutMs}` : begin;
  const begin = withLockTimeout("BEGIN ISOLATION LEVEL READ COMMITTED");
  const beginReadOnly = withLockTimeout("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
  let closed = false;
  let migratedFrom: number | undefined;

  const assertOpen = () => {
    if (closed) throw LinliError.from(postgresErrors, "POSTGRES_CLOSED", { schema });
  };
  /**
   * Checks a connection out of the pool with an error listener attached: a connection that
   * breaks while checked out (the server restarts between two statements) emits `error`,
   * which would otherwise crash the process. The failure is recorded and reaches the caller
   * through the next statement; `done` releases the connection (destroying a broken one).
   */
  const checkout = async (
    from = pool,
    pipelined = false,
  ): Promise<{ client: pg.PoolClient; done(error?: Error): void }> => {
    assertOpen();
    let client: pg.PoolClient;
    try {
      client = await from.connect();
    } catch (error) {
      throw connectFailure(error, failure);
    }
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken ??= error;
    };
    client.on("error", onError);
    // pg's pipeline mode (a property of the client, read at each query): for the transaction's
    // lifetime only, so a pool shared with the app gets its connections back as they were.
    const modes = client as { pipeline: boolean };
    const wasPipelined = modes.pipeline;
    if (pipelined) modes.pipeline = true;
    return {
      client,
      done(error) {
        client.off("error", onError);
        modes.pipeline = wasPipelined;
        client.release(error ?? broken);
      },
    };
  };
  /** Rolls back; returns the error that makes the connection unusable, if any. */
  const rollback = async (client: pg.PoolClient): Promise<Error | undefined> => {
    try {
      await client.query("ROLLBACK");
      return undefined;
    } catch (error) {
      return error instanceof Error ? error : new Error(String(error));
    }
  };
  /**
   * Checks out a connection and begins a transaction on it. A pooled connection that the
   * server closed (a restart) while it sat idle fails at `BEGIN`, before anything of the
   * transaction was sent: it is destroyed and the transaction begins on another connection
   * (a new one once the dead ones are gone), instead of failing the caller with
   * `POSTGRES_CONNECTION_LOST`. Idle connections normally notice the close themselves, but not
   * while the event loop is busy when it happens.
   */
  const open = async (from: pg.Pool, sql: string) => {
    for (let attempt = 1; ; attempt++) {
      const checkedOut = await checkout(from);
      try {
        await checkedOut.client.query(sql);
        return checkedOut;
      } catch (error) {
        const broken = error instanceof Error ? error : new Error(String(error));
        checkedOut.done(broken);
        if (isStaleConnection(error) && attempt < staleLimit(from)) continue;
        throw toLinliError(error, failure);
      }
    }
  };
  const exhausted = (error: unknown, attempts: number): unknown => {
    if (!isRetryable(error)) return error;
    const cause = error instanceof LinliError ? (error.cause ?? error) : error;
    return toLinliError(cause, { ...failure, attempts });
  };

  return {
    id: resolved.id,
    capabilities: {
      dates: "native",
      json: true,
      booleans: true,
      multiProcess: true,
      durable: true,
      // pg parses every result anew: its Dates and JSON values belong to the caller.
      freshValues: true,
    },
    schema,
    pool,
    readPool,
    get migratedFrom() {
      return migratedFrom;
    },
    async setup(models) {
      assertOpen();
      const run = async (): Promise<SetupDone> => {
        const { client, done: release } = await open(pool, "BEGIN");
        let broken: Error | undefined;
        try {
          const done = await setupModels(client, schema, models);
          await client.query("COMMIT");
          return done;
        } catch (error) {
          broken = await rollback(client);
          throw toLinliError(error, failure);
        } finally {
          release(broken);
        }
      };
      let done: SetupDone;
      if (ownPool) done = await run();
      else {
        const setups = sharedSetups.get(pool) ?? new Map<string, Promise<SetupDone>>();
        sharedSetups.set(pool, setups);
        const key = setupKey(schema, models);
        let pending = setups.get(key);
        if (!pending) {
          pending = run();
          setups.set(key, pending);
          pending.catch(() => setups.delete(key));
        }
        done = await pending;
      }
      for (const [name, layout] of done.layouts) layouts.set(name, layout);
      migratedFrom = done.migratedFrom;
    },
    async transaction<T>(fn: (tx: AdapterTransaction) => Promise<T>, options?: TransactionOptions) {
      const readOnly = options?.readOnly === true;
      const from = readOnly ? (readPool ?? pool) : pool;
      let stale = 0;
      for (let attempt = 1; ; attempt++) {
        const { client, done: release } = await checkout(from, true);
        let broken: Error | undefined;
        const tx = new PostgresTransaction(client, scope, readOnly);
        // BEGIN travels with the first statement (pipeline mode, see PostgresTransaction).
        tx.begin(readOnly ? beginReadOnly : begin);
        /**
         * True when BEGIN failed because the pooled connection was dead (the server closed it
         * while it sat idle): nothing of the transaction reached the server, so it runs again
         * on another connection (a new one once the dead ones are gone), as before its first
         * statement. Idle connections normally notice the close themselves, but not while the
         * event loop is busy when it happens.
         */
        const beganOnDeadConnection = async () => {
          await tx.settle();
          const error = tx.beginError;
          if (error === undefined) return false;
          broken = error instanceof Error ? error : new Error(String(error));
          if (isStaleConnection(error) && ++stale < staleLimit(from)) return true;
          throw toLinliError(error, failure);
        };
        try {
          let result: T;
          try {
            result = await fn(tx);
          } catch (error) {
            tx.end();
            if (await beganOnDeadConnection()) {
              attempt--;
              continue;
            }
            broken = await rollback(client);
            if (isRetryable(error) && attempt <= retries) continue;
            throw exhausted(error, attempt);
          }
          tx.end();
          let committed: pg.QueryResult;
          let lockFailure: { error: unknown } | undefined;
          try {
            const commit = client.query("COMMIT");
            // Locks sent after the last statement travel with COMMIT.
            lockFailure = await tx.settle();
            if (tx.beginError !== undefined) {
              await commit.catch(() => undefined);
              if (await beganOnDeadConnection()) {
                attempt--;
                continue;
              }
            }
            committed = await commit;
          } catch (error) {
            broken = await rollback(client);
            if (isRetryable(error) && attempt <= retries) continue;
            throw commitFailure(error, { ...failure, attempts: attempt });
          }
          if (lockFailure !== undefined) {
            // A lock taken after the transaction's last statement failed: PostgreSQL rolled it
            // back (COMMIT answered ROLLBACK), so it is retried or failed as a failed statement.
            if (isRetryable(lockFailure.error) && attempt <= retries) continue;
            throw exhausted(toLinliError(lockFailure.error, failure), attempt);
          }
          // COMMIT of a transaction in which a statement failed (and the caller caught the
          // error) answers ROLLBACK: nothing was written, so this must not look like success.
          if (committed.command === "ROLLBACK")
            throw LinliError.from(coreErrors, "STORAGE_ERROR", {
              reason:
                "a statement of the transaction failed, so PostgreSQL rolled it back; nothing was written",
            });
          return result;
        } finally {
          release(broken);
        }
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      if (ownPool) await pool.end();
      if (ownReadPool) await readPool?.end();
    },
  };
}
