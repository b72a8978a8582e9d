import type { FindManyOptions, StoredRow } from "@linli/core";
import { quoteIdentifier } from "./sql-identifier";
import type { TableLayout } from "./table-layout";

/**
 * Columnar reads: a projected `findMany` read as one row of one JSON array per column,
 * `SELECT json_group_array("zone_id") AS "zoneId", … FROM … WHERE …`, parsed with one
 * `JSON.parse` per column and turned back into rows in JavaScript. better-sqlite3 hands
 * each result row to JavaScript at about 0.5 µs; the arrays cost a fraction of that (761
 * rows of 4 columns: 281 µs against 495 µs, measured natively on the availability bench's
 * file).
 *
 * **When.** A read is columnar when all of these hold (see {@link columnarEligible}):
 *
 * - it projects (`select` given and not empty);
 * - it has no `orderBy`, `limit` or `offset`: the rows then come from one aggregate pass,
 *   in which every `json_group_array` takes the same row at the same step, so the arrays
 *   stay aligned and hold the rows in the order the plain `SELECT` returns them (no
 *   reliance on a subquery's order);
 * - every selected column round-trips exactly through SQLite's JSON, which is decided per
 *   statement from the layout, never per value: `TEXT` columns (the `string` and `json`
 *   kinds; JSON values are stored as their text, which `json_group_array` quotes as a
 *   string, exactly the text the row path returns) and `INTEGER` columns (`integer`, and
 *   `date` and `boolean` as the kernel stores them here: epoch milliseconds and 0/1). SQLite
 *   prints integers in full; `JSON.parse` and better-sqlite3 both round an integer beyond
 *   2^53 to the nearest double, so even those agree. Checked against the row path: NUL
 *   characters, emoji, lone surrogates (stored as U+FFFD either way), invalid UTF-8, control
 *   characters, U+2028, long and empty text, NULL, negative and 64-bit integers, no rows
 *   (`[]`). `REAL` columns (the `number` kind) are excluded: how SQLite's JSON prints reals
 *   has changed between versions (older ones kept 15 significant digits; the bundled 3.53.2
 *   round-tripped 300,000 random doubles), and a read's result must not depend on the
 *   SQLite version; so are tables that are not
 *   `STRICT` ({@link noColumnarReads}), whose `INTEGER` columns may hold reals or text.
 *
 * The adapter never turns on better-sqlite3's `safeIntegers`, so both paths give numbers.
 * Otherwise (any condition false) the read takes the row path. An eligible read also takes
 * the row path while its shape's previous read returned fewer than eight rows (the
 * transaction's `findMany` keeps the count per statement): for a handful of rows the
 * aggregate and one `JSON.parse` per column cost 1.5–2.5 µs more than handing the rows over.
 */
export function columnarEligible(layout: TableLayout, options: FindManyOptions): boolean {
  const select = options.select;
  if (select === undefined || select.length === 0) return false;
  if ((options.orderBy?.length ?? 0) > 0) return false;
  if (options.limit !== undefined || options.offset !== undefined) return false;
  if (looseLayouts.has(layout)) return false;
  for (const field of select) {
    const type = layout.byField.get(field)?.type;
    if (type !== "TEXT" && type !== "INTEGER") return false;
  }
  return true;
}

/** Layouts whose existing table is not `STRICT` (see {@link noColumnarReads}). */
const looseLayouts = new WeakSet<TableLayout>();

/**
 * Keeps every read of `layout` on the row path. For a table that is not `STRICT` (one
 * created outside `setup`, which always creates `STRICT` tables): its `INTEGER` columns
 * may hold reals or text, whose JSON text need not round-trip.
 */
export function noColumnarReads(layout: TableLayout): void {
  looseLayouts.add(layout);
}

/**
 * The select list of a columnar read: one `json_group_array` per selected field, named by
 * the field (so that the statement's column names are the fields, as in the row path).
 */
export function columnarSelectSql(layout: TableLayout, select: readonly string[]): string {
  return select
    .map(
      (f) => `json_group_array(${quoteIdentifier(layout.byField.get(f)!.column)}) AS ${quoteIdentifier(f)}`,
    )
    .join(", ");
}

/** Builds the rows of a columnar read from its parsed columns (one array per field, aligned). */
export type ColumnsMaker = (columns: readonly (readonly unknown[])[]) => StoredRow[];

/**
 * A {@link ColumnsMaker} for the field names of a columnar read: like `rowMaker`, one object
 * literal of fixed shape per row, compiled once per statement, so the rows are those the
 * row path makes (same keys in the same order, same values, one hidden class). Where code
 * cannot be generated or a name would set the prototype (`__proto__`), the fields are
 * assigned one by one, with the same result.
 */
export function columnsMaker(names: readonly string[]): ColumnsMaker {
  const byKey: ColumnsMaker = (columns) => {
    const n = columns[0]?.length ?? 0;
    const rows: StoredRow[] = new Array(n);
    for (let i = 0; i < n; i++) {
      const row: StoredRow = {};
      for (let j = 0; j < names.length; j++) row[names[j]!] = columns[j]![i] as StoredRow[string];
      rows[i] = row;
    }
    return rows;
  };
  if (names.length === 0 || names.includes("__proto__")) return byKey;
  const locals = names.map((_, j) => `const c${j} = c[${j}];`).join(" ");
  const fields = names.map((name, j) => `${JSON.stringify(name)}: c${j}[i]`).join(", ");
  try {
    return new Function(
      "c",
      `${locals} const n = c0.length; const rows = new Array(n); for (let i = 0; i < n; i++) rows[i] = { ${fields} }; return rows;`,
    ) as ColumnsMaker;
  } catch {
    return byKey;
  }
}

/**
 * True for the error of a columnar read whose JSON text would exceed the length limit
 * better-sqlite3 sets (the longest JavaScript string): the read is then retried on the row
 * path, where each value is handed over on its own.
 */
export function tooBigForColumns(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "SQLITE_TOOBIG";
}
