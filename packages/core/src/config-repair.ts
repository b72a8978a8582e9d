import type * as z from "zod";

/**
 * Where entries of lists were left out of a repaired input: for each list (keyed by its path
 * in the repaired input, see {@link listKey}), the original index of every entry kept.
 */
export type IndexMaps = Map<string, readonly number[]>;

/** A stand-in input for the value at `path` when it cannot be repaired, or undefined for none. */
export type StandIn = (path: readonly PropertyKey[]) => unknown;

/** A repaired input and where its lists lost entries, or no repair at all. */
export type Repair =
  | { readonly ok: true; readonly input: unknown; readonly maps: IndexMaps }
  | { readonly ok: false };

const NONE: Repair = { ok: false };

/** The key of a list's path in {@link IndexMaps}. */
export function listKey(path: readonly PropertyKey[]): string {
  return JSON.stringify(path.map((k) => (typeof k === "number" ? k : String(k))));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function merge(into: Map<string, readonly number[]>, from: IndexMaps): void {
  for (const [key, value] of from) into.set(key, value);
}

function repairObject(
  schema: z.ZodType,
  def: z.core.$ZodObjectDef,
  input: unknown,
  path: readonly PropertyKey[],
  standIn: StandIn | undefined,
): Repair {
  if (!isPlainObject(input)) return NONE;
  const out: Record<string, unknown> = {};
  const maps: IndexMaps = new Map();
  for (const [key, field] of Object.entries(def.shape)) {
    const repaired = repairInput(field as z.ZodType, input[key], [...path, key], standIn);
    if (!repaired.ok) return NONE;
    if (repaired.input !== undefined) out[key] = repaired.input;
    merge(maps, repaired.maps);
  }
  if (def.catchall && def.catchall._zod.def.type !== "never") {
    for (const [key, value] of Object.entries(input)) if (!(key in def.shape)) out[key] = value;
  }
  return schema.safeParse(out).success ? { ok: true, input: out, maps } : NONE;
}

function repairArray(
  schema: z.ZodType,
  def: z.core.$ZodArrayDef,
  input: unknown,
  path: readonly PropertyKey[],
  standIn: StandIn | undefined,
): Repair {
  if (!Array.isArray(input)) return NONE;
  const kept: unknown[] = [];
  const original: number[] = [];
  const maps: IndexMaps = new Map();
  input.forEach((entry, i) => {
    const repaired = repairInput(def.element as z.ZodType, entry, [...path, kept.length], standIn);
    if (!repaired.ok) return;
    kept.push(repaired.input);
    original.push(i);
    merge(maps, repaired.maps);
  });
  if (kept.length !== input.length) maps.set(listKey(path), original);
  return schema.safeParse(kept).success ? { ok: true, input: kept, maps } : NONE;
}

function repairInside(
  schema: z.ZodType,
  input: unknown,
  path: readonly PropertyKey[],
  standIn: StandIn | undefined,
): Repair {
  const def = schema._zod.def;
  switch (def.type) {
    case "default":
    case "prefault":
    case "optional": {
      const inner = (def as z.core.$ZodDefaultDef).innerType as z.ZodType;
      if (input !== undefined) {
        const repaired = repairInput(inner, input, path, standIn);
        if (repaired.ok && schema.safeParse(repaired.input).success) return repaired;
      }
      // Left out: the default (or nothing, for an optional value) takes its place.
      return schema.safeParse(undefined).success ? { ok: true, input: undefined, maps: new Map() } : NONE;
    }
    case "object":
      return repairObject(schema, def as z.core.$ZodObjectDef, input, path, standIn);
    case "array":
      return repairArray(schema, def as z.core.$ZodArrayDef, input, path, standIn);
    default:
      return NONE;
  }
}

/**
 * Repairs an input that does not parse into one that does, keeping every part that is valid
 * on its own: a list keeps the entries that parse (or can be repaired) and leaves out the
 * others; an object keeps its valid fields and gives a broken field its default (leaving an
 * optional one out); a broken required field takes `standIn`'s value, or the object cannot
 * be repaired. Object-level refinements are checked again on the repaired object. Anything
 * else (a union, a scalar) is kept whole or not at all.
 *
 * The result is an *input* for `schema` (parse it to get the value), with the original index
 * of every entry of every list that lost some, so paths into the repaired value can be
 * translated back into the document (see {@link originalPath}). Pure.
 */
export function repairInput(
  schema: z.ZodType,
  input: unknown,
  path: readonly PropertyKey[],
  standIn?: StandIn,
): Repair {
  if (schema.safeParse(input).success) return { ok: true, input, maps: new Map() };
  const repaired = repairInside(schema, input, path, standIn);
  if (repaired.ok) return repaired;
  const replacement = standIn?.(path);
  if (replacement !== undefined && schema.safeParse(replacement).success) {
    return { ok: true, input: replacement, maps: new Map() };
  }
  return NONE;
}

/** A path into a repaired value, translated to the same place in the original document. */
export function originalPath(path: readonly PropertyKey[], maps: IndexMaps): PropertyKey[] {
  if (maps.size === 0) return [...path];
  return path.map((key, i) => {
    if (typeof key !== "number") return key;
    return maps.get(listKey(path.slice(0, i)))?.[key] ?? key;
  });
}
