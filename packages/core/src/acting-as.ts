import type { Actor } from "./actor";

/** Meta fields bound once for many calls: who acts, and optionally for whom. */
export interface BoundMeta {
  /** Who issues every command made through the binding. */
  readonly actor: Actor;
  /** The resident every command made through the binding concerns. */
  readonly forResident?: string;
}

/** A command with some of its input fields bound: the rest, optional when nothing else is required. */
type BoundFn<I, O, K extends PropertyKey> =
  {} extends Omit<I, K> ? (input?: Omit<I, K>) => Promise<O> : (input: Omit<I, K>) => Promise<O>;

/**
 * An API (a community, or one plugin's part of it) with the meta fields `K` bound: each
 * command takes its input without them. Nested groups (`booking.waitlist`) are bound too.
 */
export type Bound<T, K extends PropertyKey> = {
  readonly [P in keyof T]: T[P] extends (input: infer I) => Promise<infer O>
    ? BoundFn<I, O, K>
    : T[P] extends object
      ? Bound<T[P], K>
      : T[P];
};

/**
 * Binds meta fields onto every command reachable from `api`, lazily (a proxy: nothing is
 * walked or copied up front, so `community.as(actor)` per request is cheap). Explicit fields
 * in a call's input cannot override the bound ones.
 */
export function bindMeta<T extends object>(
  api: T,
  meta: BoundMeta,
  extra: Readonly<Record<string, unknown>> = {},
): unknown {
  const cache = new Map<PropertyKey, unknown>(Object.entries(extra));
  return new Proxy(api, {
    set: () => false,
    get(target, key) {
      if (cache.has(key)) return cache.get(key);
      const value = Reflect.get(target, key);
      let bound: unknown = value;
      if (typeof value === "function") {
        bound = (input?: Record<string, unknown>) =>
          (value as (input: unknown) => unknown)({ ...input, ...meta });
      } else if (typeof value === "object" && value !== null && !(value instanceof Date)) {
        bound = bindMeta(value, meta);
      }
      cache.set(key, bound);
      return bound;
    },
  });
}
