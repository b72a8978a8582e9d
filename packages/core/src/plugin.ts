import type { z } from "zod";
import type { Actor, CommandMeta } from "./actor";
import type { Clock } from "./clock";
import type { KernelConfig } from "./config-schema";
import type { ErrorCatalog } from "./errors";
import type { DomainEvent } from "./events";
import type { IdGenerator } from "./ids";
import type { LocalizedText } from "./message";
import type { ModelDef } from "./model";
import type { Contribution, Registries, RegistryKey } from "./registry";
import type { Tx } from "./tx";

/** A community's configuration as parsed: the kernel's part plus one section per plugin id. */
export type CommunityConfig = KernelConfig & { readonly [section: string]: unknown };

/** Reports a cross-reference problem found by a plugin's config check. */
export type ReportProblem = (path: readonly PropertyKey[], code: string, message: LocalizedText) => void;

/**
 * What a command's `run` receives: the transaction, who acts and for whom, the instant,
 * and ways to emit events and check access. Everything it writes, and every event it
 * emits, commits together or not at all.
 */
export interface CommandContext {
  /** The command's transaction, scoped to the community. */
  readonly tx: Tx;
  /** Who issues the command. */
  readonly actor: Actor;
  /**
   * The resident the command concerns: `forResident` when given (already checked: the actor
   * may act for them), else the actor's own id when the actor is a resident or volunteer.
   */
  readonly subject: string | undefined;
  /** The instant of the command, from the injected clock, fixed for the whole command. */
  readonly now: Date;
  /** The injected id generator. */
  readonly ids: IdGenerator;
  /** The community's parsed configuration. */
  readonly config: CommunityConfig;
  /** The filled registries. */
  readonly registries: Registries;
  /**
   * Emits a domain event: in-transaction subscribers run at once; the event is written to the
   * outbox, numbered, when the command ends, in the same transaction (its `seq` is 0 until then).
   */
  emit(type: string, payload: Record<string, unknown>): Promise<DomainEvent>;
  /** Throws `ACCESS_DENIED` unless the actor is staff, admin or system. */
  requireStaff(action: string): void;
  /** Throws `ACCESS_DENIED` unless the actor may act for `residentId` (self, delegate, or staff). */
  requireActFor(residentId: string, action: string): Promise<void>;
  /** The eligibility groups the resident is in at `at` (default: now). Not access-checked: for rules and prices. */
  groupsOf(residentId: string, at?: Date): Promise<string[]>;
  /** The API of another plugin, or undefined when it is not installed (optional dependency). */
  plugin<A = unknown>(id: string): A | undefined;
}

/** A command's definition, given to {@link PluginContext.command}. */
export interface CommandDef<S extends z.ZodObject, O> {
  /** Unique name, `plugin.verb` (e.g. `booking.book`); hooks attach to it. */
  readonly name: string;
  /** The zod schema of the command's own input (the meta fields are added by the kernel). */
  readonly input: S;
  /** Actor kinds allowed at all. @default every kind */
  readonly allow?: readonly Actor["kind"][];
  /** Runs the command in its transaction. */
  run(cx: CommandContext, input: z.output<S>): Promise<O>;
}

/** A callable command or query: input plus {@link CommandMeta}, returning the result. */
export type CommandFn<S extends z.ZodObject, O> = (input: CommandInput<S>) => Promise<O>;

/** The input of a command: its own fields plus {@link CommandMeta} (only the meta for an empty schema). */
export type CommandInput<S extends z.ZodObject> = string extends keyof z.input<S>
  ? CommandMeta
  : z.input<S> & CommandMeta;

/** What a plugin's `api` factory receives. */
export interface PluginContext<Options = unknown> {
  /** The community id. */
  readonly communityId: string;
  /** The whole parsed configuration. */
  readonly config: CommunityConfig;
  /** This plugin's parsed configuration section. */
  readonly options: Options;
  /** The injected clock. */
  readonly clock: Clock;
  /** The injected id generator. */
  readonly ids: IdGenerator;
  /** The filled registries. */
  readonly registries: Registries;
  /** Defines a command: validated input, access, idempotency, one transaction, events, hooks. */
  command<S extends z.ZodObject, O>(def: CommandDef<S, O>): CommandFn<S, O>;
  /** Defines a query: validated input and access in a transaction; it may not emit events. */
  query<S extends z.ZodObject, O>(def: CommandDef<S, O>): CommandFn<S, O>;
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

/** An in-transaction subscriber to a domain event type; throwing aborts the command that emitted it. */
export type EventSubscriber = (cx: CommandContext, event: DomainEvent) => Promise<void> | void;

/** Where a plugin's config section comes from: a schema, or a function of the filled registries. */
export type PluginConfigSchema = z.ZodType | ((registries: Registries) => z.ZodType);

/**
 * A linli plugin: a factory returns a plain object of this type (use `satisfies LinliPlugin`
 * or {@link definePlugin}). The four domain packages are plugins of exactly this kind, and a
 * community's own plugin uses the same API with nothing private.
 */
export interface LinliPlugin<Id extends string = string, Api = unknown, Options = any> {
  /** Unique id; also the key of the plugin's config section and of its API on the community. */
  readonly id: Id;
  /** Plugins that must be installed too; a missing one fails `createCommunity`. */
  readonly requires?: readonly string[];
  /** Plugins used when present. */
  readonly optional?: readonly string[];
  /** This plugin's config section (`config[id]`); absent sections parse as `undefined`. */
  readonly config?: PluginConfigSchema;
  /** Cross-reference checks over the whole parsed config, run at load time. */
  readonly checkConfig?: (config: CommunityConfig, report: ReportProblem) => void;
  /** Models (tables) the plugin stores. */
  readonly models?: readonly ModelDef[];
  /** The plugin's error catalog, for documentation and lookup. */
  readonly errors?: ErrorCatalog;
  /** Registries this plugin owns and others may fill. */
  readonly registries?: readonly RegistryKey<unknown>[];
  /** Entries this plugin adds to registries (its own or other plugins'). */
  readonly contributes?: readonly Contribution<any>[];
  /** Hooks on named commands (of any plugin), run inside the command's transaction. */
  readonly hooks?: {
    readonly before?: Readonly<Record<string, BeforeHook>>;
    readonly after?: Readonly<Record<string, AfterHook>>;
  };
  /** In-transaction subscribers by event type. */
  readonly on?: Readonly<Record<string, EventSubscriber>>;
  /** Builds the plugin's commands and queries; the result becomes `community[id]`. */
  readonly api: (ctx: PluginContext<Options>) => Api;
}

/** Any plugin. */
export type AnyPlugin = LinliPlugin<string, unknown, any>;

/**
 * Identity helper that infers a plugin's literal id, API and options types. Equivalent to
 * writing the object with `satisfies LinliPlugin`, with better inference.
 */
export function definePlugin<const Id extends string, Api, Options = undefined>(
  plugin: LinliPlugin<Id, Api, Options>,
): LinliPlugin<Id, Api, Options> {
  return plugin;
}

/** The APIs that a tuple of plugins adds to a community, keyed by plugin id. */
export type PluginApis<P extends readonly AnyPlugin[]> = {
  readonly [K in P[number] as K["id"]]: ReturnType<K["api"]>;
};
