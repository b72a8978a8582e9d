import {
  type AdapterTransaction,
  coreErrors,
  type FindManyOptions,
  LinliError,
  type StoredRow,
  type WhereClause,
} from "@linli/core";
import type { Database, Statement } from "better-sqlite3";
import { type ColumnsMaker, columnsMaker, tooBigForColumns } from "./columnar-read";
import { quoteIdentifier } from "./sql-identifier";
import { type FailureContext, toLinliError } from "./sqlite-failure";
import type { TableLayout } from "./table-layout";
import { type CompiledFindMany, compileFindMany, compileWhere, type SqlValue, sqlValue } from "./where-sql";
import { type RowMaker, rowMaker } from "./row-maker";

/** What a transaction needs from its storage. */
export interface TransactionScope {
  /** The connection the transaction runs on. */
  readonly db: Database;
  readonly layouts: ReadonlyMap<string, TableLayout>;
  readonly failure: FailureContext;
  /** The prepared statements of a table on this connection, by shape. */
  statements(layout: TableLayout): Map<string, Statement>;
  /**
   * The fewest rows a columnar shape's previous read must have returned for its next read to
   * be columnar (see {@link COLUMNAR_MIN_ROWS}, the default); 0 reads every eligible shape by
   * columns, its first read included (tests).
   */
  readonly columnarMinRows?: number;
}

/** Most distinct statement shapes kept per table; beyond it the cache starts over. */
const MAX_STATEMENTS_PER_TABLE = 256;

function cached(
  scope: TransactionScope,
  layout: TableLayout,
  key: string,
  sql: () => string,
  prepared?: (statement: Statement) => void,
): Statement {
  const statements = scope.statements(layout);
  let statement = statements.get(key);
  if (statement === undefined) {
    if (statements.size >= MAX_STATEMENTS_PER_TABLE) statements.clear();
    statement = scope.db.prepare(sql());
    prepared?.(statement);
    statements.set(key, statement);
  }
  return statement;
}

/** The row maker of each raw-mode statement, built once from its column names. */
const rowMakers = new WeakMap<Statement, RowMaker>();

/**
 * Puts a `findMany` statement in raw mode: better-sqlite3 then returns each row as an array,
 * and {@link objects} names its values in JavaScript, which costs about half of letting the
 * driver build an object per row (measured on 737 rows of 11 columns: 2.1 ms against 1.2 ms).
 */
function rawRows(statement: Statement): void {
  statement.raw(true);
  rowMakers.set(statement, rowMaker(statement.columns().map((c) => c.name)));
}

/** The rows of a raw-mode statement as objects keyed by their column names (the fields). */
function objects(statement: Statement, rows: readonly unknown[][]): StoredRow[] {
  const make = rowMakers.get(statement) ?? rowMaker([]);
  const out: StoredRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = make(rows[i]!);
  return out;
}

/** The rows maker of each columnar statement, built once from its column names (the fields). */
const columnsMakers = new WeakMap<Statement, ColumnsMaker>();

/** Puts a columnar statement (`columnar-read.ts`) in raw mode and builds its rows maker. */
function rawColumns(statement: Statement): void {
  statement.raw(true);
  columnsMakers.set(statement, columnsMaker(statement.columns().map((c) => c.name)));
}

/**
 * How many rows the last read of each columnar statement returned. A columnar read costs
 * about 1.5 µs more than the row path for a read of no row (the aggregate and one
 * `JSON.parse` per column) and less from about eight rows on (761 rows: 281 µs against
 * 495 µs); so a shape is read by columns only when its previous read returned at least
 * {@link COLUMNAR_MIN_ROWS} rows, and by rows otherwise (its first read included). Both paths
 * return the same rows, so the choice changes only the time.
 */
const lastRows = new WeakMap<Statement, number>();

/** The fewest rows of a shape's previous read for its next read to be columnar. */
const COLUMNAR_MIN_ROWS = 8;

/** The rows of a columnar statement: its one row of JSON arrays, parsed and turned into rows. */
function columnRows(statement: Statement, params: SqlValue[]): StoredRow[] {
  const texts = statement.get(params) as string[];
  const columns: unknown[][] = new Array(texts.length);
  for (let j = 0; j < texts.length; j++) columns[j] = JSON.parse(texts[j]!) as unknown[];
  return (columnsMakers.get(statement) ?? columnsMaker([]))(columns);
}

/**
 * The operations of one SQLite transaction. Synchronous underneath (better-sqlite3); async
 * only to fit the contract. Usable only while its transaction is open: a reference kept
 * after commit or rollback throws `TRANSACTION_FINISHED` instead of running outside any
 * transaction. A read-only transaction refuses `create`, `update`, `delete` and `lock` with
 * `READ_ONLY_TRANSACTION` before any SQL runs.
 */
export class SqliteTransaction implements AdapterTransaction {
  private open = true;

  constructor(
    private readonly scope: TransactionScope,
    private readonly readOnly = false,
  ) {}

  /** Ends the transaction's lifetime; later calls throw. */
  end(): void {
    this.open = false;
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
      throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: `unknown model ${model} (not set up)` });
    return layout;
  }

  private fail(error: unknown, model: string, id?: string): unknown {
    return toLinliError(error, { ...this.scope.failure, model, ...(id === undefined ? {} : { id }) });
  }

  async create(model: string, row: StoredRow): Promise<StoredRow> {
    this.writable("create", model);
    const layout = this.layout(model);
    const fields = Object.keys(row);
    const key = `c:${fields.join(",")}`;
    const statement = cached(this.scope, layout, key, () => {
      const columns = fields.map((f) => {
        const c = layout.byField.get(f);
        if (!c)
          throw LinliError.from(coreErrors, "STORAGE_ERROR", {
            reason: `unknown field ${f} of model ${model}`,
          });
        return quoteIdentifier(c.column);
      });
      return `INSERT INTO ${layout.table} (${columns.join(", ")}) VALUES (${fields.map(() => "?").join(", ")})`;
    });
    const values: SqlValue[] = new Array(fields.length);
    for (let i = 0; i < fields.length; i++) values[i] = sqlValue(row[fields[i]!]);
    try {
      statement.run(values);
    } catch (error) {
      throw this.fail(error, model, String(row.id));
    }
    return { ...row };
  }

  async findOne(model: string, where: readonly WhereClause[]): Promise<StoredRow | null> {
    const layout = this.layout(model);
    const w = compileWhere(layout, where);
    const statement = cached(
      this.scope,
      layout,
      `1:${w.key}`,
      () => `SELECT ${layout.selectList} FROM ${layout.table} WHERE ${w.sql()} LIMIT 1`,
    );
    try {
      return (statement.get(w.params) as StoredRow | undefined) ?? null;
    } catch (error) {
      throw this.fail(error, model);
    }
  }

  async findMany(model: string, options: FindManyOptions): Promise<StoredRow[]> {
    const layout = this.layout(model);
    const query = compileFindMany(layout, options);
    if (!query.columnar) return this.readRows(layout, model, query, options);
    const columnar = cached(this.scope, layout, query.key, () => query.sql(), rawColumns);
    if ((lastRows.get(columnar) ?? 0) >= (this.scope.columnarMinRows ?? COLUMNAR_MIN_ROWS)) {
      try {
        const rows = columnRows(columnar, query.params);
        lastRows.set(columnar, rows.length);
        return rows;
      } catch (error) {
        if (!tooBigForColumns(error)) throw this.fail(error, model);
      }
    }
    const rows = this.readRows(layout, model, query.rows(), options);
    lastRows.set(columnar, rows.length);
    return rows;
  }

  /** A `findMany` on the row path: one result row per matching row. */
  private readRows(
    layout: TableLayout,
    model: string,
    query: CompiledFindMany,
    options: FindManyOptions,
  ): StoredRow[] {
    const statement = cached(this.scope, layout, query.key, () => query.sql(), rawRows);
    try {
      const rows = statement.all(query.params) as unknown[][];
      if (options.select?.length === 0) return rows.map(() => ({}));
      return objects(statement, rows);
    } catch (error) {
      throw this.fail(error, model);
    }
  }

  async update(model: string, where: readonly WhereClause[], patch: StoredRow): Promise<number> {
    this.writable("update", model);
    const layout = this.layout(model);
    const fields = Object.keys(patch).filter((f) => f !== "id" && f !== "communityId");
    const w = compileWhere(layout, where);
    if (fields.length === 0) return this.count(model, where);
    const statement = cached(this.scope, layout, `u:${fields.join(",")}|${w.key}`, () => {
      const sets = fields.map((f) => {
        const c = layout.byField.get(f);
        if (!c)
          throw LinliError.from(coreErrors, "STORAGE_ERROR", {
            reason: `unknown field ${f} of model ${model}`,
          });
        return `${quoteIdentifier(c.column)} = ?`;
      });
      return `UPDATE ${layout.table} SET ${sets.join(", ")} WHERE ${w.sql()}`;
    });
    const params: SqlValue[] = fields.map((f) => sqlValue(patch[f]));
    params.push(...w.params);
    try {
      return statement.run(params).changes;
    } catch (error) {
      throw this.fail(error, model);
    }
  }

  async delete(model: string, where: readonly WhereClause[]): Promise<number> {
    this.writable("delete", model);
    const layout = this.layout(model);
    const w = compileWhere(layout, where);
    const statement = cached(
      this.scope,
      layout,
      `d:${w.key}`,
      () => `DELETE FROM ${layout.table} WHERE ${w.sql()}`,
    );
    try {
      return statement.run(w.params).changes;
    } catch (error) {
      throw this.fail(error, model);
    }
  }

  async count(model: string, where: readonly WhereClause[]): Promise<number> {
    const layout = this.layout(model);
    const w = compileWhere(layout, where);
    const statement = cached(
      this.scope,
      layout,
      `n:${w.key}`,
      () => `SELECT count(*) FROM ${layout.table} WHERE ${w.sql()}`,
    );
    try {
      return statement.pluck().get(w.params) as number;
    } catch (error) {
      throw this.fail(error, model);
    }
  }

  /**
   * A no-op that keeps the contract's guarantee: every write transaction of this adapter
   * starts with `BEGIN IMMEDIATE`, which takes SQLite's single write lock for the whole
   * transaction (other processes wait for it up to the busy timeout), and transactions of
   * one process are queued. So no two write transactions ever overlap, whatever their keys, and
   * each reads a snapshot that includes every earlier commit. Refused in a read-only
   * transaction (which holds no write lock).
   */
  async lock(key: string): Promise<void> {
    this.writable("lock", key);
  }
}
