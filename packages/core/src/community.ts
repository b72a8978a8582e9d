import { type Clock, systemClock } from "./clock";
import { loadCommunityConfig } from "./community-config";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { type IdGenerator, randomIds } from "./ids";
import { type KernelApi, kernelApi } from "./kernel-api";
import type { AnyPlugin, CommunityConfig, PluginApis } from "./plugin";
import { resolvePlugins } from "./plugin-set";
import { Runtime } from "./runtime";
import type { StorageAdapter } from "./storage-adapter";

/** Options of {@link createCommunity}. */
export interface CreateCommunityOptions<P extends readonly AnyPlugin[]> {
  /** The community's configuration (parsed from JSON or YAML, or a preset). Validated here. */
  readonly config: unknown;
  /** Where records live. */
  readonly storage: StorageAdapter;
  /** The plugins installed; their APIs appear on the community under their ids. */
  readonly plugins?: P;
  /** Source of "now". @default the system clock */
  readonly clock?: Clock;
  /** Id generator. @default random UUIDs */
  readonly ids?: IdGenerator;
}

/**
 * A running community: the kernel's API (residents, households, delegations, eligibility,
 * events) plus one API per installed plugin, typed by the plugins given.
 */
export type Community<P extends readonly AnyPlugin[] = []> = KernelApi &
  PluginApis<P> & {
    /** The community id. */
    readonly id: string;
    /** The parsed configuration. */
    readonly config: CommunityConfig;
    /** Closes the storage. */
    close(): Promise<void>;
  };

/**
 * Creates a community: checks the plugins (dependencies, registries), validates the whole
 * configuration (every problem at once, `CONFIG_INVALID`), sets up storage for the kernel's
 * and the plugins' models, and builds the typed API.
 *
 * @example
 * ```ts
 * const community = await createCommunity({
 *   config: wangjialong,
 *   storage: memoryStorage(),
 *   plugins: [bookingPlugin(), pricingPlugin()],
 * });
 * await community.booking.book({ actor: { kind: "staff", id: "desk" }, forResident: "r1", ... });
 * ```
 */
export async function createCommunity<const P extends readonly AnyPlugin[] = []>(
  options: CreateCommunityOptions<P>,
): Promise<Community<P>> {
  const plugins = (options.plugins ?? []) as readonly AnyPlugin[];
  const set = resolvePlugins(plugins);
  const config = loadCommunityConfig(options.config, plugins, set.registries);
  try {
    await options.storage.setup(set.models);
  } catch (error) {
    if (error instanceof LinliError) throw error;
    throw LinliError.from(
      coreErrors,
      "STORAGE_ERROR",
      { reason: String((error as Error)?.message ?? error) },
      { cause: error },
    );
  }
  const runtime = new Runtime({
    adapter: options.storage,
    config,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? randomIds,
    registries: set.registries,
    plugins,
  });
  const community: Record<string, unknown> = {
    ...kernelApi(runtime.pluginContext({ id: "core", api: () => undefined }, undefined)),
    id: runtime.communityId,
    config,
    close: () => options.storage.close(),
  };
  for (const plugin of plugins) {
    const api = plugin.api(runtime.pluginContext(plugin, config[plugin.id]));
    runtime.apis.set(plugin.id, api);
    community[plugin.id] = api;
  }
  return community as Community<P>;
}
