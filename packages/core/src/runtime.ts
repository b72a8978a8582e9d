import type * as z from "zod";
import { SUBJECT_MODE } from "./acting-as";
import { recordIdSchema } from "./record-id";
import { accessDenied, mayActFor, requireResident } from "./access";
import { type Actor, actorSchema, isStaffLike } from "./actor";
import type { Clock } from "./clock";
import type {
  AllowSpec,
  AnyCommandDefinition,
  CommandContext,
  CommandFn,
  CommandsOf,
  CommandTree,
  SubjectMode,
} from "./command";
import { validate } from "./config-problem";
import { parseInput } from "./input-boundary";
import { coreErrors } from "./core-errors";
import { activeGroups } from "./eligibility";
import { LinliError } from "./errors";
import { type AnyEventDef, isSameEvent, type Subscription, type TypedEvent } from "./event-def";
import { appendEvents, type PendingEvent, pendingEvent } from "./events";
import { appendAudit, type PendingAudit, pendingAudit } from "./audit";
import type { MemberDecl } from "./config-schema";
import { checkPermission, declaredMembers, verifyActor } from "./members";
import { registerPersonalData } from "./personal-data";
import type { IdGenerator } from "./ids";
import { canonicalJson, fromStoredJson, toStoredJson } from "./json-value";
import { coreEvents } from "./kernel/kernel-events";
import { eligibilityGrantModel, eventModel, idempotencyModel } from "./kernel-models";
import type { RowOf } from "./model";
import type { AfterHook, AnyPlugin, BeforeHook, CommunityConfig, PluginContext } from "./plugin";
import type { Registries } from "./registry";
import type { StorageAdapter, TransactionOptions } from "./storage-adapter";
import { createTx, type Tx, ValueCodec } from "./tx";

/** Everything a running community shares between the kernel's and the plugins' commands. */
export interface RuntimeOptions {
  readonly adapter: StorageAdapter;
  readonly config: CommunityConfig;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly registries: Registries;
  readonly plugins: readonly AnyPlugin[];
}

const STAFF_KINDS: readonly Actor["kind"][] = ["staff", "admin", "system"];
/** The kernel events that change a resident's eligibility grants. */
const GRANT_EVENTS = new Set<string>([
  coreEvents.EligibilityGranted.name,
  coreEvents.EligibilityRevoked.name,
]);
const SELF_KINDS: readonly Actor["kind"][] = ["resident", "volunteer"];

/** The meta fields the kernel adds to a command's input, by subject mode. */
const metaShapes = {
  withSubject: {
    actor: actorSchema,
    forResident: recordIdSchema.optional(),
    idempotencyKey: recordIdSchema.optional(),
  },
  withoutSubject: {
    actor: actorSchema,
    idempotencyKey: recordIdSchema.optional(),
  },
};

function allowed(allow: AllowSpec | undefined): readonly Actor["kind"][] | undefined {
  return allow === "staff" ? STAFF_KINDS : allow;
}

/**
 * The imperative shell around every command: validate input, check access and subject,
 * open one transaction (read-only for queries), replay idempotent retries, run hooks and the
 * command, write events, commit.
 */
export class Runtime {
  readonly communityId: string;
  private readonly codec: ValueCodec;
  private readonly before = new Map<string, BeforeHook[]>();
  private readonly after = new Map<string, AfterHook[]>();
  /** Subscriptions by event name, each with the options of the plugin that subscribed. */
  private readonly subscribers = new Map<string, { sub: Subscription; options: unknown }[]>();
  /** Every declared event by name (owner plugins installed). */
  private readonly events = new Map<string, AnyEventDef>();
  /** Every command and query name, as registered through `ctx.commands`. */
  readonly commandNames = new Set<string>();
  /** Plugin APIs by id, filled as plugins are built. */
  readonly apis = new Map<string, unknown>();
  /** The members declared in the configuration, by id. */
  private readonly declared: ReadonlyMap<string, MemberDecl>;

  constructor(readonly options: RuntimeOptions) {
    this.communityId = options.config.community.id;
    this.codec = new ValueCodec(options.adapter.capabilities);
    this.declared = declaredMembers(options.config);
    registerPersonalData(options.registries, options.plugins);
    const installed = new Set(options.plugins.map((p) => p.id));
    for (const def of Object.values(coreEvents)) this.events.set(def.name, def);
    for (const plugin of options.plugins) {
      for (const def of Object.values(plugin.events ?? {})) {
        if (def.plugin !== plugin.id)
          throw conflict(`plugin "${plugin.id}" declares event ${def.name} owned by "${def.plugin}"`);
        if (this.events.has(def.name)) throw conflict(`event ${def.name} is declared twice`);
        this.events.set(def.name, def);
      }
    }
    for (const plugin of options.plugins) {
      for (const [name, hook] of Object.entries(plugin.hooks?.before ?? {})) push(this.before, name, hook);
      for (const [name, hook] of Object.entries(plugin.hooks?.after ?? {})) push(this.after, name, hook);
      if (plugin.on !== undefined && !Array.isArray(plugin.on)) {
        throw conflict(`plugin "${plugin.id}": "on" must be a list of subscribe(event, fn)`);
      }
      for (const sub of plugin.on ?? []) {
        const owner = sub.event?.plugin;
        // An optional plugin that is absent: its events never happen here.
        if (owner !== undefined && !installed.has(owner) && plugin.optional?.includes(owner)) continue;
        if (!isSameEvent(this.events.get(sub.event?.name), sub.event)) {
          throw LinliError.from(coreErrors, "UNKNOWN_EVENT", {
            plugin: plugin.id,
            event: String(sub.event?.name ?? sub.event),
          });
        }
        push(this.subscribers, sub.event.name, { sub, options: options.config[plugin.id] });
      }
    }
  }

  /**
   * Refuses hooks on names that are not commands of this community (a typo would otherwise
   * never run). Called once every plugin's API is built.
   */
  checkHooks(): void {
    for (const plugin of this.options.plugins) {
      for (const name of [
        ...Object.keys(plugin.hooks?.before ?? {}),
        ...Object.keys(plugin.hooks?.after ?? {}),
      ]) {
        if (!this.commandNames.has(name))
          throw LinliError.from(coreErrors, "UNKNOWN_COMMAND", { plugin: plugin.id, command: name });
      }
    }
  }

  /**
   * Refuses `permissions` entries that name no command of this community (a typo would
   * otherwise leave the command open). Called once every plugin's API is built.
   */
  checkPermissions(): void {
    for (const command of Object.keys(this.options.config.permissions ?? {})) {
      if (!this.commandNames.has(command))
        throw LinliError.from(coreErrors, "UNKNOWN_PERMISSION_COMMAND", { command });
    }
  }

  /** Runs `fn` in one adapter transaction (read-only for queries) with a community-scoped {@link Tx}. */
  transaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
    return this.options.adapter.transaction(
      (inner) =>
        fn(createTx(inner, { communityId: this.communityId, ids: this.options.ids, codec: this.codec })),
      options,
    );
  }

  /** The context a plugin's `api` factory receives. */
  pluginContext<Options>(plugin: AnyPlugin, options: Options): PluginContext<Options> {
    return {
      communityId: this.communityId,
      config: this.options.config,
      options,
      clock: this.options.clock,
      ids: this.options.ids,
      registries: this.options.registries,
      commands: <T extends CommandTree>(tree: T) =>
        this.commandTree(plugin.id, [], tree, options) as CommandsOf<T>,
      plugin: <A>(id: string) => {
        if (id !== plugin.id && !plugin.requires?.includes(id) && !plugin.optional?.includes(id)) {
          throw conflict(`${plugin.id} uses ${id} without declaring it in requires or optional`);
        }
        return this.apis.get(id) as A | undefined;
      },
    };
  }

  private commandTree(pluginId: string, path: string[], tree: CommandTree, options: unknown): unknown {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(tree)) {
      const at = [...path, key];
      const name = [pluginId, ...at].join(".");
      // A plain JavaScript caller can pass anything: refused by name, never recursed into.
      if (typeof value !== "object" || value === null)
        throw conflict(`${name} is neither a command definition nor a tree of them`);
      out[key] = isDefinition(value)
        ? this.command(name, value, options)
        : this.commandTree(pluginId, at, value as CommandTree, options);
    }
    return out;
  }

  /** Wraps a command definition into a callable command or query named `name`. */
  command(name: string, def: AnyCommandDefinition, options: unknown): CommandFn<z.ZodObject, unknown> {
    if (this.commandNames.has(name)) throw conflict(`command ${name} is defined twice`);
    this.commandNames.add(name);
    const readOnly = def.kind === "query";
    const mode: SubjectMode = def.subject ?? "optional";
    const allow = allowed(def.allow);
    const schema = callSchema(def.input, mode === "none");
    const fn: CommandFn<z.ZodObject, unknown> = async (raw) => {
      const { actor, forResident, idempotencyKey, ...input } = parseInput(schema, raw, { command: name }) as {
        actor: Actor;
        forResident?: string;
        idempotencyKey?: string;
      } & Record<string, unknown>;
      if (allow && !allow.includes(actor.kind)) throw accessDenied(actor, name);
      const now = this.options.clock.now();
      return this.transaction(
        async (tx) => {
          // Who acts and for whom is checked first, on a replay too: a key cannot return
          // what the actor may no longer see (a revoked delegation, say).
          const roles = await verifyActor(tx, this.declared, actor);
          checkPermission(this.options.config, name, actor, roles);
          const subject = await this.resolveSubject(tx, name, mode, actor, forResident);
          let fingerprint = "";
          const scopedKey =
            idempotencyKey === undefined ? undefined : idempotencyScope(actor, forResident, idempotencyKey);
          if (scopedKey !== undefined && idempotencyKey !== undefined && !readOnly) {
            fingerprint = canonicalJson({ command: name, actor, forResident, input });
            await tx.lock(`core:idempotency:${scopedKey}`);
            const previous = await tx.findById(idempotencyModel, scopedKey);
            if (previous) {
              const stored = previous.result as { fingerprint: string; value: unknown };
              if (previous.command !== name || stored.fingerprint !== fingerprint) {
                throw LinliError.from(coreErrors, "IDEMPOTENCY_KEY_REUSED", {
                  key: idempotencyKey,
                  command: previous.command,
                });
              }
              return fromStoredJson(stored.value);
            }
          }
          const events: PendingEvent[] = [];
          const audits: PendingAudit[] = [];
          const cx = this.commandContext(
            tx,
            name,
            actor,
            roles,
            subject,
            options,
            now,
            readOnly,
            events,
            audits,
          );
          for (const hook of this.before.get(name) ?? []) await hook(cx, input);
          const result = await def.run(cx, input);
          for (const hook of this.after.get(name) ?? []) await hook(cx, input, result);
          await appendAudit(tx, audits);
          await appendEvents(tx, events);
          if (scopedKey !== undefined && !readOnly) {
            await tx.create(idempotencyModel, {
              id: scopedKey,
              command: name,
              result: { fingerprint, value: toStoredJson(result) },
              createdAt: now,
            });
          }
          return result;
        },
        { readOnly },
      );
    };
    return Object.assign(fn, { [SUBJECT_MODE]: mode });
  }

  /** The command's subject: `forResident` (checked), else the acting resident; see `SubjectMode`. */
  private async resolveSubject(
    tx: Tx,
    name: string,
    mode: SubjectMode,
    actor: Actor,
    forResident: string | undefined,
  ): Promise<string | undefined> {
    if (mode === "none") return undefined;
    if (forResident !== undefined) {
      // Staff learn that an id is unknown; anyone else gets the same refusal whether the
      // resident exists or not.
      if (isStaffLike(actor)) await requireResident(tx, forResident);
      else if (!(await mayActFor(tx, actor, forResident))) throw accessDenied(actor, name);
      return forResident;
    }
    const subject = SELF_KINDS.includes(actor.kind) ? actor.id : undefined;
    if (subject === undefined && mode === "required")
      throw LinliError.from(coreErrors, "SUBJECT_REQUIRED", { command: name });
    return subject;
  }

  private commandContext(
    tx: Tx,
    name: string,
    actor: Actor,
    roles: readonly string[],
    subject: string | undefined,
    options: unknown,
    now: Date,
    readOnly: boolean,
    events: PendingEvent[],
    audits: PendingAudit[],
  ): CommandContext {
    // A resident's grants are read once per command (a series asks for the groups at every
    // occurrence); the kernel's grant and revoke commands emit their event, which drops the copy.
    const grants = new Map<string, Promise<GrantRow[]>>();
    const grantsOf = (residentId: string) => {
      let rows = grants.get(residentId);
      if (!rows) {
        rows = readGrants(tx, residentId);
        grants.set(residentId, rows);
      }
      return rows;
    };
    const cx: CommandContext = {
      tx,
      actor,
      roles,
      subject,
      now,
      ids: this.options.ids,
      config: this.options.config,
      options,
      registries: this.options.registries,
      emit: async (def, payload) => {
        if (readOnly) throw new TypeError(`query ${name} may not emit events`);
        if (!isSameEvent(this.events.get(def.name), def)) {
          throw LinliError.from(coreErrors, "UNKNOWN_EVENT", { plugin: name, event: String(def.name) });
        }
        const checked = validate(def.schema, payload);
        if (!checked.ok) {
          const summary = checked.problems.map((p) => `${p.path}: ${p.message.en}`).join("; ");
          throw LinliError.from(
            coreErrors,
            "VALIDATION_FAILED",
            { summary: `${def.name} payload: ${summary}` },
            { details: { event: def.name, problems: checked.problems } },
          );
        }
        // Numbered and written when the command ends (see appendEvents); subscribers run now.
        const event = pendingEvent(this.options.ids.next(eventModel.name), this.communityId, {
          type: def.name,
          payload: checked.value as Record<string, unknown>,
          occurredAt: now,
          actor,
        });
        events.push(event);
        if (GRANT_EVENTS.has(def.name)) grants.delete(String(event.payload.residentId));
        for (const { sub, options: own } of this.subscribers.get(def.name) ?? []) {
          // The subscriber sees its own plugin's options, in the emitting command's transaction.
          await sub.run({ ...cx, options: own }, event as TypedEvent<AnyEventDef>);
        }
        return event;
      },
      audit: (entry) => {
        if (readOnly) throw new TypeError(`query ${name} may not write audit records`);
        audits.push(pendingAudit(name, actor, now, entry));
      },
      requireStaff: (action) => {
        if (!isStaffLike(actor)) throw accessDenied(actor, action);
      },
      requireActFor: async (residentId, action) => {
        if (isStaffLike(actor)) return requireResident(tx, residentId);
        // Not "unknown resident" for someone else's id, and not naming them: the same answer
        // whether or not they exist.
        if (!(await mayActFor(tx, actor, residentId))) throw accessDenied(actor, action);
      },
      mayActFor: (residentId) => mayActFor(tx, actor, residentId),
      groupsOf: async (residentId, at = now) => activeGroups(await grantsOf(residentId), at),
      plugin: <A>(id: string) => this.apis.get(id) as A | undefined,
    };
    return cx;
  }
}

function isDefinition(value: unknown): value is AnyCommandDefinition {
  const kind = (value as { kind?: unknown }).kind;
  return (kind === "command" || kind === "query") && typeof (value as { run?: unknown }).run === "function";
}

const conflict = (reason: string) => LinliError.from(coreErrors, "PLUGIN_CONFLICT", { reason });

/** The groups a resident is in at `at`, read inside a transaction. */
export async function groupsAt(tx: Tx, residentId: string, at: Date): Promise<string[]> {
  return activeGroups(await readGrants(tx, residentId), at);
}

type GrantRow = RowOf<typeof eligibilityGrantModel>;

function readGrants(tx: Tx, residentId: string): Promise<GrantRow[]> {
  return tx.findMany(eligibilityGrantModel, { where: [{ field: "residentId", value: residentId }] });
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The stored key of an idempotency key: scoped by who acts and for whom, so one actor's key
 * never collides with, blocks or replays another's. Each part is length-prefixed, so no two
 * different triples give the same string.
 */
function idempotencyScope(actor: Actor, forResident: string | undefined, key: string): string {
  const part = (text: string) => `${text.length}:${text}`;
  return [actor.kind, part(actor.id), part(forResident ?? ""), part(key)].join("|");
}

/**
 * The schema of a call: the command's input plus `actor` (and `forResident`,
 * `idempotencyKey`), strict. Built once per input schema and shared by every community whose
 * plugins define their commands once (a city process creating hundreds of communities).
 */
const callSchemas = new WeakMap<z.ZodObject, { withSubject?: z.ZodObject; withoutSubject?: z.ZodObject }>();
function callSchema(input: z.ZodObject, withoutSubject: boolean): z.ZodObject {
  const built = callSchemas.get(input) ?? {};
  callSchemas.set(input, built);
  const key = withoutSubject ? "withoutSubject" : "withSubject";
  // Strict: an unknown key (a typo such as `residentID`) is refused, never silently dropped.
  built[key] ??= input.extend(withoutSubject ? metaShapes.withoutSubject : metaShapes.withSubject).strict();
  return built[key];
}
