import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { kernelModels } from "./kernel-models";
import type { ModelDef } from "./model";
import type { AnyPlugin } from "./plugin";
import type { Registries } from "./registry";

/** The reserved ids that plugins may not take: the kernel's own API names. */
const RESERVED = new Set([
  "id",
  "config",
  "residents",
  "households",
  "delegations",
  "eligibility",
  "events",
  "close",
  "community",
  "as",
  "for",
]);

/** The plugins of a community, checked: unique ids, dependencies present, registries owned. */
export interface PluginSet {
  readonly plugins: readonly AnyPlugin[];
  readonly registries: Registries;
  readonly models: readonly ModelDef[];
}

const conflict = (reason: string) => LinliError.from(coreErrors, "PLUGIN_CONFLICT", { reason });

/**
 * Checks a list of plugins and fills their registries. Throws `PLUGIN_MISSING_DEPENDENCY`
 * when a required plugin is absent and `PLUGIN_CONFLICT` for duplicate ids or models, or a
 * contribution to a registry nobody owns.
 */
export function resolvePlugins(plugins: readonly AnyPlugin[]): PluginSet {
  // The same plugin instances, in the same order, give the same set: a process running many
  // communities with one list of plugins resolves it (and compiles its config schemas) once.
  let node: ResolvedNode | undefined;
  let level = resolvedRoot;
  for (const plugin of plugins) {
    node = level.get(plugin);
    if (!node) {
      node = { next: new WeakMap() };
      level.set(plugin, node);
    }
    level = node.next;
  }
  const target = node ?? resolvedEmpty;
  target.set ??= resolveUncached(plugins);
  return target.set;
}

/** One step of the cache of {@link resolvePlugins}: by plugin instance, then the next one. */
interface ResolvedNode {
  set?: PluginSet;
  readonly next: WeakMap<AnyPlugin, ResolvedNode>;
}
const resolvedRoot = new WeakMap<AnyPlugin, ResolvedNode>();
const resolvedEmpty: { set?: PluginSet } = {};

function resolveUncached(plugins: readonly AnyPlugin[]): PluginSet {
  const ids = new Set<string>();
  for (const plugin of plugins) {
    if (RESERVED.has(plugin.id)) throw conflict(`plugin id "${plugin.id}" is reserved by the kernel`);
    if (ids.has(plugin.id)) throw conflict(`plugin "${plugin.id}" is given twice`);
    ids.add(plugin.id);
  }
  for (const plugin of plugins) {
    for (const dep of plugin.requires ?? []) {
      if (!ids.has(dep))
        throw LinliError.from(coreErrors, "PLUGIN_MISSING_DEPENDENCY", { plugin: plugin.id, requires: dep });
    }
  }
  const entries = new Map<string, unknown[]>();
  for (const plugin of plugins) {
    for (const key of plugin.registries ?? []) {
      if (entries.has(key.name)) throw conflict(`registry "${key.name}" is declared twice`);
      entries.set(key.name, []);
    }
  }
  // Owners' own entries first, then the others in plugin order.
  const ordered = [...plugins].sort((a, b) => Number(!a.registries?.length) - Number(!b.registries?.length));
  for (const plugin of ordered) {
    for (const c of plugin.contributes ?? []) {
      const list = entries.get(c.registry.name);
      if (!list) {
        // A contribution to an optional plugin's registry is dropped when that plugin is absent.
        const owner = c.registry.name.split(".")[0] ?? "";
        if (plugin.optional?.includes(owner) && !ids.has(owner)) continue;
        throw conflict(`plugin "${plugin.id}" contributes to unknown registry "${c.registry.name}"`);
      }
      list.push(...c.entries);
    }
  }
  const registries: Registries = { get: (key) => (entries.get(key.name) ?? []) as never };
  const models: ModelDef[] = [...kernelModels];
  const names = new Set(models.map((m) => m.name));
  for (const plugin of plugins) {
    for (const model of plugin.models ?? []) {
      if (names.has(model.name)) throw conflict(`model "${model.name}" is declared twice`);
      names.add(model.name);
      models.push(model);
    }
  }
  return { plugins: [...plugins], registries, models };
}

/**
 * The registries a set of plugins fills (booking's rule kinds, pricing's price components…),
 * for tooling that documents or validates configurations without running a community (the
 * configuration reference, a CLI's `schema` command). Throws like `createCommunity` for a
 * conflicting set of plugins.
 */
export function registriesOf(plugins: readonly AnyPlugin[]): Registries {
  return resolvePlugins(plugins).registries;
}
