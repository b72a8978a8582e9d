import type { z } from "zod";
import type { Clock } from "./clock";
import type { CommandContext, CommandsOf, CommandTree } from "./command";
import type { KernelConfig, KernelConfigInput } from "./config-schema";
import type { ErrorCatalog } from "./errors";
import type { EventMap, Subscription } from "./event-def";
import type { IdGenerator } from "./ids";
import type { LocalizedText } from "./message";
import type { ModelDef } from "./model";
import type { Contribution, Registries, RegistryKey } from "./registry";

/** A community's configuration as parsed: the kernel's part plus one section per plugin id. */
export type CommunityConfig = KernelConfig & { readonly [section: string]: unknown };

/** Reports a cross-reference or semantic problem found by a plugin's config check. */
export type ReportProblem = (path: readonly PropertyKey[], code: string, message: LocalizedText) => void;

/** What a plugin's `api` factory receives. */
export interface PluginContext<Options = unknown> {
  /** The community id. */
  readonly communityId: string;
  /** The whole parsed configuration. */
  readonly config: CommunityConfig;
  /** This plugin's parsed configuration section, typed by its `config` schema. */
  readonly options: Options;
  /** The injected clock. */
  readonly clock: Clock;
  /** The injected id generator. */
  readonly ids: IdGenerator;
  /** The filled registries. */
  readonly registries: Registries;
  /**
   * Turns command and query definitions (`defineCommand`, `defineQuery`) into the plugin's
   * callable API. Each is named by its path under the plugin id: `{ waitlist: { join } }` of
   * plugin `booking` is `booking.waitlist.join`, the name hooks and idempotency records use.
   */
  commands<T extends CommandTree<Options>>(tree: T): CommandsOf<T>;
  /** The API of another plugin, or undefined (resolved at call time). */
  plugin<A = unknown>(id: string): A | undefined;
}

/** A hook run before a named command, inside its transaction; throwing aborts the command. */
export type BeforeHook = (cx: CommandContext, input: Record<string, unknown>) => Promise<void> | void;

/** A hook run after a named command, inside its transaction; throwing aborts the command. */
export type AfterHook = (
  cx: CommandContext,
  input: Record<string, unknown>,
  result: unknown,
) => Promise<void> | void;

/** The options a config schema parses to (`undefined` for a plugin without a config section). */
export type OptionsOf<C extends z.ZodType> = z.output<C>;

/**
 * A linli plugin: a factory returns a plain object of this type (write it with
 * {@link definePlugin}). The four domain packages are plugins of exactly this kind, and a
 * community's own plugin uses the same API with nothing private.
 *
 * Type parameters: the literal id, the API its `api` factory returns, and the zod schema of
 * its config section (which types `ctx.options`, `cx.options` and the community config).
 */
export interface LinliPlugin<Id extends string = string, Api = unknown, C extends z.ZodType = z.ZodType> {
  /** Unique id; also the key of the plugin's config section and of its API on the community. */
  readonly id: Id;
  /** Plugins that must be installed too; a missing one fails `createCommunity`. */
  readonly requires?: readonly string[];
  /** Plugins used when present (their events may be subscribed to, their registries filled). */
  readonly optional?: readonly string[];
  /**
   * The schema of this plugin's config section (`config[id]`), or a function of the filled
   * registries (for sections whose shape other plugins extend, such as booking's rule kinds).
   * Give it a default when the section may be left out.
   */
  readonly config?: C | ((registries: Registries) => C);
  /** Cross-reference and semantic checks over the parsed options and whole config, at load time. */
  readonly checkConfig?: (options: OptionsOf<C>, config: CommunityConfig, report: ReportProblem) => void;
  /** Models (tables) the plugin stores. */
  readonly models?: readonly ModelDef[];
  /** The plugin's error catalog, for documentation and lookup. */
  readonly errors?: ErrorCatalog;
  /** The events this plugin emits (`defineEvents(id, {...})`); only declared events may be emitted or subscribed to. */
  readonly events?: EventMap;
  /** Registries this plugin owns and others may fill. */
  readonly registries?: readonly RegistryKey<unknown>[];
  /** Entries this plugin adds to registries (its own or other plugins'). */
  readonly contributes?: readonly Contribution<any>[];
  /**
   * Hooks on named commands (of any plugin, `plugin.verb`), run inside the command's
   * transaction. A name that is no command of the community is refused by `createCommunity`.
   */
  readonly hooks?: {
    readonly before?: Readonly<Record<string, BeforeHook>>;
    readonly after?: Readonly<Record<string, AfterHook>>;
  };
  /** In-transaction subscribers, made with `subscribe(eventDef, fn)`. */
  readonly on?: readonly Subscription<any>[];
  /** Builds the plugin's API (usually `ctx.commands({...})`); the result becomes `community[id]`. */
  readonly api: (ctx: PluginContext<OptionsOf<C>>) => Api;
}

/** Any plugin. */
export type AnyPlugin = LinliPlugin<string, unknown, any>;

/**
 * Identity helper that infers a plugin's literal id, API and options types: `ctx.options`
 * is typed from `config` with no annotation. Equivalent to `satisfies LinliPlugin`, with
 * better inference.
 */
export function definePlugin<const Id extends string, Api, C extends z.ZodType = z.ZodUndefined>(
  plugin: LinliPlugin<Id, Api, C>,
): LinliPlugin<Id, Api, C> {
  return plugin;
}

/** The APIs that a tuple of plugins adds to a community, keyed by plugin id. */
export type PluginApis<P extends readonly AnyPlugin[]> = {
  readonly [K in P[number] as K["id"]]: ReturnType<K["api"]>;
};

/** The config section input type of a plugin (what a community writes under its id). */
export type ConfigInputOf<P> = P extends LinliPlugin<string, unknown, infer C> ? z.input<C> : never;

type RequiredSections<P extends readonly AnyPlugin[]> = {
  readonly [K in P[number] as undefined extends ConfigInputOf<K> ? never : K["id"]]: ConfigInputOf<K>;
};

type OptionalSections<P extends readonly AnyPlugin[]> = {
  readonly [K in P[number] as undefined extends ConfigInputOf<K> ? K["id"] : never]?: ConfigInputOf<K>;
};

/**
 * The configuration a community with these plugins is written as: the kernel's sections
 * plus one section per plugin, each typed by the plugin's schema (a wrong rule kind or
 * resource kind is a compile error). Configs read from JSON or YAML are `any` and are
 * checked at run time by `createCommunity`, every problem at once.
 */
export type CommunityConfigInput<P extends readonly AnyPlugin[] = []> = KernelConfigInput &
  RequiredSections<P> &
  OptionalSections<P>;

/**
 * Types a community configuration against the plugins it will run with, for completion in
 * editors and compile errors on typos. Returns the config unchanged (validation happens in
 * `createCommunity`).
 *
 * @example
 * ```ts
 * const config = defineCommunityConfig([bookingPlugin(), pricingPlugin()], {
 *   community: { id: "wangjialong", name: { "zh-CN": "王家垅社区", en: "Wangjialong" }, timeZone: "Asia/Shanghai", currency: "CNY" },
 *   booking: { rules: [{ id: "open", kind: "opening-hours", weekly: [] }] },
 * });
 * ```
 */
export function defineCommunityConfig<const P extends readonly AnyPlugin[]>(
  _plugins: P,
  config: CommunityConfigInput<P>,
): CommunityConfigInput<P> {
  return config;
}
