import type { StorageAdapter } from "@linli/core";

/** Diagnostic counters of a memory adapter; see {@link memoryStorageStats}. */
export interface MemoryStorageStats {
  /**
   * Rows read so far: each row examined by a primary-key lookup, an index search (every
   * comparison of a binary search reads one row) or a scan, over the adapter's lifetime.
   */
  readonly rowsVisited: number;
}

/** The live counters of each memory adapter. */
const counters = new WeakMap<object, { rowsVisited: number }>();

/** Registers the live counters of a new adapter (internal). */
export function trackStats(adapter: StorageAdapter, stats: { rowsVisited: number }): void {
  counters.set(adapter, stats);
}

/**
 * Diagnostics, not for application code: how much work a memory adapter has done, to check
 * that its lookups stay sub-linear (rows visited by `findById`, by a unique insert or by an
 * indexed range query do not grow with the table) without timing anything. Undefined for an
 * adapter that `memoryStorage` did not create. The numbers may change between versions.
 *
 * @example
 * ```ts
 * const before = memoryStorageStats(storage)!.rowsVisited;
 * await community.residents.get({ actor, id });
 * console.log(memoryStorageStats(storage)!.rowsVisited - before); // 1
 * ```
 */
export function memoryStorageStats(adapter: StorageAdapter): MemoryStorageStats | undefined {
  const stats = counters.get(adapter);
  return stats ? { rowsVisited: stats.rowsVisited } : undefined;
}
