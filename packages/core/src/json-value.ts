/**
 * JSON encoding that keeps `Date`s: used to store command results for idempotent retries,
 * so a retried command returns exactly what the first call returned.
 */
export function toStoredJson(value: unknown): unknown {
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Array.isArray(value)) return value.map(toStoredJson);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toStoredJson(v);
    return out;
  }
  return value === undefined ? null : value;
}

/** The inverse of {@link toStoredJson}. */
export function fromStoredJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromStoredJson);
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === "$date" && typeof obj.$date === "string") return new Date(obj.$date);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = fromStoredJson(v);
    return out;
  }
  return value;
}

/** A canonical string of a JSON-like value (sorted keys), for fingerprints. */
export function canonicalJson(value: unknown): string {
  const encoded = toStoredJson(value);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object") {
      return Object.fromEntries(
        Object.keys(v as object)
          .sort()
          .map((k) => [k, walk((v as Record<string, unknown>)[k])]),
      );
    }
    return v;
  };
  return JSON.stringify(walk(encoded));
}
