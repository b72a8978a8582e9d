import type * as z from "zod";
import type { ModelDef } from "./model";

// Per model, the partial schemas of the field sets patches have used, keyed by the sorted
// field names. A model has a handful of update shapes (a status change, a reminder mark), so
// the cache stays small; it is bounded anyway, in case a caller patches arbitrary subsets.
const MAX_SHAPES_PER_MODEL = 256;
const cache = new WeakMap<ModelDef, Map<string, z.ZodType>>();

/**
 * The schema that validates a patch of `keys` (fields of `model`): the model's schema
 * narrowed to those fields. Built (and compiled by zod) once per model and field set, not on
 * every update.
 */
export function patchSchema(model: ModelDef, keys: readonly string[]): z.ZodType {
  let byKeys = cache.get(model);
  if (!byKeys) {
    byKeys = new Map();
    cache.set(model, byKeys);
  }
  const key = keys.length === 1 ? keys[0]! : [...keys].sort().join("\u0000");
  let schema = byKeys.get(key);
  if (!schema) {
    const mask: Record<string, true> = {};
    for (const k of keys) mask[k] = true;
    schema = model.schema.pick(mask as never) as z.ZodType;
    if (byKeys.size >= MAX_SHAPES_PER_MODEL) byKeys.clear();
    byKeys.set(key, schema);
  }
  return schema;
}
