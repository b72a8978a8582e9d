import * as z from "zod";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";

/**
 * The storage type of one field, derived from its zod schema. Adapters map each kind to a
 * column type; kinds an engine lacks natively (dates, JSON, booleans) are converted by the
 * kernel according to the adapter's declared capabilities.
 */
export type FieldKind = "string" | "integer" | "number" | "boolean" | "date" | "json";

/** What an adapter needs to know about one field. */
export interface FieldDef {
  /** The storage type. */
  readonly kind: FieldKind;
  /** False when the field is optional, nullable or has a default. */
  readonly required: boolean;
}

/** An index a plugin asks for, to make its queries fast. */
export interface IndexDef {
  /** Fields in index order; `communityId` is always prepended by adapters. */
  readonly fields: readonly string[];
  /** A unique index. */
  readonly unique?: boolean;
  /**
   * Fields stored in the index besides its keys (a covering index), so that a read which
   * needs only the keys and these fields (a `select` projection) is answered from the index
   * alone, without a look-up of each row in the table. Not part of the key: uniqueness and
   * order are the keys'. An adapter may ignore it (the memory adapter has no table to save a
   * look-up in); the SQLite adapter appends them as trailing index columns, PostgreSQL as
   * `INCLUDE`.
   */
  readonly include?: readonly string[];
  /**
   * Makes a partial index: only rows whose `field` is null (`is: "null"`) or holds a value
   * (`is: "not-null"`) are in it, so a write of any other row costs the index nothing. A
   * read is served by it when its clauses imply the condition: an equality on `field` with a
   * value implies `"not-null"`, an equality with `null` implies `"null"`. Use it for an
   * optional field that most rows leave null (`seriesId`) or for rows in one state that
   * reads look for (events not acknowledged yet). Not allowed with `unique` (uniqueness over
   * some rows only would differ between adapters). The memory adapter indexes every row
   * (the same answers); SQLite and PostgreSQL create `CREATE INDEX … WHERE`.
   */
  readonly where?: IndexCondition;
}

/** The condition of a partial index (`IndexDef.where`): one field null, or not null. */
export interface IndexCondition {
  /** The field the condition reads. */
  readonly field: string;
  /** Rows whose field is null (`"null"`), or holds a value (`"not-null"`). */
  readonly is: "null" | "not-null";
}

/**
 * A time interval a model's rows occupy, `[row[start], row[end])`, with an upper bound on its
 * length. The bound is what makes overlap reads two-sided: a row overlapping `[from, to)` has
 * `end > from` and, since `end - start <= maxSpanMs`, `end < to + maxSpanMs`, so the read is
 * a bounded range on an index led by the end field (see `overlapWhere`), whatever the
 * history before `from`. The kernel refuses a write whose interval is longer
 * (`VALIDATION_FAILED`, problem `INTERVAL_TOO_LONG`), so the bound always holds.
 */
export interface IntervalDef {
  /** The date field where each row's interval starts. */
  readonly start: string;
  /** The date field where it ends (exclusive). */
  readonly end: string;
  /** The longest interval a row may hold, in milliseconds (a positive safe integer). */
  readonly maxSpanMs: number;
}

/**
 * A model (table) that the kernel or a plugin stores. Every row has `id` and `communityId`
 * (together the primary key) in addition to the declared fields.
 */
export interface ModelDef<Shape extends z.ZodRawShape = z.ZodRawShape> {
  /** Table name: lowercase snake_case, unique across the kernel and all plugins. */
  readonly name: string;
  /** The zod schema of the row, without `id` and `communityId`. */
  readonly schema: z.ZodObject<Shape>;
  /** Field storage types, derived from the schema. */
  readonly fields: Readonly<Record<string, FieldDef>>;
  /** Indexes for the queries the owner makes. */
  readonly indexes: readonly IndexDef[];
  /** Bounded time intervals of the rows, checked by the kernel on every write. */
  readonly intervals?: readonly IntervalDef[];
}

/** The fields every row carries. */
export interface RowKeys {
  /** Unique within the community. */
  id: string;
  /** The community the row belongs to (multi-tenancy). */
  communityId: string;
}

/** The stored row of a model: its declared fields plus `id` and `communityId`. */
export type RowOf<M extends ModelDef> = RowKeys & z.output<M["schema"]>;

/** What `create` accepts for a model: declared fields (defaults optional), `id` optional. */
export type InputOf<M extends ModelDef> = Partial<Pick<RowKeys, "id">> & z.input<M["schema"]>;

function fieldOf(schema: z.ZodType): FieldDef {
  let current = schema as z.ZodType & { _zod: { def: { type: string; innerType?: z.ZodType } } };
  let required = true;
  for (;;) {
    const type = current._zod.def.type;
    if (type === "optional" || type === "nullable" || type === "default" || type === "prefault") {
      required = false;
      current = current._zod.def.innerType as typeof current;
      continue;
    }
    if (type === "readonly" || type === "catch") {
      current = current._zod.def.innerType as typeof current;
      continue;
    }
    break;
  }
  const type = current._zod.def.type;
  switch (type) {
    case "string":
    case "enum":
      return { kind: "string", required };
    case "literal": {
      const values = (current._zod.def as unknown as { values: unknown[] }).values;
      return { kind: values.every((v) => typeof v === "string") ? "string" : "json", required };
    }
    case "number":
      return { kind: (current as unknown as z.ZodNumber).isInt ? "integer" : "number", required };
    case "boolean":
      return { kind: "boolean", required };
    case "date":
      return { kind: "date", required };
    default:
      return { kind: "json", required };
  }
}

const MODEL_NAME = /^[a-z][a-z0-9_]*$/;

/**
 * Refuses a field schema that is not a zod 4 schema (linli reads zod 4's `_zod.def`). An app
 * whose `zod` resolves to 3.x gets `ZOD_VERSION_UNSUPPORTED` naming what it has, instead of a
 * `TypeError` deep inside the kernel; this runs when `@linli/core` is loaded, since the
 * kernel's own models are declared with the app's zod.
 */
function assertZod4(model: string, field: string, value: unknown): void {
  if (typeof value !== "object" || value === null)
    throw new TypeError(`model ${model}: field ${field} is not a zod schema (got ${typeof value})`);
  const internals = (value as { _zod?: { def?: unknown } })._zod;
  if (typeof internals === "object" && internals !== null && typeof internals.def === "object") return;
  const def = (value as { _def?: { typeName?: unknown } })._def;
  if (typeof def !== "object" || def === null)
    throw new TypeError(`model ${model}: field ${field} is not a zod schema`);
  const found = typeof def.typeName === "string" ? `zod 3 (${def.typeName})` : "pre-4 zod";
  throw LinliError.from(coreErrors, "ZOD_VERSION_UNSUPPORTED", { model, field, found });
}

/**
 * Declares a model from a zod object shape. The schema both validates rows on write and
 * tells adapters the storage type of each field. Field schemas must come from zod 4 (linli's
 * peer dependency `zod ^4`); a zod 3 schema is refused with `ZOD_VERSION_UNSUPPORTED`.
 *
 * @example
 * ```ts
 * export const loanModel = defineModel("lending_loan", {
 *   itemId: z.string(),
 *   residentId: z.string(),
 *   dueAt: z.date(),
 *   returnedAt: z.date().nullable().default(null),
 * }, { indexes: [{ fields: ["itemId"] }] });
 * ```
 *
 * A model whose rows occupy time intervals declares them with a maximum length, and an index
 * led by the end field, so that overlap reads stay bounded on both sides:
 * ```ts
 * defineModel("lending_hold", { itemId: z.string(), from: z.date(), until: z.date() }, {
 *   indexes: [{ fields: ["itemId", "until", "from"] }],
 *   intervals: [{ start: "from", end: "until", maxSpanMs: 90 * 86_400_000 }],
 * });
 * ```
 */
export function defineModel<const Shape extends z.ZodRawShape>(
  name: string,
  shape: Shape,
  options: { indexes?: readonly IndexDef[]; intervals?: readonly IntervalDef[] } = {},
): ModelDef<Shape> {
  if (!MODEL_NAME.test(name)) throw new TypeError(`model name ${name} must be lowercase snake_case`);
  if ("id" in shape || "communityId" in shape)
    throw new TypeError(`model ${name}: id and communityId are implicit`);
  for (const [key, value] of Object.entries(shape)) assertZod4(name, key, value);
  const schema = z.object(shape);
  const fields: Record<string, FieldDef> = {};
  for (const [key, value] of Object.entries(shape)) fields[key] = fieldOf(value as z.ZodType);
  for (const index of options.indexes ?? []) {
    for (const f of index.fields)
      if (!(f in fields) && f !== "id") throw new TypeError(`model ${name}: index on unknown field ${f}`);
    for (const f of index.include ?? [])
      if (!(f in fields) && f !== "id")
        throw new TypeError(`model ${name}: index includes unknown field ${f}`);
    if (index.where) {
      if (!(index.where.field in fields))
        throw new TypeError(`model ${name}: index condition on unknown field ${index.where.field}`);
      if (index.where.is !== "null" && index.where.is !== "not-null")
        throw new TypeError(`model ${name}: index condition must be "null" or "not-null"`);
      if (index.unique) throw new TypeError(`model ${name}: a unique index cannot be partial`);
    }
  }
  for (const interval of options.intervals ?? []) {
    for (const f of [interval.start, interval.end])
      if (fields[f]?.kind !== "date")
        throw new TypeError(`model ${name}: interval field ${f} is not a date field`);
    if (!Number.isSafeInteger(interval.maxSpanMs) || interval.maxSpanMs <= 0)
      throw new TypeError(`model ${name}: interval maxSpanMs must be a positive safe integer`);
  }
  const model: ModelDef<Shape> = { name, schema, fields, indexes: options.indexes ?? [] };
  return options.intervals ? { ...model, intervals: options.intervals } : model;
}
