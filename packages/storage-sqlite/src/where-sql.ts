import { coreErrors, type FindManyOptions, LinliError, type WhereClause } from "@linli/core";
import { columnarEligible, columnarSelectSql } from "./columnar-read";
import { quoteIdentifier } from "./sql-identifier";
import type { TableLayout } from "./table-layout";

/** A value SQLite can bind. */
export type SqlValue = string | number | bigint | null;

/** A where list compiled to SQL: the shape key (for the statement cache), the SQL and its parameters. */
export interface CompiledWhere {
  /** Identifies the SQL text: equal keys give equal SQL. */
  readonly key: string;
  /** Parameters in placeholder order. */
  readonly params: SqlValue[];
  /** Builds the SQL condition (only needed when the statement is not cached yet). */
  sql(): string;
}

/** Converts a stored value to a value SQLite binds (booleans as 0/1, dates as epoch ms). */
export function sqlValue(value: unknown): SqlValue {
  switch (typeof value) {
    case "string":
    case "number":
    case "bigint":
      return value;
    case "boolean":
      return value ? 1 : 0;
    default:
      if (value === null || value === undefined) return null;
      if (value instanceof Date) return value.getTime();
      return JSON.stringify(value);
  }
}

function columnOf(layout: TableLayout, field: string): string {
  const c = layout.byField.get(field);
  if (!c)
    throw LinliError.from(coreErrors, "STORAGE_ERROR", {
      reason: `unknown field ${field} of model ${layout.model.name}`,
    });
  return quoteIdentifier(c.column);
}

const placeholders = (n: number) => Array.from({ length: n }, () => "?").join(", ");

/**
 * Compiles a where list to an SQL condition with exactly the reference semantics of
 * `matchesClause` in `@linli/core`: `eq`/`ne` null test for null; `ne` and `in` treat null
 * as a value; `not_in` and comparisons never match null; string operators are
 * case-sensitive and only match text.
 *
 * Runs on every statement, so the common path (a cached statement) only checks the fields,
 * binds the values and builds the shape key, with no closure and no identifier quoting; the
 * SQL text is built by walking the clauses again, once per shape.
 */
export function compileWhere(layout: TableLayout, where: readonly WhereClause[] = []): CompiledWhere {
  const params: SqlValue[] = [];
  let key = "";
  for (let i = 0; i < where.length; i++) {
    const clause = where[i]!;
    const op = clause.op ?? "eq";
    const field = clause.field;
    if (!layout.byField.has(field)) columnOf(layout, field);
    switch (op) {
      case "eq":
      case "ne":
      case "lt":
      case "lte":
      case "gt":
      case "gte": {
        const value = sqlValue(clause.value);
        if (value === null) key += `${field}:${op}0;`;
        else {
          key += `${field}:${op};`;
          params.push(value);
        }
        break;
      }
      case "in":
      case "not_in": {
        const list = (Array.isArray(clause.value) ? clause.value : [clause.value]) as unknown[];
        let hasNull = false;
        let n = 0;
        for (const v of list) {
          const value = sqlValue(v);
          if (value === null) hasNull = true;
          else {
            params.push(value);
            n++;
          }
        }
        key += `${field}:${op}${n}${hasNull ? "n" : ""};`;
        break;
      }
      case "contains":
        key += `${field}:${op};`;
        params.push(String(clause.value));
        break;
      case "starts_with":
      case "ends_with": {
        const value = String(clause.value);
        key += `${field}:${op};`;
        params.push(value, value);
        break;
      }
      default:
        throw LinliError.from(coreErrors, "STORAGE_ERROR", {
          reason: `unknown where operator ${String(op)}`,
        });
    }
  }
  return new WhereQuery(key, params, layout, where);
}

/**
 * A compiled where list. A class, not an object with an arrow function: under tsx or any
 * bundler that keeps function names, each such arrow costs a `defineProperty` of its name per
 * statement (measured: 4–9% of a quote's profile).
 */
class WhereQuery implements CompiledWhere {
  constructor(
    readonly key: string,
    readonly params: SqlValue[],
    private readonly layout: TableLayout,
    private readonly where: readonly WhereClause[],
  ) {}

  sql(): string {
    return whereSql(this.layout, this.where);
  }
}

const COMPARISONS: Readonly<Record<string, string>> = { lt: "<", lte: "<=", gt: ">", gte: ">=" };

/** The SQL condition of a where list (see {@link compileWhere}; placeholders in the same order). */
function whereSql(layout: TableLayout, where: readonly WhereClause[]): string {
  const parts: string[] = [];
  for (const clause of where) {
    const op = clause.op ?? "eq";
    const col = columnOf(layout, clause.field);
    switch (op) {
      case "eq":
      case "ne": {
        const isNull = sqlValue(clause.value) === null;
        const sqlOp = op === "eq" ? (isNull ? "IS NULL" : "= ?") : isNull ? "IS NOT NULL" : "IS NOT ?";
        parts.push(`${col} ${sqlOp}`);
        break;
      }
      case "lt":
      case "lte":
      case "gt":
      case "gte":
        parts.push(sqlValue(clause.value) === null ? "0" : `${col} ${COMPARISONS[op]} ?`);
        break;
      case "in":
      case "not_in": {
        const list = (Array.isArray(clause.value) ? clause.value : [clause.value]) as unknown[];
        let hasNull = false;
        let n = 0;
        for (const v of list) {
          if (sqlValue(v) === null) hasNull = true;
          else n++;
        }
        if (op === "in") {
          const alternatives = [];
          if (n > 0) alternatives.push(`${col} IN (${placeholders(n)})`);
          if (hasNull) alternatives.push(`${col} IS NULL`);
          parts.push(alternatives.length === 0 ? "0" : `(${alternatives.join(" OR ")})`);
        } else {
          parts.push(
            n === 0 ? `${col} IS NOT NULL` : `(${col} IS NOT NULL AND ${col} NOT IN (${placeholders(n)}))`,
          );
        }
        break;
      }
      case "contains":
        parts.push(`(typeof(${col}) = 'text' AND instr(${col}, ?) > 0)`);
        break;
      case "starts_with":
        parts.push(`(typeof(${col}) = 'text' AND substr(${col}, 1, length(?)) = ?)`);
        break;
      default:
        parts.push(`(typeof(${col}) = 'text' AND substr(${col}, length(${col}) - length(?) + 1) = ?)`);
    }
  }
  return parts.length === 0 ? "1" : parts.join(" AND ");
}

/**
 * True when rows sorted by `orderBy` can never tie within a community: the sort keys
 * include every field of a unique index of the model, each of them required (never null,
 * so the index does make them unique).
 */
export function uniqueOrder(layout: TableLayout, orderBy: readonly { readonly field: string }[]): boolean {
  const keys = new Set(orderBy.map((o) => o.field));
  return layout.model.indexes.some(
    (index) =>
      index.unique === true &&
      index.fields.every((f) => keys.has(f) && layout.model.fields[f]?.required === true),
  );
}

/**
 * The select list of a projection (every column when `select` is absent), and its shape key.
 * Unknown fields are a `STORAGE_ERROR` (the kernel checks them first).
 */
export function compileSelect(
  layout: TableLayout,
  select: readonly string[] | undefined,
): { key: string; sql: () => string } {
  if (select === undefined) return { key: "*", sql: () => layout.selectList };
  for (const f of select) if (!layout.byField.has(f)) columnOf(layout, f);
  return {
    key: select.join(","),
    sql: () =>
      select.length === 0
        ? 'NULL AS "_"'
        : select
            .map((f) => {
              const column = layout.byField.get(f)!.column;
              return column === f
                ? quoteIdentifier(column)
                : `${quoteIdentifier(column)} AS ${quoteIdentifier(f)}`;
            })
            .join(", "),
  };
}

/**
 * Whether a read asks for its first row only (`limit: 1`, no offset): its tail is then the
 * literal `LIMIT 1`. SQLite runs `LIMIT 1` on an index in about 1 µs and `LIMIT ? OFFSET ?`
 * bound to 1 and 0 in about 4.5 µs (the outbox's next sequence, read by every command that
 * emits an event; measured inside a transaction on a 200,000-event outbox).
 */
function firstRowOnly(options: FindManyOptions): boolean {
  return options.limit === 1 && !options.offset;
}

/**
 * The SQL of the `ORDER BY … LIMIT … OFFSET …` tail of a query (its shape key is
 * {@link tailKey}). Ascending order puts nulls first, as SQLite does; ties are broken by
 * `(community_id, id)` so that pages never overlap or skip rows. When the sort keys cannot
 * tie ({@link uniqueOrder}, e.g. the outbox's `seq`), only `community_id` follows them, which
 * the query's `community_id = ?` makes constant: an index led by `(community_id, keys…)`
 * then serves the whole order (read forwards or backwards, no sort), and `LIMIT 1` reads one
 * index entry.
 */
export function compileTail(layout: TableLayout, options: FindManyOptions): string {
  const orderBy = options.orderBy ?? [];
  const paged = options.limit !== undefined || options.offset !== undefined;
  let sql = "";
  if (orderBy.length > 0 || paged) {
    const keys = orderBy.map(
      (o) => `${columnOf(layout, o.field)} ${o.direction === "desc" ? "DESC" : "ASC"}`,
    );
    if (uniqueOrder(layout, orderBy)) keys.push(`"community_id" ASC`);
    else keys.push(`"community_id" ASC`, `"id" ASC`);
    sql += ` ORDER BY ${keys.join(", ")}`;
  }
  if (firstRowOnly(options)) sql += " LIMIT 1";
  else if (paged) sql += ` LIMIT ${options.limit !== undefined ? "?" : "-1"} OFFSET ?`;
  return sql;
}

/** A compiled `findMany`: see {@link compileFindMany}. */
export interface CompiledFindMany {
  /** Identifies the SQL text: equal keys give equal SQL. */
  readonly key: string;
  /** Parameters in placeholder order. */
  readonly params: SqlValue[];
  /**
   * A columnar read (`columnar-read.ts`): one row of one JSON array per selected field.
   * Otherwise one result row per matching row.
   */
  readonly columnar: boolean;
  /** Builds the SQL (only needed when the statement is not cached yet). */
  sql(): string;
  /** The same read on the row path (same parameters; itself when it is not columnar). */
  rows(): CompiledFindMany;
}

/**
 * The whole `SELECT` of `findMany`: its shape key (for the statement cache), its SQL and its
 * parameters. Shared by the transaction and the query-plan tests, so that what the tests
 * explain is exactly what runs. A projection without order or paging on columns that
 * round-trip through JSON is compiled as a columnar read ({@link columnarEligible}) unless
 * `path` is `"rows"` (the row path, for the fallback and for tests).
 */
export function compileFindMany(
  layout: TableLayout,
  options: FindManyOptions,
  path: "auto" | "rows" = "auto",
): CompiledFindMany {
  const w = compileWhere(layout, options.where);
  const params = w.params;
  if (!firstRowOnly(options)) {
    if (options.limit !== undefined) params.push(options.limit);
    if (options.limit !== undefined || options.offset !== undefined) params.push(options.offset ?? 0);
  }
  const shape = `${w.key}|${tailKey(layout, options)}|${selectKey(layout, options.select)}`;
  const columnar = path === "auto" && columnarEligible(layout, options);
  return new FindManyQuery(columnar ? `j:${shape}` : `m:${shape}`, params, columnar, layout, options, w);
}

/** A compiled `findMany` (a class for the reason given at {@link WhereQuery}). */
class FindManyQuery implements CompiledFindMany {
  constructor(
    readonly key: string,
    readonly params: SqlValue[],
    readonly columnar: boolean,
    private readonly layout: TableLayout,
    private readonly options: FindManyOptions,
    private readonly where: CompiledWhere,
  ) {}

  sql(): string {
    const { layout, options } = this;
    const columns =
      this.columnar && options.select !== undefined
        ? columnarSelectSql(layout, options.select)
        : compileSelect(layout, options.select).sql();
    const tail = compileTail(layout, options);
    return `SELECT ${columns} FROM ${layout.table} WHERE ${this.where.sql()}${tail}`;
  }

  rows(): CompiledFindMany {
    if (!this.columnar) return this;
    return new FindManyQuery(
      `m:${this.key.slice(2)}`,
      this.params,
      false,
      this.layout,
      this.options,
      this.where,
    );
  }
}

/** The shape key of {@link compileSelect}, without building its SQL. */
function selectKey(layout: TableLayout, select: readonly string[] | undefined): string {
  if (select === undefined) return "*";
  for (const f of select) if (!layout.byField.has(f)) columnOf(layout, f);
  return select.join(",");
}

/** The shape key of {@link compileTail}, without building its SQL. */
function tailKey(layout: TableLayout, options: FindManyOptions): string {
  let key = "";
  for (const o of options.orderBy ?? []) {
    if (!layout.byField.has(o.field)) columnOf(layout, o.field);
    key += `${o.field}:${o.direction === "desc" ? "d" : "a"};`;
  }
  if (firstRowOnly(options)) return `${key}L1`;
  return `${key}${options.limit !== undefined ? "L" : ""}${options.offset !== undefined ? "O" : ""}`;
}
