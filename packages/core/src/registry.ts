/**
 * A typed extension point that a plugin owns and other plugins fill: booking's rule kinds,
 * pricing's price components, volunteers' match criteria. The key carries the entry type.
 */
export interface RegistryKey<T> {
  /** Unique name, `plugin.thing` (e.g. `booking.rule-kinds`). */
  readonly name: string;
  /** Phantom field carrying the entry type; never set at run time. */
  readonly __entry?: T;
}

/** Declares a registry key. */
export function defineRegistry<T>(name: string): RegistryKey<T> {
  return { name };
}

/** Entries for a registry, as a plugin declares them. */
export interface Contribution<T = unknown> {
  /** The registry filled. */
  readonly registry: RegistryKey<T>;
  /** The entries added. */
  readonly entries: readonly T[];
}

/** Typed helper to declare a contribution. */
export function contribute<T>(registry: RegistryKey<T>, entries: readonly T[]): Contribution<T> {
  return { registry, entries } as Contribution<T>;
}

/** Read access to the filled registries. */
export interface Registries {
  /** Every entry contributed to `key`, owner's first, then in plugin order. */
  get<T>(key: RegistryKey<T>): readonly T[];
}
