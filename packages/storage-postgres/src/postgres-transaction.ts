import {
  type AdapterTransaction,
  coreErrors,
  type FindManyOptions,
  LinliError,
  type StoredRow,
  type WhereClause,
} from "@linli/core";
import pg from "pg";
import { postgresErrors } from "./postgres-errors";
import { duplicate, type FailureContext, toLinliError } from "./postgres-failure";
import { shortHash } from "./sql-identifier";
import type { CachedStatement, TableLayout } from "./table-layout";
import { columnOf, compileFindMany, compileWhere, pgValue } from "./where-sql";

/**
 * Type parsers of every query: `bigint` (integer fields, `count(*)`) as a JavaScript number
 * rather than pg's default string. Safe: linli only stores safe integers. Given per query,
 * so a pool shared with the app keeps its own parsers.
 */
export const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** What a transaction needs from its storage. */
export interface TransactionScope {
  /** Table layouts by model name, filled by `setup`. */
  readonly layouts: ReadonlyMap<string, TableLayout>;
  /** Where the storage is, for error messages. */
  readonly failure: FailureContext;
  /** The lock statement, prepared under one name per schema. */
  readonly lockStatement: CachedStatement;
}

/** Most rows of one `appendSequenced` statement (a longer append takes several). */
const APPEND_CHUNK = 50;

/** Most distinct statement shapes kept per table; beyond it the cache starts over. */
const MAX_STATEMENTS_PER_TABLE = 256;

/** A statement by its SQL text, named by a hash of it (prepared once per connection by pg). */
export function namedStatement(text: string): CachedStatement {
  return { name: `linli_${shortHash(text, 24)}`, text };
}

function cached(layout: TableLayout, key: string, sql: () => string): CachedStatement {
  let statement = layout.statements.get(key);
  if (statement === undefined) {
    if (layout.statements.size >= MAX_STATEMENTS_PER_TABLE) layout.statements.clear();
    statement = namedStatement(sql());
    layout.statements.set(key, statement);
  }
  return statement;
}

/**
 * The operations of one PostgreSQL transaction, on the connection that holds it. Usable only
 * while its transaction is open: a reference kept after commit or rollback throws
 * `TRANSACTION_FINISHED` instead of running outside any transaction (or inside the next
 * transaction on the same connection). A read-only transaction refuses `create`, `update`,
 * `delete` and `lock` with `READ_ONLY_TRANSACTION` before sending anything, so the
 * transaction is not aborted and stays usable for reads; the server, which runs it
 * `READ ONLY`, would refuse such a write too (also mapped to `READ_ONLY_TRANSACTION`).
 *
 * **Fewer round trips.** The connection is in pg's pipeline mode for the transaction's
 * lifetime: statements whose answer nobody needs yet (`BEGIN`, the advisory locks) are sent
 * without waiting for it, and travel to the server together with the next statement, which
 * the server runs after them, in order, each with its own snapshot. Their outcome is checked
 * before the next operation returns: a lock that timed out or deadlocked fails that
 * operation (or the commit) with its own error.
 */
export class PostgresTransaction implements AdapterTransaction {
  private open = true;
  /**
   * What the deferred statements left, in one object that a wrapper built with
   * `Object.create(tx)` shares with the transaction: the statements sent whose outcome no
   * operation has checked yet (in the order sent), the first failure among them not yet
   * reported, and the failure of the deferred `BEGIN` (the transaction never started).
   */
  private readonly pending: {
    sent: Promise<unknown>[];
    failure: { error: unknown } | undefined;
    begin: { error: unknown } | undefined;
  } = { sent: [], failure: undefined, begin: undefined };

  constructor(
    private readonly client: pg.ClientBase,
    private readonly scope: TransactionScope,
    private readonly readOnly = false,
  ) {}

  /**
   * Sends `BEGIN` (and the settings that go with it) without waiting for its answer: it
   * reaches the server with the transaction's first statement.
   */
  begin(sql: string): void {
    const sent = this.client.query(sql);
    this.defer(
      sent.catch((error: unknown) => {
        this.pending.begin ??= { error };
        throw error;
      }),
    );
  }

  /** The error of the deferred `BEGIN` once checked (see {@link settle}), if it failed. */
  get beginError(): unknown {
    return this.pending.begin?.error;
  }

  /** Ends the transaction's lifetime; later calls throw. */
  end(): void {
    this.open = false;
  }

  private defer(sent: Promise<unknown>): void {
    // Never an unhandled rejection: `settle` reads the outcome.
    sent.catch(() => undefined);
    this.pending.sent.push(sent);
  }

  /**
   * Waits for the deferred statements sent so far; returns the first failure among them not
   * yet reported (and forgets it: it is reported once).
   */
  async settle(): Promise<{ error: unknown } | undefined> {
    while (this.pending.sent.length > 0) {
      const batch = this.pending.sent.splice(0);
      for (const sent of batch) {
        try {
          await sent;
        } catch (error) {
          this.pending.failure ??= { error };
        }
      }
    }
    const failure = this.pending.failure;
    this.pending.failure = undefined;
    return failure;
  }

  /** Throws unless the transaction is open and may write. */
  private writable(operation: string, subject: string): void {
    if (!this.open) throw LinliError.from(coreErrors, "TRANSACTION_FINISHED");
    if (this.readOnly) throw LinliError.from(coreErrors, "READ_ONLY_TRANSACTION", { operation, subject });
  }

  private layout(model: string): TableLayout {
    if (!this.open) throw LinliError.from(coreErrors, "TRANSACTION_FINISHED");
    const layout = this.scope.layouts.get(model);
    if (!layout)
      throw LinliError.from(postgresErrors, "POSTGRES_NOT_SET_UP", {
        model,
        schema: this.scope.failure.schema,
      });
    return layout;
  }

  private async exec(
    statement: CachedStatement,
    values: unknown[],
    context: { model?: string; id?: string; operation?: string } = {},
  ) {
    const sent = this.client.query({ name: statement.name, text: statement.text, values, types: pgTypes });
    const earlier = this.pending.sent.length > 0 ? await this.settle() : undefined;
    try {
      const result = await sent;
      if (earlier) throw earlier.error;
      return result;
    } catch (error) {
      // A deferred statement (a lock) that failed aborted the transaction, so this statement
      // failed too: its own error would only say so. Report the lock's.
      throw toLinliError(earlier ? earlier.error : error, { ...this.scope.failure, ...context });
    }
  }

  async create(model: string, row: StoredRow): Promise<StoredRow> {
    this.writable("create", model);
    const layout = this.layout(model);
    const fields = Object.keys(row);
    const columns = fields.map((f) => columnOf(layout, f));
    const statement = cached(layout, `c:${fields.join(",")}`, () => {
      const names = columns.map((c) => c.quoted).join(", ");
      const params = columns.map((_, i) => `$${i + 1}`).join(", ");
      // DO NOTHING instead of an error: a duplicate is reported without aborting the
      // transaction, so the caller may go on (as with the other adapters).
      return `INSERT INTO ${layout.table} (${names}) VALUES (${params}) ON CONFLICT DO NOTHING`;
    });
    const values = columns.map((c, i) => pgValue(c, row[fields[i]!]));
    const result = await this.exec(statement, values, { model, id: String(row.id), operation: "create" });
    if (result.rowCount === 0) throw duplicate({ ...this.scope.failure, model, id: String(row.id) });
    return { ...row };
  }

  /**
   * Appends numbered rows (the outbox) in one statement per {@link APPEND_CHUNK} rows: the
   * greatest `field` of the community and the multi-row insert together,
   * `WITH s AS (SELECT coalesce(max(field), 0) …) INSERT … SELECT s.m + v.field … FROM s, (VALUES …) v`.
   * Run after the caller's lock (sent with it, see {@link lock}), its snapshot sees every row
   * earlier holders committed. A row refused as `create` would refuse it throws `DUPLICATE`.
   */
  async appendSequenced(model: string, field: string, rows: readonly StoredRow[]): Promise<number> {
    this.writable("create", model);
    const layout = this.layout(model);
    const seq = columnOf(layout, field);
    const communityId = rows[0]?.communityId;
    if (
      seq.kind !== "integer" ||
      typeof communityId !== "string" ||
      rows.some((r) => r.communityId !== communityId)
    )
      throw LinliError.from(coreErrors, "STORAGE_ERROR", {
        reason: `appendSequenced needs rows of one community and an integer field (${model}.${field})`,
      });
    let base: number | undefined;
    for (let from = 0; from < rows.length; from += APPEND_CHUNK) {
      const chunk = rows.slice(from, from + APPEND_CHUNK);
      const fields = [...new Set(chunk.flatMap((r) => Object.keys(r)))].filter((f) => f !== "communityId");
      const columns = fields.map((f) => columnOf(layout, f));
      const statement = cached(layout, `s:${field}|${fields.join(",")}|${chunk.length}`, () => {
        const k = columns.length;
        const tuples = chunk.map(
          (_, r) => `(${columns.map((c, i) => `$${2 + r * k + i}::${c.type}`).join(", ")})`,
        );
        const aliases = columns.map((_, i) => `v${i}`);
        const picks = columns.map((c, i) => (c === seq ? `s.m + v.v${i}` : `v.v${i}`));
        return (
          `WITH s AS (SELECT coalesce(max(${seq.quoted}), 0) AS m FROM ${layout.table} WHERE "community_id" = $1) ` +
          `INSERT INTO ${layout.table} ("community_id", ${columns.map((c) => c.quoted).join(", ")}) ` +
          `SELECT $1, ${picks.join(", ")} FROM s, (VALUES ${tuples.join(", ")}) AS v(${aliases.join(", ")}) ` +
          `ON CONFLICT DO NOTHING RETURNING "id", ${seq.quoted} AS "seq"`
        );
      });
      const values: unknown[] = [communityId];
      // A later chunk's `s.m` already counts the rows of the chunks before it.
      for (const row of chunk)
        for (const [i, c] of columns.entries())
          values.push(c === seq ? Number(row[fields[i]!]) - from : pgValue(c, row[fields[i]!]));
      const result = await this.exec(statement, values, { model, operation: "create" });
      if (result.rows.length < chunk.length) {
        const inserted = new Set(result.rows.map((r) => String(r.id)));
        const refused = chunk.find((r) => !inserted.has(String(r.id)));
        throw duplicate({ ...this.scope.failure, model, id: String(refused?.id ?? "") });
      }
      const first = Math.min(...result.rows.map((r) => Number(r.seq)));
      const firstRelative = Math.min(...chunk.map((r) => Number(r[field])));
      base ??= first - firstRelative;
    }
    return base ?? 0;
  }

  async findOne(model: string, where: readonly WhereClause[]): Promise<StoredRow | null> {
    const layout = this.layout(model);
    const w = compileWhere(layout, where);
    const statement = cached(
      layout,
      `1:${w.key}`,
      () => `SELECT ${layout.selectList} FROM ${layout.table} WHERE ${w.sql()} LIMIT 1`,
    );
    const result = await this.exec(statement, w.params, { model });
    return (result.rows[0] as StoredRow | undefined) ?? null;
  }

  async findMany(model: string, options: FindManyOptions): Promise<StoredRow[]> {
    const layout = this.layout(model);
    const query = compileFindMany(layout, options);
    const statement = cached(layout, query.key, query.sql);
    const result = await this.exec(statement, query.params, { model });
    if (options.select?.length === 0) return result.rows.map(() => ({}));
    return result.rows as StoredRow[];
  }

  async update(model: string, where: readonly WhereClause[], patch: StoredRow): Promise<number> {
    this.writable("update", model);
    const layout = this.layout(model);
    const fields = Object.keys(patch).filter((f) => f !== "id" && f !== "communityId");
    if (fields.length === 0) return this.count(model, where);
    const columns = fields.map((f) => columnOf(layout, f));
    const w = compileWhere(layout, where, fields.length + 1);
    const statement = cached(layout, `u:${fields.join(",")}|${w.key}`, () => {
      const sets = columns.map((c, i) => `${c.quoted} = $${i + 1}`);
      return `UPDATE ${layout.table} SET ${sets.join(", ")} WHERE ${w.sql()}`;
    });
    const values = columns.map((c, i) => pgValue(c, patch[fields[i]!]));
    const result = await this.exec(statement, [...values, ...w.params], { model, operation: "update" });
    return result.rowCount ?? 0;
  }

  async delete(model: string, where: readonly WhereClause[]): Promise<number> {
    this.writable("delete", model);
    const layout = this.layout(model);
    const w = compileWhere(layout, where);
    const statement = cached(layout, `d:${w.key}`, () => `DELETE FROM ${layout.table} WHERE ${w.sql()}`);
    const result = await this.exec(statement, w.params, { model, operation: "delete" });
    return result.rowCount ?? 0;
  }

  async count(model: string, where: readonly WhereClause[]): Promise<number> {
    const layout = this.layout(model);
    const w = compileWhere(layout, where);
    const statement = cached(
      layout,
      `n:${w.key}`,
      () => `SELECT count(*) AS n FROM ${layout.table} WHERE ${w.sql()}`,
    );
    const result = await this.exec(statement, w.params, { model });
    return Number(result.rows[0]?.n ?? 0);
  }

  /**
   * A transaction-scoped advisory lock: `pg_advisory_xact_lock(hashtextextended(key, 0))`,
   * with the key prefixed by the schema. PostgreSQL holds it until this transaction commits
   * or rolls back; another transaction locking the same key (on any connection, in any
   * process) waits until then. Transactions run in READ COMMITTED, where each statement
   * sees every transaction committed before it started, so every read after `lock`
   * resolves sees the writes of earlier holders. Two keys with the same 64-bit hash merely
   * wait for each other: never unsafe, only (very rarely) slower. Refused in a read-only
   * transaction, as the contract requires (PostgreSQL itself would allow the advisory lock).
   *
   * The lock statement is sent at once but not waited for: it reaches the server with the
   * transaction's next statement (or its commit), which the server runs only once the lock
   * is granted, with a snapshot taken after that. So every read and write the transaction
   * makes after `lock` runs under the lock, as the contract requires, without a round trip
   * of its own; a lock timeout or deadlock fails the next operation (or the commit).
   */
  async lock(key: string): Promise<void> {
    this.writable("lock", key);
    const { name, text } = this.scope.lockStatement;
    const values = [`${this.scope.failure.schema}:${key}`];
    this.defer(this.client.query({ name, text, values, types: pgTypes }));
  }
}
