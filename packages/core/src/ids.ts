import { uuidv7 } from "uuidv7";

/** Generates record ids. Injected so that tests and simulations are deterministic. */
export interface IdGenerator {
  /** A new unique id; `prefix` names the model (e.g. `booking`) for readable ids. */
  next(prefix?: string): string;
}

/**
 * Time-ordered UUIDs (version 7, RFC 9562): a millisecond timestamp, then random bits, each
 * id greater than the one before (the `uuidv7` package, on `crypto.getRandomValues`: Node 20
 * and every browser). The default. A new row's id sorts after every older one, so it lands at
 * the end of the primary key's index, on a page that stays in cache, where a random id lands
 * anywhere in years of history and writes a page that must first be read from disk (SQLite
 * and PostgreSQL alike). The id carries its creation time to the millisecond, as `createdAt`
 * does (see docs/privacy.md); pass {@link randomIds} to keep it out of ids.
 */
export const timeOrderedIds: IdGenerator = { next: () => uuidv7() };

/** Random UUIDs (version 4) from the runtime's `crypto.randomUUID` (Node 20 and every browser). */
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
