import type * as z from "zod";
import type { Actor, ActorKind } from "./actor";
import type { CommunityConfig } from "./plugin";
import type { AuditEntry } from "./audit";
import type { AnyEventDef, PayloadOf } from "./event-def";
import type { DomainEvent } from "./events";
import type { IdGenerator } from "./ids";
import type { Registries } from "./registry";
import type { Tx } from "./tx";

/**
 * Whether a command concerns a resident (its *subject*):
 * - `required`: it always does (a resident's balance); a staff actor must name one with `forResident`.
 * - `optional`: it may (a booking, made by staff for nobody in particular or for a caller).
 * - `none`: it never does (approving a booking by id); `forResident` is not accepted.
 *
 * The kernel resolves the subject once, before `run`: `forResident` when given (checked to
 * exist and that the actor may act for them), else the acting resident or volunteer. A
 * missing required subject is `SUBJECT_REQUIRED`, the same code for every command.
 */
export type SubjectMode = "required" | "optional" | "none";

/** The type of `cx.subject` for a {@link SubjectMode}. */
export type SubjectOf<M extends SubjectMode> = M extends "required"
  ? string
  : M extends "none"
    ? undefined
    : string | undefined;

/**
 * Who may call a command at all, before any finer check in `run`: a list of actor kinds, or
 * `"staff"` for staff, admin and system actors. @default every kind
 */
export type AllowSpec = "staff" | readonly ActorKind[];

/**
 * What a command's `run` receives: the transaction, who acts and for whom, the instant, the
 * plugin's typed options, and ways to emit events and check access. Everything it writes, and
 * every event it emits, commits together or not at all.
 */
export interface CommandContext<Options = unknown, Subject extends string | undefined = string | undefined> {
  /** The command's transaction, scoped to the community (read-only for queries). */
  readonly tx: Tx;
  /** Who issues the command. */
  readonly actor: Actor;
  /**
   * The acting member's roles (`desk`, `admin`…; `resident` for a resident), verified by the
   * kernel before `run`, for finer checks than `allow` and the configuration's `permissions`.
   */
  readonly roles: readonly string[];
  /** The resident the command concerns, resolved by the kernel (see {@link SubjectMode}). */
  readonly subject: Subject;
  /** The instant of the command, from the injected clock, fixed for the whole command. */
  readonly now: Date;
  /** The injected id generator. */
  readonly ids: IdGenerator;
  /** The whole parsed community configuration. */
  readonly config: CommunityConfig;
  /** The parsed options (config section) of the plugin that defined the command. */
  readonly options: Options;
  /** The filled registries. */
  readonly registries: Registries;
  /**
   * Emits a domain event declared with `defineEvents`: the payload is checked against the
   * event's schema at compile time and at run time. In-transaction subscribers run at once;
   * the event is written to the outbox, numbered, when the command ends, in the same
   * transaction (its `seq` is 0 until then). Queries may not emit.
   */
  emit<E extends AnyEventDef>(event: E, payload: PayloadOf<E>): Promise<DomainEvent>;
  /**
   * Appends an audit record (who, when, what, about whom, why) for a sensitive decision: a
   * waiver, a price override, an approval, a change of eligibility or roles. Written with the
   * command's changes, or not at all; append-only; readable by staff (`core.audit.list`).
   * Queries may not audit.
   */
  audit(entry: AuditEntry): void;
  /** Throws `ACCESS_DENIED` unless the actor is staff, admin or system. */
  requireStaff(action: string): void;
  /** Throws `ACCESS_DENIED` unless the actor may act for `residentId` (self, delegate, or staff). */
  requireActFor(residentId: string, action: string): Promise<void>;
  /**
   * Whether the actor may act for `residentId` (self, delegate, or staff), without throwing:
   * for reads that answer "not found" about what the actor may not see, exactly as for what
   * does not exist, so an id's existence is not revealed.
   */
  mayActFor(residentId: string): Promise<boolean>;
  /** The eligibility groups the resident is in at `at` (default: now). Not access-checked: for rules and prices. */
  groupsOf(residentId: string, at?: Date): Promise<string[]>;
  /** The API of another plugin, or undefined when it is not installed (optional dependency). */
  plugin<A = unknown>(id: string): A | undefined;
}

/**
 * A command or query, defined on its own (one per file) with {@link defineCommand} or
 * {@link defineQuery}, and named by the key it is registered under (`ctx.commands`).
 */
export interface CommandDefinition<
  S extends z.ZodObject = z.ZodObject,
  O = unknown,
  M extends SubjectMode = SubjectMode,
  Options = any,
> {
  /** `command` runs in a read-write transaction and may emit; `query` is read-only. */
  readonly kind: "command" | "query";
  /** The zod schema of the command's own input; the kernel adds the meta fields. */
  readonly input: S;
  /** Actor kinds allowed at all. @default every kind */
  readonly allow?: AllowSpec;
  /** Whether the command concerns a resident. @default "optional" */
  readonly subject?: M;
  /** Runs in the command's transaction. */
  run(cx: CommandContext<Options, SubjectOf<M>>, input: z.output<S>): Promise<O>;
}

/** Any {@link CommandDefinition}. */
export type AnyCommandDefinition = CommandDefinition<z.ZodObject, any, SubjectMode, any>;

/** A {@link CommandDefinition} without its kind, as written by a plugin author. */
export type CommandSpec<S extends z.ZodObject, O, M extends SubjectMode, Options> = Omit<
  CommandDefinition<S, O, M, Options>,
  "kind"
>;

/**
 * Defines a command: validated input, access, subject, idempotency, one transaction with its
 * events, hooks. Register it in `ctx.commands({ verb: ... })`; its name is `plugin.verb`.
 *
 * @example
 * ```ts
 * export const post = defineCommand({
 *   allow: ["staff", "volunteer"],
 *   subject: "none",
 *   input: z.object({ text: z.string().min(1).max(140) }),
 *   run: async (cx, input) => cx.tx.create(noticeModel, { ...input, postedAt: cx.now }),
 * });
 * ```
 */
export function defineCommand<
  S extends z.ZodObject,
  O,
  const M extends SubjectMode = "optional",
  Options = any,
>(spec: CommandSpec<S, O, M, Options>): CommandDefinition<S, O, M, Options> {
  return { ...spec, kind: "command" };
}

/** Defines a query: like {@link defineCommand}, in a read-only transaction, and it may not emit events. */
export function defineQuery<
  S extends z.ZodObject,
  O,
  const M extends SubjectMode = "optional",
  Options = any,
>(spec: CommandSpec<S, O, M, Options>): CommandDefinition<S, O, M, Options> {
  return { ...spec, kind: "query" };
}

/**
 * What every command takes besides its own input: who acts and an optional idempotency key.
 * Commands that concern a resident also take `forResident` ({@link SubjectMeta}).
 */
export interface ActorMeta {
  /** Who issues the command. */
  readonly actor: Actor;
  /** Retries with the same key return the first result and write nothing twice. */
  readonly idempotencyKey?: string;
}

/** The resident a command is for, when not the acting resident (staff booking for a caller). */
export interface SubjectMeta {
  /** The resident the command concerns. The one spelling of "for whom" in every command and query. */
  readonly forResident?: string;
}

/** The meta fields of a command with subject mode `M`. */
export type MetaOf<M extends SubjectMode> = M extends "none" ? ActorMeta : ActorMeta & SubjectMeta;

/** The input of a command: its own fields plus the meta fields (only the meta for an empty schema). */
export type CommandInput<
  S extends z.ZodObject,
  M extends SubjectMode = SubjectMode,
> = string extends keyof z.input<S> ? MetaOf<M> : z.input<S> & MetaOf<M>;

/** A callable command or query: input plus meta, returning the result. */
export type CommandFn<S extends z.ZodObject, O, M extends SubjectMode = SubjectMode> = (
  input: CommandInput<S, M>,
) => Promise<O>;

/** A tree of command definitions, as given to `ctx.commands`: nested objects name groups (`waitlist.join`). */
export type CommandTree<Options = any> = {
  readonly [key: string]: CommandDefinition<z.ZodObject, any, SubjectMode, Options> | CommandTree<Options>;
};

/** The callable API built from a {@link CommandTree}. */
export type CommandsOf<T> = {
  readonly [K in keyof T]: T[K] extends CommandDefinition<infer S, infer O, infer M, any>
    ? CommandFn<S, O, M>
    : CommandsOf<T[K]>;
};
