/** Generates record ids. Injected so that tests and simulations are deterministic. */
export interface IdGenerator {
  /** A new unique id; `prefix` names the model (e.g. `booking`) for readable ids. */
  next(prefix?: string): string;
}

/** Random UUIDs from the runtime's `crypto.randomUUID` (Node 20 and every browser). */
export const randomIds: IdGenerator = { next: () => globalThis.crypto.randomUUID() };

/**
 * Deterministic ids `prefix-000001`, `prefix-000002`… one counter per prefix. For tests and
 * simulations; ids sort in creation order.
 */
export function sequentialIds(): IdGenerator {
  const counters = new Map<string, number>();
  return {
    next(prefix = "id") {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}-${String(n).padStart(6, "0")}`;
    },
  };
}
