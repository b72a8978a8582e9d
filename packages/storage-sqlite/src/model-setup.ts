import { LinliError, type ModelDef } from "@linli/core";
import type { Database } from "better-sqlite3";
import { noColumnarReads } from "./columnar-read";
import { sqliteErrors } from "./sqlite-errors";
import { quoteIdentifier } from "./sql-identifier";
import { columnSql, createTableSql, indexLayouts, type TableLayout, tableLayout } from "./table-layout";

/** A column as the registry (`linli_model`) records it. */
interface RegisteredColumn {
  readonly column: string;
  readonly type: string;
  /** Null for tables registered by the version-2 migration, before their first setup. */
  readonly kind: string | null;
}

function conflict(model: string, reason: string): LinliError {
  return LinliError.from(sqliteErrors, "SQLITE_MODEL_CONFLICT", { model, reason });
}

function registered(db: Database, name: string): Map<string, RegisteredColumn> {
  const row = db.prepare(`SELECT columns FROM linli_model WHERE name = ?`).get(name) as
    | { columns: string }
    | undefined;
  const columns = row ? (JSON.parse(row.columns) as RegisteredColumn[]) : [];
  return new Map(columns.map((c) => [c.column, c]));
}

/**
 * Creates the declared indexes of a table that are missing. An index of the same name whose
 * columns differ (its included fields changed) is rebuilt, and an index named as linli names
 * the model's indexes (`<model>__…`) that the model no longer declares is dropped: a plain
 * index a covering or partial one replaced, a key order changed. It would only cost writes.
 */
function setupIndexes(db: Database, layout: TableLayout): void {
  const columnsOf = db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck();
  const indexes = indexLayouts(layout);
  const declared = new Set(indexes.map((index) => index.name));
  const created = db
    .prepare(`SELECT name FROM pragma_index_list(?) WHERE origin = 'c'`)
    .pluck()
    .all(layout.model.name) as string[];
  for (const name of created)
    if (name.startsWith(`${layout.model.name}__`) && !declared.has(name))
      db.exec(`DROP INDEX ${quoteIdentifier(name)}`);
  for (const index of indexes) {
    const existing = columnsOf.all(index.name) as string[];
    if (existing.length > 0 && existing.join("\u0000") !== index.columns.join("\u0000"))
      db.exec(`DROP INDEX ${quoteIdentifier(index.name)}`);
    db.exec(index.sql);
  }
}

/**
 * Brings one model's table up to date: creates it, or adds the columns of new fields
 * (nullable, since existing rows have no value), and creates missing indexes. Refuses a
 * field whose kind or SQL type changed, and a required column the model no longer has:
 * those need a data migration, never a silent reinterpretation.
 */
function setupModel(db: Database, layout: TableLayout): void {
  const name = layout.model.name;
  const existing = db
    .prepare(`SELECT name, type, "notnull" AS "notNull" FROM pragma_table_info(?)`)
    .all(name) as {
    name: string;
    type: string;
    notNull: number;
  }[];
  if (existing.length === 0) {
    db.exec(createTableSql(layout));
  } else {
    const registry = registered(db, name);
    const byColumn = new Map(existing.map((c) => [c.name, c]));
    for (const c of layout.columns) {
      const found = byColumn.get(c.column);
      if (!found) {
        db.exec(`ALTER TABLE ${layout.table} ADD COLUMN ${columnSql(c, false)}`);
        continue;
      }
      if (found.type.toUpperCase() !== c.type)
        throw conflict(
          name,
          `field ${c.field} is ${c.kind} (${c.type}) but column ${c.column} is ${found.type}`,
        );
      const kind = registry.get(c.column)?.kind;
      if (kind && kind !== c.kind)
        throw conflict(name, `field ${c.field} is now ${c.kind} but its column holds ${kind} values`);
    }
    // A table created outside `setup` may not be STRICT: read it row by row.
    const strict = db.prepare(`SELECT "strict" FROM pragma_table_list(?) WHERE schema = 'main'`).pluck();
    if (strict.get(name) !== 1) noColumnarReads(layout);
    const fields = new Set(layout.columns.map((c) => c.column));
    for (const c of existing) {
      if (!fields.has(c.name) && c.notNull)
        throw conflict(name, `column ${c.name} is required in the table but the model has no such field`);
    }
  }
  setupIndexes(db, layout);
  const columns: RegisteredColumn[] = layout.columns.map((c) => ({
    column: c.column,
    type: c.type,
    kind: c.kind,
  }));
  db.prepare(
    `INSERT INTO linli_model (name, columns, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET columns = excluded.columns, updated_at = excluded.updated_at
     WHERE columns <> excluded.columns`,
  ).run(name, JSON.stringify(columns), Date.now());
}

/** The table size the planner is told to assume where it has no statistics of its own. */
const ASSUMED_ROWS = 1_000_000;

/**
 * Gives SQLite's query planner statistics for every index it has none for. Without any,
 * SQLite assumes an equality on an index's first column matches about 10 rows; every index
 * here is led by `community_id` (one value in most databases), so it would judge a scan of
 * the whole community through the primary key as good as any index and take it for lookups
 * such as "the grants of this resident" or "the bookings of this series". The rows written
 * to `sqlite_stat1` say what is true of linli's tables: `community_id` selects everything,
 * each further column of an index narrows it (10 rows, then 2, then 1), and a unique index
 * or the primary key finds one row. Statistics that `ANALYZE` (or `PRAGMA optimize`) wrote
 * are never replaced: measured numbers are better than these.
 */
function seedPlannerStatistics(db: Database, layouts: Iterable<TableLayout>): void {
  // `ANALYZE` of the small registry table creates `sqlite_stat1` (it cannot be created by hand).
  db.exec("ANALYZE linli_model");
  const has = db.prepare(`SELECT 1 FROM sqlite_stat1 WHERE tbl = ? AND idx = ?`).pluck();
  const insert = db.prepare(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)`);
  let seeded = 0;
  for (const layout of layouts) {
    const name = layout.model.name;
    const indexes = db.prepare(`SELECT name, "unique" FROM pragma_index_list(?)`).all(name) as {
      name: string;
      unique: number;
    }[];
    for (const index of indexes) {
      if (has.get(name, index.name) !== undefined) continue;
      const columns = db.prepare(`SELECT name FROM pragma_index_info(?)`).all(index.name) as {
        name: string;
      }[];
      const stat = [ASSUMED_ROWS];
      columns.forEach((c, i) => {
        if (c.name === "community_id" && i === 0) stat.push(ASSUMED_ROWS);
        else if (index.unique && i === columns.length - 1) stat.push(1);
        else stat.push(Math.max(1, Math.round(10 / 5 ** (i - 1))));
      });
      insert.run(name, index.name, stat.join(" "));
      seeded++;
    }
  }
  // The planner reads the statistics when the schema is loaded: reload it.
  if (seeded > 0) db.exec("ANALYZE sqlite_schema");
}

/**
 * Creates or updates the tables and indexes of `models` in one `BEGIN IMMEDIATE`
 * transaction (all or nothing; concurrent processes set up one after the other). Returns the
 * layouts by model name. Idempotent: running it again changes nothing.
 */
export function setupModels(db: Database, models: readonly ModelDef[]): Map<string, TableLayout> {
  const layouts = new Map<string, TableLayout>();
  for (const model of models) layouts.set(model.name, tableLayout(model));
  db.exec("BEGIN IMMEDIATE");
  try {
    for (const layout of layouts.values()) setupModel(db, layout);
    seedPlannerStatistics(db, layouts.values());
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return layouts;
}
