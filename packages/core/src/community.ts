import { type Bound, bindMeta } from "./acting-as";
import type { Actor } from "./actor";
import { type Clock, systemClock } from "./clock";
import { loadCommunityConfig } from "./community-config";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { type IdGenerator, timeOrderedIds } from "./ids";
import { type KernelApi, kernelApi } from "./kernel-api";
import type { AnyPlugin, CommunityConfig, CommunityConfigInput, PluginApis } from "./plugin";
import { resolvePlugins } from "./plugin-set";
import { Runtime } from "./runtime";
import type { StorageAdapter } from "./storage-adapter";

/** Options of {@link createCommunity}. */
export interface CreateCommunityOptions<P extends readonly AnyPlugin[]> {
  /**
   * The community's configuration, typed by the kernel's schema and the plugins passed
   * (see `defineCommunityConfig`). Parsed JSON or YAML (`any`) is accepted as it is and
   * validated here, every problem at once.
   */
  readonly config: CommunityConfigInput<NoInfer<P>>;
  /** Where records live. */
  readonly storage: StorageAdapter;
  /** The plugins installed; their APIs appear on the community under their ids. */
  readonly plugins?: P;
  /** Source of "now". @default the system clock */
  readonly clock?: Clock;
  /** Id generator. @default time-ordered UUIDs ({@link timeOrderedIds}) */
  readonly ids?: IdGenerator;
}

/** The commands and queries of a community with these plugins: the kernel's and each plugin's. */
export type CommunityApi<P extends readonly AnyPlugin[] = []> = KernelApi & PluginApis<P>;

/** The API of a community as one actor (see `community.as(actor)`): every command without `actor`. */
export type ActingCommunity<P extends readonly AnyPlugin[] = []> = Bound<CommunityApi<P>, "actor"> & {
  /** The same API for one resident: every command without `actor` and `forResident`. */
  for(residentId: string): Bound<CommunityApi<P>, "actor" | "forResident">;
};

/**
 * A running community: the kernel's API (residents, households, delegations, eligibility,
 * events) plus one API per installed plugin, typed by the plugins given.
 */
export type Community<P extends readonly AnyPlugin[] = []> = CommunityApi<P> & {
  /** The community id. */
  readonly id: string;
  /** The parsed configuration. */
  readonly config: CommunityConfig;
  /**
   * Binds who acts once, the way an HTTP framework binds a request's user:
   * `community.as(desk).for(residentId).booking.book({ resourceId, start, end })`.
   * The explicit `{ actor, forResident }` form stays for one-off calls.
   */
  as(actor: Actor): ActingCommunity<P>;
  /** Closes the storage. */
  close(): Promise<void>;
};

/**
 * Creates a community: checks the plugins (dependencies, registries, events, hooks),
 * validates the whole configuration (every problem at once, `CONFIG_INVALID`), sets up
 * storage for the kernel's and the plugins' models, and builds the typed API.
 *
 * @example
 * ```ts
 * const community = await createCommunity({
 *   config: wangjialong,
 *   storage: memoryStorage(),
 *   plugins: [bookingPlugin(), pricingPlugin()],
 * });
 * const desk = community.as({ kind: "staff", id: "desk" });
 * await desk.for(residentId).booking.book({ resourceId: "dryer-1", start, end });
 * ```
 */
export async function createCommunity<const P extends readonly AnyPlugin[] = []>(
  options: CreateCommunityOptions<P>,
): Promise<Community<P>> {
  const plugins = (options.plugins ?? []) as readonly AnyPlugin[];
  const set = resolvePlugins(plugins);
  const config = loadCommunityConfig(options.config, plugins, set.registries);
  const runtime = new Runtime({
    adapter: options.storage,
    config,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? timeOrderedIds,
    registries: set.registries,
    plugins,
  });
  const api: Record<string, unknown> = {
    ...kernelApi(runtime.pluginContext({ id: "core", api: () => undefined }, undefined)),
  };
  for (const plugin of plugins) {
    const built = plugin.api(runtime.pluginContext(plugin, config[plugin.id]));
    runtime.apis.set(plugin.id, built);
    api[plugin.id] = built;
  }
  runtime.checkHooks();
  runtime.checkPermissions();
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
  const community = {
    ...api,
    id: runtime.communityId,
    config,
    as: (actor: Actor) =>
      bindMeta(api, { actor }, { for: (forResident: string) => bindMeta(api, { actor, forResident }) }),
    close: () => options.storage.close(),
  };
  return community as unknown as Community<P>;
}
