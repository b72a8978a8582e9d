import { z } from "zod";
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
 */
export function defineModel<const Shape extends z.ZodRawShape>(
  name: string,
  shape: Shape,
  options: { indexes?: readonly IndexDef[] } = {},
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
  }
  return { name, schema, fields, indexes: options.indexes ?? [] };
}
