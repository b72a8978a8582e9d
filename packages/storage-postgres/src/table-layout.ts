import type { FieldKind, ModelDef } from "@linli/core";
import { LinliError } from "@linli/core";
import { postgresErrors } from "./postgres-errors";
import { columnName, fitIdentifier, quoteIdentifier } from "./sql-identifier";

/** A PostgreSQL column type linli uses. */
export type PgColumnType =
  | "text"
  | "bigint"
  | "double precision"
  | "boolean"
  | "timestamp with time zone"
  | "jsonb";

/**
 * The PostgreSQL column type of each field kind. Integers are `bigint` (any JavaScript safe
 * integer fits); dates are `timestamptz` (exact to the millisecond); JSON is `jsonb`.
 */
export const COLUMN_TYPES: Readonly<Record<FieldKind, PgColumnType>> = {
  string: "text",
  integer: "bigint",
  number: "double precision",
  boolean: "boolean",
  date: "timestamp with time zone",
  json: "jsonb",
};

/** One column of a model's table. */
export interface ColumnLayout {
  /** The field name the kernel uses (`householdId`, `id`, `communityId`). */
  readonly field: string;
  /** The column name in PostgreSQL (`household_id`). */
  readonly column: string;
  /** The quoted column name. */
  readonly quoted: string;
  /** The field's storage kind. */
  readonly kind: FieldKind;
  /** The PostgreSQL column type, as `format_type` spells it. */
  readonly type: PgColumnType;
  /** NOT NULL in a new table. */
  readonly required: boolean;
}

/** A cached statement: its SQL and the name it is prepared under on each connection. */
export interface CachedStatement {
  readonly name: string;
  readonly text: string;
}

/**
 * How one model is laid out in PostgreSQL: table `<schema>.<model name>`, columns in
 * snake_case, primary key `(community_id, id)`, every index led by `community_id`. Also
 * holds the model's statements, cached by query shape.
 */
export interface TableLayout {
  readonly model: ModelDef;
  /** The schema. */
  readonly schema: string;
  /** The schema-qualified, quoted table name. */
  readonly table: string;
  /** `community_id`, `id`, then the declared fields in declaration order. */
  readonly columns: readonly ColumnLayout[];
  /** Column by field name. */
  readonly byField: ReadonlyMap<string, ColumnLayout>;
  /** The select list that names each column by its field (`"household_id" AS "householdId"`). */
  readonly selectList: string;
  /** Statements of this table, by shape. */
  readonly statements: Map<string, CachedStatement>;
}

/** Computes the layout of a model; throws `POSTGRES_MODEL_CONFLICT` when two fields map to one column. */
export function tableLayout(schema: string, model: ModelDef): TableLayout {
  const column = (field: string, kind: FieldKind, required: boolean): ColumnLayout => {
    const name = columnName(field);
    return { field, column: name, quoted: quoteIdentifier(name), kind, type: COLUMN_TYPES[kind], required };
  };
  const columns: ColumnLayout[] = [column("communityId", "string", true), column("id", "string", true)];
  for (const [field, def] of Object.entries(model.fields))
    columns.push(column(field, def.kind, def.required));
  const seen = new Map<string, string>();
  for (const c of columns) {
    const other = seen.get(c.column);
    if (other !== undefined || Buffer.byteLength(c.column) > 63)
      throw LinliError.from(postgresErrors, "POSTGRES_MODEL_CONFLICT", {
        model: model.name,
        schema,
        reason:
          other !== undefined
            ? `fields ${other} and ${c.field} would share the column ${c.column}`
            : `the column name ${c.column} is longer than PostgreSQL's 63 bytes`,
      });
    seen.set(c.column, c.field);
  }
  const selectList = columns
    .map((c) => (c.column === c.field ? c.quoted : `${c.quoted} AS ${quoteIdentifier(c.field)}`))
    .join(", ");
  return {
    model,
    schema,
    table: `${quoteIdentifier(schema)}.${quoteIdentifier(model.name)}`,
    columns,
    byField: new Map(columns.map((c) => [c.field, c])),
    selectList,
    statements: new Map(),
  };
}

/**
 * Column definition in `CREATE TABLE` / `ALTER TABLE ADD COLUMN`. Text columns use the `C`
 * collation: comparisons and ordering are by code point, as in JavaScript and the other
 * adapters, whatever the database's locale (and prefix searches can use the index).
 */
export function columnSql(c: ColumnLayout, notNull: boolean): string {
  const collate = c.type === "text" ? ' COLLATE "C"' : "";
  return `${c.quoted} ${c.type}${collate}${notNull ? " NOT NULL" : ""}`;
}

/** `CREATE TABLE IF NOT EXISTS` of a layout, primary key `(community_id, id)`. */
export function createTableSql(layout: TableLayout): string {
  const defs = layout.columns.map((c) => columnSql(c, c.required));
  return `CREATE TABLE IF NOT EXISTS ${layout.table} (${defs.join(", ")}, PRIMARY KEY ("community_id", "id"))`;
}

/** One declared index as the PostgreSQL adapter creates it. */
export interface IndexLayout {
  /**
   * The index name (fitted to PostgreSQL's limit): the model, its key columns, `__unique`,
   * `__covering` when it includes fields, `__where_<column>_null` or
   * `__where_<column>_not_null` when it is partial.
   */
  readonly name: string;
  /** The `CREATE INDEX IF NOT EXISTS` statement. */
  readonly sql: string;
}

/**
 * Each declared index, led by `community_id` (so a unique index stays unique per community
 * and a table can be distributed by community). Included fields (`IndexDef.include`) go in
 * `INCLUDE (...)`, a partial index (`IndexDef.where`) ends in `WHERE <column> IS [NOT] NULL`.
 */
export function indexLayouts(layout: TableLayout): IndexLayout[] {
  const column = (f: string) => layout.byField.get(f)?.column ?? columnName(f);
  return layout.model.indexes.map((index) => {
    const cols = ["community_id", ...index.fields.map(column)];
    const extra = [...new Set((index.include ?? []).map(column).filter((c) => !cols.includes(c)))];
    const where = index.where
      ? { column: column(index.where.field), not: index.where.is === "not-null" }
      : undefined;
    const name = fitIdentifier(
      [
        `${layout.model.name}__${cols.slice(1).join("__")}`,
        index.unique ? "__unique" : "",
        extra.length > 0 ? "__covering" : "",
        where ? `__where_${where.column}_${where.not ? "not_null" : "null"}` : "",
      ].join(""),
    );
    const list = cols.map(quoteIdentifier).join(", ");
    const include = extra.length > 0 ? ` INCLUDE (${extra.map(quoteIdentifier).join(", ")})` : "";
    const condition = where
      ? ` WHERE ${quoteIdentifier(where.column)} IS ${where.not ? "NOT " : ""}NULL`
      : "";
    const sql = `CREATE ${index.unique ? "UNIQUE " : ""}INDEX IF NOT EXISTS ${quoteIdentifier(name)} ON ${layout.table} (${list})${include}${condition}`;
    return { name, sql };
  });
}

/** `CREATE INDEX IF NOT EXISTS` for each declared index (see {@link indexLayouts}). */
export function createIndexSql(layout: TableLayout): string[] {
  return indexLayouts(layout).map((index) => index.sql);
}
