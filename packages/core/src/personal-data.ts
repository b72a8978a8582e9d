import type { CommandContext } from "./command";
import type { AnyPlugin } from "./plugin";
import type { Registries } from "./registry";

/**
 * How a plugin takes part in a resident's data requests (`personalData` on `definePlugin`):
 * `export` returns everything the plugin stores about the resident, as JSON-ready data;
 * `erase` anonymises it (clears names, phone numbers, free text; keeps ids, counts and
 * amounts, so statistics remain). Both run inside the kernel's export query or erase command,
 * with the plugin's own options.
 */
export interface PersonalDataHooks<Options = unknown> {
  /** Everything the plugin stores about `residentId`. Runs in a read-only transaction. */
  export(cx: CommandContext<Options>, residentId: string): Promise<unknown>;
  /** Anonymises what the plugin stores about `residentId`, keeping ids and figures. */
  erase(cx: CommandContext<Options>, residentId: string): Promise<void>;
}

/** The installed plugins' personal-data hooks, per community (keyed by its registries object). */
const hooksByCommunity = new WeakMap<Registries, readonly AnyPlugin[]>();

/** Records which plugins of a community answer personal-data requests (called by the runtime). */
export function registerPersonalData(registries: Registries, plugins: readonly AnyPlugin[]): void {
  hooksByCommunity.set(
    registries,
    plugins.filter((p) => p.personalData !== undefined),
  );
}

/** The plugins of the community of `cx` with personal-data hooks, in installation order. */
export function personalDataPlugins(cx: CommandContext): readonly AnyPlugin[] {
  return hooksByCommunity.get(cx.registries) ?? [];
}
