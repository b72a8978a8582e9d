/**
 * Query shapes. The stored forms ({@link WhereClause}, {@link OrderBy},
 * {@link FindManyOptions}) are the storage contract: kept small on purpose so that every
 * adapter can implement them exactly; everything richer is composed by the kernel or a
 * plugin. The typed forms ({@link ModelWhere}, {@link ModelOrderBy},
 * {@link ModelFindManyOptions}) are what the kernel's `Tx` takes: field names and values
 * checked against a model's row at compile time.
 */

import type { ModelDef, RowOf } from "./model";

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

/** Options of `findMany`, as adapters receive them (stored field names and values). */
export interface FindManyOptions {
  /** Conditions, all of which must hold. */
  readonly where?: readonly WhereClause[];
  /** Sort keys, most significant first. */
  readonly orderBy?: readonly OrderBy[];
  /** At most this many rows. */
  readonly limit?: number;
  /** Skip this many rows first (after ordering). */
  readonly offset?: number;
  /**
   * A projection: when given, each returned row holds exactly these fields (`id` and
   * `communityId` only when listed), so an adapter reads and returns no other column. Absent:
   * every field. Where clauses and sort keys may name fields that are not selected.
   */
  readonly select?: readonly string[];
}

/** The operators that compare a field with one value: `eq`, `ne`, `lt`, `lte`, `gt`, `gte`. */
export type ComparisonOperator = "eq" | "ne" | "lt" | "lte" | "gt" | "gte";

/** The operators that test membership in a list: `in`, `not_in`. */
export type ListOperator = "in" | "not_in";

/** The substring operators, for string fields: `contains`, `starts_with`, `ends_with`. */
export type TextOperator = "contains" | "starts_with" | "ends_with";

/**
 * A where clause checked against no row: any field name, any value, before the kernel's
 * conversions. Every {@link WhereClause} and every {@link RowWhere} is one; it is what
 * callers without a concrete model (a `ModelDef` of unknown shape) write, and the kernel
 * checks its fields at run time (`UNKNOWN_FIELD`).
 */
export interface UntypedWhere {
  /** The field (a declared field, `id` or `communityId`). */
  readonly field: string;
  /** The comparison; default `eq`. */
  readonly op?: WhereOperator;
  /** The operand. */
  readonly value: unknown;
}

/**
 * The clauses a caller may write on one field `Field` whose row type is `Value`:
 * - `eq`/`ne` (`op` omitted means `eq`) take a `Value`, or `null` to test for null / not null;
 * - `lt`/`lte`/`gt`/`gte` take a non-null `Value` (a `Date` for a date field);
 * - `in`/`not_in` take an array of `Value`s;
 * - `contains`/`starts_with`/`ends_with` take a string, and exist only when `Value` can be
 *   a string.
 */
export type FieldWhere<Field extends string, Value> =
  | {
      /** The field. */
      readonly field: Field;
      /** `eq` (the default) or `ne`. */
      readonly op?: "eq" | "ne";
      /** The value to compare with; `null` tests for null (`eq`) or not null (`ne`). */
      readonly value: Value | null;
    }
  | {
      /** The field. */
      readonly field: Field;
      /** An ordering comparison; false on a null field. */
      readonly op: "lt" | "lte" | "gt" | "gte";
      /** The bound. */
      readonly value: NonNullable<Value>;
    }
  | {
      /** The field. */
      readonly field: Field;
      /** Membership (`in`) or its negation (`not_in`, false on a null field). */
      readonly op: ListOperator;
      /** The candidate values. */
      readonly value: readonly Value[];
    }
  | ([Extract<Value, string>] extends [never]
      ? never
      : {
          /** The field. */
          readonly field: Field;
          /** A case-sensitive substring test. */
          readonly op: TextOperator;
          /** The substring. */
          readonly value: string;
        });

/**
 * One condition on rows of shape `Row`, checked at compile time: `field` is a key of the row
 * and `value` fits that field's type and the operator (see {@link FieldWhere}). A union over
 * the fields, so `{ field: "start", op: "lt", value: until }` checks `until` against the type
 * of `start`. A row with an index signature (a model of unknown shape) takes any
 * {@link UntypedWhere}. The kernel encodes it to the stored {@link WhereClause} adapters get.
 *
 * @example
 * ```ts
 * type Row = { id: string; start: Date; status: "held" | "confirmed" };
 * const where: RowWhere<Row>[] = [
 *   { field: "status", value: "confirmed" },
 *   { field: "start", op: "lt", value: new Date() },
 * ];
 * ```
 */
export type RowWhere<Row> = string extends keyof Row
  ? UntypedWhere
  : { [Field in keyof Row & string]-?: FieldWhere<Field, Row[Field]> }[keyof Row & string];

/** One sort key on rows of shape `Row`: `field` must be a key of the row. */
export interface RowOrderBy<Row> {
  /** The field to sort by. */
  readonly field: keyof Row & string;
  /** Default `asc`. Nulls sort first in `asc`. */
  readonly direction?: "asc" | "desc";
}

/** Options of the kernel's `findMany` on rows of shape `Row`, checked at compile time. */
export interface RowFindManyOptions<Row> {
  /** Conditions, all of which must hold. */
  readonly where?: readonly RowWhere<Row>[];
  /** Sort keys, most significant first. */
  readonly orderBy?: readonly RowOrderBy<Row>[];
  /** At most this many rows. */
  readonly limit?: number;
  /** Skip this many rows first (after ordering). */
  readonly offset?: number;
}

/**
 * The keys of `Row` whose type is `Type` (required, not null), e.g. `KeysOfType<Row, Date>`
 * for the date fields a reservation's interval can use. Any key of a row with an index
 * signature (a model of unknown shape).
 */
export type KeysOfType<Row, Type> = string extends keyof Row
  ? string
  : {
      [Field in keyof Row & string]-?: [Row[Field]] extends [never]
        ? never
        : [Row[Field]] extends [Type]
          ? Field
          : never;
    }[keyof Row & string];

/**
 * One condition on a model's rows, checked at compile time against {@link RowOf}: its
 * declared fields plus `id` and `communityId`. What `tx.findOne`, `tx.findMany`,
 * `tx.update`, `tx.delete`, `tx.count` and `tx.reserve`'s `scope` take.
 *
 * Inline arrays infer without annotations; type an array built step by step with it:
 * ```ts
 * const where: ModelWhere<typeof bookingModel>[] = [{ field: "resourceId", value: id }];
 * if (from) where.push({ field: "end", op: "gt", value: from });
 * ```
 */
export type ModelWhere<M extends ModelDef> = RowWhere<RowOf<M>>;

/** One sort key on a model's rows: a key of its {@link RowOf}. */
export type ModelOrderBy<M extends ModelDef> = RowOrderBy<RowOf<M>>;

/** Options of the kernel's `tx.findMany` on a model, checked at compile time. */
export type ModelFindManyOptions<M extends ModelDef> = RowFindManyOptions<RowOf<M>>;

function comparable(v: unknown): unknown {
  return v instanceof Date ? v.getTime() : v;
}

/**
 * The reference semantics of a where clause on one row, used by the memory adapter and by
 * the conformance suite to compute expected results.
 */
export function matchesClause(row: Readonly<Record<string, unknown>>, clause: UntypedWhere): boolean {
  const actual = comparable(row[clause.field] ?? null);
  const op = clause.op ?? "eq";
  const value = clause.value;
  switch (op) {
    case "eq":
      return actual === comparable(value);
    case "ne":
      return actual !== comparable(value);
    case "in":
      return (value as readonly unknown[]).some((v) => comparable(v) === actual);
    case "not_in":
      return actual !== null && !(value as readonly unknown[]).some((v) => comparable(v) === actual);
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
  where: readonly UntypedWhere[] = [],
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
