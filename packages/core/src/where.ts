/**
 * Query shapes of the storage contract. Kept small on purpose so that every adapter can
 * implement them exactly; everything richer is composed by the kernel or a plugin.
 */

/** A comparison operator of a {@link WhereClause}. */
export type WhereOperator =
  | "eq"
  | "ne"
  | "lt"
  | "lte"
  | "gt"
  | "gte"
  | "in"
  | "not_in"
  | "contains"
  | "starts_with"
  | "ends_with";

/** Every operator, for adapters and the conformance suite. */
export const WHERE_OPERATORS: readonly WhereOperator[] = [
  "eq",
  "ne",
  "lt",
  "lte",
  "gt",
  "gte",
  "in",
  "not_in",
  "contains",
  "starts_with",
  "ends_with",
];

/** A stored scalar as adapters see it (after the kernel's conversions). */
export type StoredValue = string | number | boolean | Date | null;

/**
 * One condition. All clauses of a `where` list must hold (AND).
 * - `eq`/`ne` with `null` test for null / not null.
 * - `in`/`not_in` take an array.
 * - `contains`/`starts_with`/`ends_with` are case-sensitive substring tests on strings.
 * - `lt`/`lte`/`gt`/`gte` on a null field are false.
 */
export interface WhereClause {
  /** The field (a declared field, `id` or `communityId`). */
  readonly field: string;
  /** The comparison; default `eq`. */
  readonly op?: WhereOperator;
  /** The operand. */
  readonly value: StoredValue | readonly StoredValue[];
}

/** Sort order of `findMany`. */
export interface OrderBy {
  /** The field to sort by. */
  readonly field: string;
  /** Default `asc`. Nulls sort first in `asc`. */
  readonly direction?: "asc" | "desc";
}

/** Options of `findMany`. */
export interface FindManyOptions {
  /** Conditions, all of which must hold. */
  readonly where?: readonly WhereClause[];
  /** Sort keys, most significant first. */
  readonly orderBy?: readonly OrderBy[];
  /** At most this many rows. */
  readonly limit?: number;
  /** Skip this many rows first (after ordering). */
  readonly offset?: number;
}

function comparable(v: unknown): unknown {
  return v instanceof Date ? v.getTime() : v;
}

/**
 * The reference semantics of a where clause on one row, used by the memory adapter and by
 * the conformance suite to compute expected results.
 */
export function matchesClause(row: Readonly<Record<string, unknown>>, clause: WhereClause): boolean {
  const actual = comparable(row[clause.field] ?? null);
  const op = clause.op ?? "eq";
  const value = clause.value;
  switch (op) {
    case "eq":
      return actual === comparable(value);
    case "ne":
      return actual !== comparable(value);
    case "in":
      return (value as readonly StoredValue[]).some((v) => comparable(v) === actual);
    case "not_in":
      return actual !== null && !(value as readonly StoredValue[]).some((v) => comparable(v) === actual);
    case "contains":
      return typeof actual === "string" && actual.includes(String(value));
    case "starts_with":
      return typeof actual === "string" && actual.startsWith(String(value));
    case "ends_with":
      return typeof actual === "string" && actual.endsWith(String(value));
    default: {
      if (actual === null || value === null) return false;
      const a = actual as number | string;
      const b = comparable(value) as number | string;
      if (op === "lt") return a < b;
      if (op === "lte") return a <= b;
      if (op === "gt") return a > b;
      return a >= b;
    }
  }
}

/** True when every clause holds for the row. */
export function matchesWhere(
  row: Readonly<Record<string, unknown>>,
  where: readonly WhereClause[] = [],
): boolean {
  return where.every((clause) => matchesClause(row, clause));
}

/** The reference ordering of rows (stable), nulls first ascending. */
export function compareRows(orderBy: readonly OrderBy[]) {
  return (a: Readonly<Record<string, unknown>>, b: Readonly<Record<string, unknown>>): number => {
    for (const { field, direction } of orderBy) {
      const x = comparable(a[field] ?? null) as number | string | null;
      const y = comparable(b[field] ?? null) as number | string | null;
      if (x === y) continue;
      let c: number;
      if (x === null) c = -1;
      else if (y === null) c = 1;
      else c = x < y ? -1 : 1;
      return direction === "desc" ? -c : c;
    }
    return 0;
  };
}
