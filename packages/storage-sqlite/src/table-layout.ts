import { type FieldKind, LinliError, type ModelDef } from "@linli/core";
import type { Statement } from "better-sqlite3";
import { columnName, quoteIdentifier } from "./sql-identifier";
import { sqliteErrors } from "./sqlite-errors";

/** The SQLite column type of each field kind (tables are `STRICT`). */
export const COLUMN_TYPES: Readonly<Record<FieldKind, "TEXT" | "INTEGER" | "REAL">> = {
  string: "TEXT",
  integer: "INTEGER",
  number: "REAL",
  boolean: "INTEGER",
  date: "INTEGER",
  json: "TEXT",
};

/** One column of a model's table. */
export interface ColumnLayout {
  /** The field name the kernel uses (`householdId`, `id`, `communityId`). */
  readonly field: string;
  /** The column name in SQLite (`household_id`). */
  readonly column: string;
  /** The field's storage kind. */
  readonly kind: FieldKind;
  /** The SQLite column type. */
  readonly type: "TEXT" | "INTEGER" | "REAL";
  /** NOT NULL in a new table. */
  readonly required: boolean;
}

/**
 * How one model is laid out in SQLite: table `<model name>`, columns in snake_case, primary
 * key `(community_id, id)`, every index prefixed by `community_id`. Also holds the model's
 * prepared statements, cached by query shape.
 */
export interface TableLayout {
  readonly model: ModelDef;
  /** The quoted table name. */
  readonly table: string;
  /** `community_id`, `id`, then the declared fields in declaration order. */
  readonly columns: readonly ColumnLayout[];
  /** Column by field name. */
  readonly byField: ReadonlyMap<string, ColumnLayout>;
  /** The select list that names each column by its field (`"household_id" AS "householdId"`). */
  readonly selectList: string;
  /** Prepared statements of this table on the storage's main connection, by shape. */
  readonly statements: Map<string, Statement>;
}

function conflict(model: string, reason: string): LinliError {
  return LinliError.from(sqliteErrors, "SQLITE_MODEL_CONFLICT", { model, reason });
}

/** Computes the layout of a model; throws `SQLITE_MODEL_CONFLICT` when two fields map to one column. */
export function tableLayout(model: ModelDef): TableLayout {
  const columns: ColumnLayout[] = [
    { field: "communityId", column: "community_id", kind: "string", type: "TEXT", required: true },
    { field: "id", column: "id", kind: "string", type: "TEXT", required: true },
  ];
  for (const [field, def] of Object.entries(model.fields)) {
    columns.push({
      field,
      column: columnName(field),
      kind: def.kind,
      type: COLUMN_TYPES[def.kind],
      required: def.required,
    });
  }
  const seen = new Map<string, string>();
  for (const c of columns) {
    const other = seen.get(c.column);
    if (other !== undefined)
      throw conflict(model.name, `fields ${other} and ${c.field} would share the column ${c.column}`);
    seen.set(c.column, c.field);
  }
  const selectList = columns
    .map((c) =>
      c.column === c.field
        ? quoteIdentifier(c.column)
        : `${quoteIdentifier(c.column)} AS ${quoteIdentifier(c.field)}`,
    )
    .join(", ");
  return {
    model,
    table: quoteIdentifier(model.name),
    columns,
    byField: new Map(columns.map((c) => [c.field, c])),
    selectList,
    statements: new Map(),
  };
}

/** Column definition in `CREATE TABLE` / `ALTER TABLE ADD COLUMN`. */
export function columnSql(c: ColumnLayout, notNull: boolean): string {
  return `${quoteIdentifier(c.column)} ${c.type}${notNull ? " NOT NULL" : ""}`;
}

/** `CREATE TABLE` of a layout: STRICT types, primary key `(community_id, id)`, without rowid. */
export function createTableSql(layout: TableLayout): string {
  const defs = layout.columns.map((c) => columnSql(c, c.required));
  return `CREATE TABLE ${layout.table} (${defs.join(", ")}, PRIMARY KEY ("community_id", "id")) STRICT, WITHOUT ROWID`;
}

/** One declared index as the SQLite adapter creates it. */
export interface IndexLayout {
  /**
   * The index name: the model, its key columns, `__unique`, `__covering` when it includes
   * fields, `__where_<column>_null` or `__where_<column>_not_null` when it is partial.
   */
  readonly name: string;
  /** Its columns in order: `community_id`, the keys, then the included fields. */
  readonly columns: readonly string[];
  /** The `CREATE INDEX IF NOT EXISTS` statement. */
  readonly sql: string;
}

/**
 * The declared indexes of a layout, each led by `community_id`. Included fields
 * (`IndexDef.include`) are trailing columns after the keys (SQLite has no `INCLUDE`): a read
 * of the keys and those fields is answered from the index alone (`COVERING INDEX`). A partial
 * index (`IndexDef.where`) ends in `WHERE <column> IS [NOT] NULL`.
 */
export function indexLayouts(layout: TableLayout): IndexLayout[] {
  const column = (f: string) => layout.byField.get(f)?.column ?? columnName(f);
  return layout.model.indexes.map((index) => {
    const keys = ["community_id", ...index.fields.map(column)];
    // Every index of a `WITHOUT ROWID` table holds the primary key already: `id` is covered.
    const extra = (index.include ?? []).map(column).filter((c) => c !== "id" && !keys.includes(c));
    const columns = [...keys, ...new Set(extra)];
    const where = index.where
      ? { column: column(index.where.field), not: index.where.is === "not-null" }
      : undefined;
    const name = [
      `${layout.model.name}__${keys.slice(1).join("__")}`,
      index.unique ? "__unique" : "",
      extra.length > 0 ? "__covering" : "",
      where ? `__where_${where.column}_${where.not ? "not_null" : "null"}` : "",
    ].join("");
    const list = columns.map(quoteIdentifier).join(", ");
    const condition = where
      ? ` WHERE ${quoteIdentifier(where.column)} IS ${where.not ? "NOT " : ""}NULL`
      : "";
    const sql = `CREATE ${index.unique ? "UNIQUE " : ""}INDEX IF NOT EXISTS ${quoteIdentifier(name)} ON ${layout.table} (${list})${condition}`;
    return { name, columns, sql };
  });
}

/** `CREATE INDEX IF NOT EXISTS` for each declared index (see {@link indexLayouts}). */
export function createIndexSql(layout: TableLayout): string[] {
  return indexLayouts(layout).map((index) => index.sql);
}
