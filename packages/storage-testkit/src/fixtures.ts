import { type IdGenerator, sequentialIds, type StorageAdapter, type Tx } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";

/** Runs `fn` in a transaction of `adapter`, through the kernel's Tx for `communityId`. */
export function inTx<T>(
  adapter: StorageAdapter,
  fn: (tx: Tx) => Promise<T>,
  communityId = "testkit",
  ids: IdGenerator = sequentialIds(),
): Promise<T> {
  const codec = new ValueCodec(adapter.capabilities);
  return adapter.transaction((inner) => fn(createTx(inner, { communityId, ids, codec })));
}

/**
 * Runs `fn` in a read-only transaction of `adapter` (`{ readOnly: true }`, as the kernel runs
 * queries), through the kernel's Tx for `communityId`.
 */
export function inReadOnlyTx<T>(
  adapter: StorageAdapter,
  fn: (tx: Tx) => Promise<T>,
  communityId = "testkit",
): Promise<T> {
  const codec = new ValueCodec(adapter.capabilities);
  return adapter.transaction((inner) => fn(createTx(inner, { communityId, ids: sequentialIds(), codec })), {
    readOnly: true,
  });
}

/** A sample row with distinct values, numbered `n`. */
export function sample(n: number) {
  return {
    id: `s${String(n).padStart(3, "0")}`,
    name: ["alpha", "beta", "gamma", "delta", "epsilon"][n % 5]! + `-${n}`,
    rank: n % 7,
    score: n / 4,
    active: n % 2 === 0,
    at: new Date(Date.UTC(2026, 0, 1 + n, 8, 30, 15, 123)),
    tags: [`t${n % 3}`],
    meta: { n, nested: { even: n % 2 === 0 } },
    note: n % 3 === 0 ? null : `note ${n}`,
  };
}

/** The error code of a rejected promise, or "resolved". */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "resolved";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

/**
 * A small deterministic pseudo-random generator (mulberry32): numbers in `[0, 1)`, the same
 * stream for the same seed on every run and adapter, so that a failing run can be replayed.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
