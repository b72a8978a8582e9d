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
 * Bound to a resident (`K` includes `forResident`), commands that concern no resident
 * (subject `"none"`, whose input has no `forResident`) are left out: they are reached
 * through `community.as(actor)` without `.for(...)`.
 */
export type Bound<T, K extends PropertyKey> = {
  readonly [P in keyof T as BindsTo<T[P], K> extends true ? P : never]: T[P] extends (
    input: infer I,
  ) => Promise<infer O>
    ? BoundFn<I, O, K>
    : T[P] extends object
      ? Bound<T[P], K>
      : T[P];
};

/** Whether a member stays in a {@link Bound} API: not a command refusing a bound `forResident`. */
type BindsTo<V, K extends PropertyKey> = V extends (input: infer I) => Promise<unknown>
  ? "forResident" extends K
    ? "forResident" extends keyof I
      ? true
      : false
    : true
  : true;

/** The subject mode a command function was built with (set by the kernel), for bindings. */
export const SUBJECT_MODE: unique symbol = Symbol("linli.subjectMode");

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
        // A command that concerns no resident takes no `forResident`: bind only the actor.
        const none = (value as { [SUBJECT_MODE]?: string })[SUBJECT_MODE] === "none";
        const own = none ? { actor: meta.actor } : meta;
        bound = (input?: Record<string, unknown>) =>
          (value as (input: unknown) => unknown)({ ...input, ...own });
      } else if (typeof value === "object" && value !== null && !(value instanceof Date)) {
        bound = bindMeta(value, meta);
      }
      cache.set(key, bound);
      return bound;
    },
  });
}
