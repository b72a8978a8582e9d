import type * as z from "zod";
import type { Clock } from "./clock";
import type { CommandContext, CommandsOf, CommandTree } from "./command";
import type { KernelConfig, KernelConfigInput } from "./config-schema";
import type { ErrorCatalog } from "./errors";
import type { EventMap, Subscription } from "./event-def";
import type { IdGenerator } from "./ids";
import type { LocalizedText } from "./message";
import type { ModelDef } from "./model";
import type { PersonalDataHooks } from "./personal-data";
import type { Contribution, Registries, RegistryKey } from "./registry";

/** A community's configuration as parsed: the kernel's part plus one section per plugin id. */
export type CommunityConfig = KernelConfig & { readonly [section: string]: unknown };

/** Reports a cross-reference or semantic problem found by a plugin's config check. */
export type ReportProblem = (path: readonly PropertyKey[], code: string, message: LocalizedText) => void;

/**
 * What a config check may ask about the parts of the configuration that have structural
 * problems. Checks run in the same pass as the structural validation, on what parsed (see
 * {@link LinliPlugin.checkConfig}), so a check may see a list without its broken entries or
 * an entry with a stand-in for a broken field.
 */
export interface ConfigCheckContext {
  /**
   * Whether the value at `path` (into the whole configuration, in the coordinates the check
   * sees, e.g. `["community", "currency"]` or `["pricing", "plans"]`) has a structural
   * problem, itself or anywhere inside it. A reference that finds nothing in a list with
   * broken entries may name one of them: report it only when the list is not broken.
   */
  isBroken(path: readonly PropertyKey[]): boolean;
  /** The filled registries (the rule kinds or price components whose own checks a plugin runs). */
  readonly registries: Registries;
}

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
  /**
   * Cross-reference and semantic checks over the parsed options and the whole config, run at
   * load time in the same pass as the structural validation, so `createCommunity` lists every
   * problem at once. Report each with a path into the config, a stable code and zh-CN and en
   * messages.
   *
   * Checks see only values that satisfy their schemas. When the config has structural
   * problems, the check runs on what parsed: it is skipped when this plugin's own section
   * cannot be used at all; otherwise list entries with problems are left out of `options` (and
   * of other plugins' sections), a broken field with a default has its default, and a kernel
   * entry with a broken required field (`name`, `kind`) keeps a stand-in so references to it
   * still resolve (one with a broken `id` is left out). Report paths as the check sees them:
   * indexes are translated back to the document. Ask `context.isBroken(path)` before
   * reporting something that a broken part could explain (an unknown plan id while some plans
   * did not parse, a currency mismatch with a broken community currency).
   */
  readonly checkConfig?: (
    options: OptionsOf<C>,
    config: CommunityConfig,
    report: ReportProblem,
    context: ConfigCheckContext,
  ) => void;
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
  /**
   * How the plugin exports and erases a resident's data, for the kernel's
   * `core.privacy.export` and `core.privacy.erase`. A plugin that stores anything about a
   * resident should give it.
   */
  readonly personalData?: PersonalDataHooks<OptionsOf<C>>;
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
