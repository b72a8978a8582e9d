import type pg from "pg";

/** A table, constraint or index of a schema that Citus could not distribute by `community_id`. */
export interface CitusProblem {
  readonly table: string;
  readonly object: string;
  readonly reason: string;
}

interface CatalogRow {
  readonly table: string;
  readonly object: string;
  readonly kind: string;
  readonly first: string | null;
  readonly referencedFirst: string | null;
  readonly expression: boolean;
}

/**
 * Reads `pg_catalog` and lists every primary key, unique constraint, foreign key and index
 * of the schema's tables (but `except`) whose first column is not `community_id` (so it could
 * cross communities, or could not be created on a table distributed by community), every
 * table without a primary key, and every foreign key whose referenced side does not lead
 * with `community_id` either.
 */
export async function citusProblems(
  query: (text: string, values: unknown[]) => Promise<pg.QueryResult>,
  schema: string,
  except: readonly string[] = ["linli_meta"],
): Promise<{ tables: string[]; checked: number; problems: CitusProblem[] }> {
  const tables = (
    await query(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = $1 AND c.relkind IN ('r', 'p') AND NOT (c.relname = ANY($2)) ORDER BY 1`,
      [schema, except],
    )
  ).rows.map((r) => String(r.name));
  const rows = (
    await query(
      `SELECT c.relname AS table, con.conname AS object, con.contype::text AS kind,
              a.attname AS first, ra.attname AS "referencedFirst", false AS expression
         FROM pg_constraint con
         JOIN pg_class c ON c.oid = con.conrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1]
         LEFT JOIN pg_attribute ra ON ra.attrelid = con.confrelid AND ra.attnum = con.confkey[1]
        WHERE n.nspname = $1 AND con.contype IN ('p', 'u', 'f', 'x') AND NOT (c.relname = ANY($2))
       UNION ALL
       SELECT c.relname, ic.relname, CASE WHEN i.indisunique THEN 'unique index' ELSE 'index' END,
              a.attname, NULL, i.indexprs IS NOT NULL OR i.indkey[0] = 0
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indrelid
         JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0]
        WHERE n.nspname = $1 AND NOT (c.relname = ANY($2))
        ORDER BY 1, 2`,
      [schema, except],
    )
  ).rows as CatalogRow[];
  const problems: CitusProblem[] = [];
  const withKey = new Set(rows.filter((r) => r.kind === "p").map((r) => r.table));
  for (const table of tables)
    if (!withKey.has(table)) problems.push({ table, object: table, reason: "no primary key" });
  for (const r of rows) {
    if (r.expression || r.first !== "community_id")
      problems.push({
        table: r.table,
        object: r.object,
        reason: `${r.kind} leads with ${r.expression ? "an expression" : (r.first ?? "nothing")}, not community_id`,
      });
    if (r.kind === "f" && r.referencedFirst !== "community_id")
      problems.push({
        table: r.table,
        object: r.object,
        reason: `foreign key references ${r.referencedFirst ?? "nothing"} first, not community_id: it could cross communities`,
      });
  }
  return { tables, checked: rows.length, problems };
}
