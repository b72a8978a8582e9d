import { coreErrors, type FindManyOptions, LinliError, type WhereClause } from "@linli/core";
import { quoteIdentifier } from "./sql-identifier";
import type { ColumnLayout, TableLayout } from "./table-layout";

/** A where list compiled to SQL: the shape key (for the statement cache), the SQL and its parameters. */
export interface CompiledWhere {
  /** Identifies the SQL text: equal keys (with equal `firstParam`) give equal SQL. */
  readonly key: string;
  /** Parameters in placeholder order, starting at `$firstParam`. */
  readonly params: unknown[];
  /** Builds the SQL condition (only needed when the statement is not cached yet). */
  sql(): string;
}

/**
 * A stored value as a query parameter of a column: JSON is sent as its text (pg would turn
 * a JavaScript array into a PostgreSQL array literal); everything else as is (pg sends
 * dates with their offset, booleans as `true`/`false`).
 */
export function pgValue(column: ColumnLayout, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  return column.kind === "json" ? JSON.stringify(value) : value;
}

/** The column of a field; unknown fields are a `STORAGE_ERROR` (the kernel checks them first). */
export function columnOf(layout: TableLayout, field: string): ColumnLayout {
  const c = layout.byField.get(field);
  if (!c)
    throw LinliError.from(coreErrors, "STORAGE_ERROR", {
      reason: `unknown field ${field} of model ${layout.model.name}`,
    });
  return c;
}

const COMPARISONS = { lt: "<", lte: "<=", gt: ">", gte: ">=" } as const;

/**
 * Compiles a where list to a parameterized SQL condition with exactly the reference
 * semantics of `matchesClause` in `@linli/core`: `eq`/`ne` null test for null; `ne` and
 * `in` treat null as a value (`IS DISTINCT FROM`); `not_in` and comparisons never match
 * null; `in`/`not_in` bind the whole list as one array parameter (`= ANY($n)`,
 * `<> ALL($n)`), so every list length shares one prepared statement; string operators are
 * case-sensitive, need no escaping (`position`, `starts_with`, `right`) and only match text
 * columns.
 */
export function compileWhere(
  layout: TableLayout,
  where: readonly WhereClause[] = [],
  firstParam = 1,
): CompiledWhere {
  const params: unknown[] = [];
  let key = "";
  const parts: (() => string)[] = [];
  const bind = (value: unknown): string => {
    params.push(value);
    return `$${firstParam + params.length - 1}`;
  };
  for (const clause of where) {
    const op = clause.op ?? "eq";
    const c = columnOf(layout, clause.field);
    const col = c.quoted;
    switch (op) {
      case "eq":
      case "ne": {
        const value = pgValue(c, clause.value);
        key += `${clause.field}:${op}${value === null ? "0" : ""};`;
        if (value === null) {
          parts.push(() => `${col} ${op === "eq" ? "IS NULL" : "IS NOT NULL"}`);
          break;
        }
        const p = bind(value);
        parts.push(() => (op === "eq" ? `${col} = ${p}` : `${col} IS DISTINCT FROM ${p}`));
        break;
      }
      case "lt":
      case "lte":
      case "gt":
      case "gte": {
        const value = pgValue(c, clause.value);
        key += `${clause.field}:${op}${value === null ? "0" : ""};`;
        if (value === null) {
          parts.push(() => "FALSE");
          break;
        }
        const p = bind(value);
        parts.push(() => `${col} ${COMPARISONS[op]} ${p}`);
        break;
      }
      case "in":
      case "not_in": {
        const list = (Array.isArray(clause.value) ? clause.value : [clause.value]) as unknown[];
        const values = list.filter((v) => v !== null && v !== undefined).map((v) => pgValue(c, v));
        const hasNull = values.length < list.length;
        key += `${clause.field}:${op}${values.length > 0 ? "" : "0"}${hasNull ? "n" : ""};`;
        if (op === "in") {
          const p = values.length > 0 ? bind(values) : "";
          parts.push(() => {
            const alternatives: string[] = [];
            if (p) alternatives.push(`${col} = ANY(${p})`);
            if (hasNull) alternatives.push(`${col} IS NULL`);
            return alternatives.length === 0 ? "FALSE" : `(${alternatives.join(" OR ")})`;
          });
        } else {
          // `<> ALL` is null (no match) for a null column, as the reference wants.
          const p = values.length > 0 ? bind(values) : "";
          parts.push(() => (p ? `${col} <> ALL(${p})` : `${col} IS NOT NULL`));
        }
        break;
      }
      case "contains":
      case "starts_with":
      case "ends_with": {
        key += `${clause.field}:${op};`;
        if (c.kind !== "string") {
          parts.push(() => "FALSE");
          break;
        }
        const p = bind(String(clause.value));
        if (op === "contains") parts.push(() => `position(${p} in ${col}) > 0`);
        else if (op === "starts_with") parts.push(() => `starts_with(${col}, ${p})`);
        else parts.push(() => `right(${col}, char_length(${p})) = ${p}`);
        break;
      }
      default:
        throw LinliError.from(coreErrors, "STORAGE_ERROR", {
          reason: `unknown where operator ${String(op)}`,
        });
    }
  }
  return {
    key,
    params,
    sql: () => (parts.length === 0 ? "TRUE" : parts.map((p) => p()).join(" AND ")),
  };
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
  const columns = select.map((f) => columnOf(layout, f));
  return {
    key: select.join(","),
    sql: () =>
      columns.length === 0
        ? `NULL AS "_"`
        : columns
            .map((c) => (c.column === c.field ? c.quoted : `${c.quoted} AS ${quoteIdentifier(c.field)}`))
            .join(", "),
  };
}

/**
 * The `ORDER BY … LIMIT … OFFSET …` tail of a query, its shape key and its parameters.
 * Ascending order puts nulls first and descending last, as the reference ordering does
 * (PostgreSQL's default is the opposite, so it is spelled out on nullable columns); ties are
 * broken by `(community_id, id)` so that pages never overlap or skip rows.
 *
 * Two exceptions keep such reads on their index, without a sort. A required column (never
 * null: the kernel validates every write) is sorted plain `ASC`/`DESC`, which a b-tree
 * index serves forwards or backwards (`DESC NULLS LAST` it cannot); only rows older than a
 * column a later setup added (null there) would sort where PostgreSQL puts nulls. And when
 * the sort keys cannot tie ({@link uniqueOrder}, e.g. the outbox's `seq`), only
 * `community_id` follows them, which the query's `community_id = $1` makes constant: the
 * outbox's next sequence, `ORDER BY seq DESC LIMIT 1`, reads one entry of the
 * `(community_id, seq)` index.
 */
export function compileTail(
  layout: TableLayout,
  options: FindManyOptions,
  firstParam: number,
): { key: string; params: unknown[]; sql: () => string } {
  const orderBy = options.orderBy ?? [];
  const paged = options.limit !== undefined || options.offset !== undefined;
  let key = "";
  const keys: string[] = [];
  for (const o of orderBy) {
    const c = columnOf(layout, o.field);
    const desc = o.direction === "desc";
    key += `${o.field}:${desc ? "d" : "a"};`;
    const nulls = c.required ? "" : desc ? " NULLS LAST" : " NULLS FIRST";
    keys.push(`${c.quoted} ${desc ? "DESC" : "ASC"}${nulls}`);
  }
  const params: unknown[] = [];
  if (paged) {
    key += "P";
    params.push(options.limit ?? null, options.offset ?? 0);
  }
  return {
    key,
    params,
    sql: () => {
      let sql = "";
      const ties = uniqueOrder(layout, orderBy) ? [`"community_id"`] : [`"community_id"`, `"id"`];
      if (orderBy.length > 0 || paged) sql += ` ORDER BY ${[...keys, ...ties].join(", ")}`;
      if (paged) sql += ` LIMIT $${firstParam} OFFSET $${firstParam + 1}`;
      return sql;
    },
  };
}

/**
 * The whole `SELECT` of `findMany`: its shape key (for the statement cache), its SQL and its
 * parameters. Shared by the transaction and the query-plan tests, so that what the tests
 * explain is exactly what runs.
 */
export function compileFindMany(
  layout: TableLayout,
  options: FindManyOptions,
): { key: string; params: unknown[]; sql: () => string } {
  const w = compileWhere(layout, options.where);
  const tail = compileTail(layout, options, w.params.length + 1);
  const columns = compileSelect(layout, options.select);
  return {
    key: `m:${w.key}|${tail.key}|${columns.key}`,
    params: [...w.params, ...tail.params],
    sql: () => `SELECT ${columns.sql()} FROM ${layout.table} WHERE ${w.sql()}${tail.sql()}`,
  };
}
