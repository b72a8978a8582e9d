import { LinliError, validate } from "@linli/core";
import type { Pool } from "pg";
import * as z from "zod";
import { postgresErrors } from "./postgres-errors";

/** Options of {@link postgresStorage}: give either `connectionString` or `pool`. */
export interface PostgresStorageOptions {
  /**
   * A PostgreSQL connection URL, e.g. `postgres://linli@db.example:5432/linli`. The adapter
   * creates its own `pg.Pool` and ends it on `close()`.
   */
  readonly connectionString?: string;
  /**
   * A `pg.Pool` you own (shared with the rest of your app). The adapter checks clients out of
   * it but never ends it: `close()` leaves it open.
   */
  readonly pool?: Pool;
  /**
   * Where read-only transactions (the kernel's queries) run: a connection URL of a replica
   * (the adapter creates its own pool of `max` connections and ends it on `close()`), or a
   * `pg.Pool` you own. Writes, locks and `setup` always use the primary (`connectionString` /
   * `pool`). A replica may lag behind the primary: a query right after a command may not see
   * it yet. Unset: read-only transactions use the primary's pool too.
   */
  readonly readPool?: string | Pool;
  /**
   * The schema holding linli's tables; created by `setup` if missing. Lowercase letters,
   * digits and `_`, starting with a letter or `_`, at most 63 characters, not `pg_…`.
   * @default "linli"
   */
  readonly schema?: string;
  /** Most connections of the adapter's own pool (ignored with `pool`). @default 10 */
  readonly max?: number;
  /**
   * How long to wait for a new connection (server unreachable, pool exhausted) before failing
   * with `POSTGRES_CONNECTION_FAILED`.
   * @default 10000
   */
  readonly connectionTimeoutMs?: number;
  /**
   * How long a statement waits for a lock (a `lock` key held by another transaction, a row
   * being written) before the transaction fails with `POSTGRES_LOCK_TIMEOUT`. 0 waits forever.
   * @default 30000
   */
  readonly lockTimeoutMs?: number;
  /**
   * How many more times a whole transaction is run when PostgreSQL aborts it to break a
   * deadlock (SQLSTATE 40P01) or a serialization failure (40001). The function given to
   * `transaction` may then run more than once: keep it free of effects outside the
   * transaction. 0 surfaces the first failure as `POSTGRES_DEADLOCK` /
   * `POSTGRES_SERIALIZATION_FAILURE`.
   * @default 2
   */
  readonly retries?: number;
  /** `application_name` of the adapter's own connections, shown in `pg_stat_activity`. @default "linli" */
  readonly applicationName?: string;
  /** Adapter id in errors and logs. @default "postgres" */
  readonly id?: string;
}

/** {@link PostgresStorageOptions} with defaults applied (exactly one of `connectionString` and `pool` is set). */
export interface ResolvedPostgresOptions
  extends Required<Omit<PostgresStorageOptions, "connectionString" | "pool" | "readPool">> {
  readonly connectionString: string | undefined;
  readonly pool: Pool | undefined;
  readonly readPool: string | Pool | undefined;
}

const isPool = (value: unknown): value is Pool =>
  typeof value === "object" &&
  value !== null &&
  typeof (value as Pool).connect === "function" &&
  typeof (value as Pool).query === "function";

/** The zod schema of {@link PostgresStorageOptions}. */
export const postgresStorageOptionsSchema = z
  .object({
    connectionString: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
      .optional(),
    pool: z.custom<Pool>(isPool, "must be a pg.Pool").optional(),
    readPool: z
      .union([
        z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL"),
        z.custom<Pool>(isPool, "must be a pg.Pool"),
      ])
      .optional(),
    schema: z
      .string()
      .regex(
        /^[a-z_][a-z0-9_]{0,62}$/,
        "lowercase letters, digits and _, starting with a letter or _, at most 63",
      )
      .refine((s) => !s.startsWith("pg_"), "names starting with pg_ are reserved by PostgreSQL")
      .default("linli"),
    max: z.number().int().min(1).max(1000).default(10),
    connectionTimeoutMs: z.number().int().min(1).max(600_000).default(10_000),
    lockTimeoutMs: z.number().int().min(0).max(3_600_000).default(30_000),
    retries: z.number().int().min(0).max(10).default(2),
    applicationName: z.string().min(1).max(63).default("linli"),
    id: z.string().min(1).default("postgres"),
  })
  .strict()
  .refine((o) => (o.connectionString === undefined) !== (o.pool === undefined), {
    message: "give exactly one of connectionString and pool",
    path: ["connectionString"],
  });

/**
 * Validates options and applies defaults. Throws `POSTGRES_OPTIONS_INVALID` listing every
 * problem; nothing is connected or created.
 */
export function resolvePostgresOptions(options: unknown): ResolvedPostgresOptions {
  const result = validate(postgresStorageOptionsSchema, options);
  if (result.ok) {
    const v = result.value;
    return { ...v, connectionString: v.connectionString, pool: v.pool, readPool: v.readPool };
  }
  const summary = result.problems.map((p) => `${p.path || "options"}: ${p.message.en}`).join("; ");
  throw LinliError.from(
    postgresErrors,
    "POSTGRES_OPTIONS_INVALID",
    { summary },
    { details: { problems: result.problems } },
  );
}

/** The server and database of a connection, for messages: never the user's password. */
export function describeTarget(options: ResolvedPostgresOptions): string {
  if (!options.connectionString) return "(the given pool)";
  try {
    const url = new URL(options.connectionString);
    return `${url.hostname || "localhost"}:${url.port || "5432"}${url.pathname || "/"}`;
  } catch {
    return "(unparsable connection string)";
  }
}
