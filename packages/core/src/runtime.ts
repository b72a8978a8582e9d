import type { z } from "zod";
import { accessDenied, mayActFor, requireResident } from "./access";
import { type Actor, type CommandMeta, commandMetaShape, isStaffLike } from "./actor";
import type { Clock } from "./clock";
import { validate } from "./config-problem";
import { coreErrors } from "./core-errors";
import { activeGroups } from "./eligibility";
import { LinliError } from "./errors";
import { appendEvents, type PendingEvent, pendingEvent } from "./events";
import type { IdGenerator } from "./ids";
import { canonicalJson, fromStoredJson, toStoredJson } from "./json-value";
import { eligibilityGrantModel, eventModel, idempotencyModel } from "./kernel-models";
import type {
  AfterHook,
  AnyPlugin,
  BeforeHook,
  CommandContext,
  CommandDef,
  CommandFn,
  CommunityConfig,
  EventSubscriber,
  PluginContext,
} from "./plugin";
import type { Registries } from "./registry";
import type { StorageAdapter } from "./storage-adapter";
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

/**
 * The imperative shell around every command: validate input, check access, open one
 * transaction, replay idempotent retries, run hooks and the command, write events, commit.
 */
export class Runtime {
  readonly communityId: string;
  private readonly codec: ValueCodec;
  private readonly before = new Map<string, BeforeHook[]>();
  private readonly after = new Map<string, AfterHook[]>();
  private readonly subscribers = new Map<string, EventSubscriber[]>();
  /** Plugin APIs by id, filled as plugins are built. */
  readonly apis = new Map<string, unknown>();

  constructor(readonly options: RuntimeOptions) {
    this.communityId = options.config.community.id;
    this.codec = new ValueCodec(options.adapter.capabilities);
    for (const plugin of options.plugins) {
      for (const [name, hook] of Object.entries(plugin.hooks?.before ?? {})) push(this.before, name, hook);
      for (const [name, hook] of Object.entries(plugin.hooks?.after ?? {})) push(this.after, name, hook);
      for (const [type, sub] of Object.entries(plugin.on ?? {})) push(this.subscribers, type, sub);
    }
  }

  /** Runs `fn` in one adapter transaction with a community-scoped {@link Tx}. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.options.adapter.transaction((inner) =>
      fn(createTx(inner, { communityId: this.communityId, ids: this.options.ids, codec: this.codec })),
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
      command: (def) => this.command(def, false),
      query: (def) => this.command(def, true),
      plugin: <A>(id: string) => {
        if (id !== plugin.id && !plugin.requires?.includes(id) && !plugin.optional?.includes(id)) {
          throw LinliError.from(coreErrors, "PLUGIN_CONFLICT", {
            reason: `${plugin.id} uses ${id} without declaring it in requires or optional`,
          });
        }
        return this.apis.get(id) as A | undefined;
      },
    };
  }

  /** Wraps a command definition into a callable command (or query when `readOnly`). */
  command<S extends z.ZodObject, O>(def: CommandDef<S, O>, readOnly: boolean): CommandFn<S, O> {
    // Strict: an unknown key (a typo such as `residentID`) is refused, never silently dropped.
    const schema = def.input.extend(commandMetaShape).strict();
    return async (raw) => {
      const parsed = validate(schema, raw);
      if (!parsed.ok) {
        const summary = parsed.problems.map((p) => `${p.path}: ${p.message.en}`).join("; ");
        throw LinliError.from(
          coreErrors,
          "VALIDATION_FAILED",
          { summary },
          { details: { command: def.name, problems: parsed.problems } },
        );
      }
      const { actor, forResident, idempotencyKey, ...input } = parsed.value as unknown as CommandMeta &
        Record<string, unknown>;
      if (def.allow && !def.allow.includes(actor.kind)) throw accessDenied(actor, def.name);
      const now = this.options.clock.now();
      return this.transaction(async (tx) => {
        let fingerprint = "";
        if (idempotencyKey !== undefined && !readOnly) {
          fingerprint = canonicalJson({ command: def.name, actor, forResident, input });
          await tx.lock(`core:idempotency:${idempotencyKey}`);
          const previous = await tx.findById(idempotencyModel, idempotencyKey);
          if (previous) {
            const stored = previous.result as { fingerprint: string; value: unknown };
            if (previous.command !== def.name || stored.fingerprint !== fingerprint) {
              throw LinliError.from(coreErrors, "IDEMPOTENCY_KEY_REUSED", {
                key: idempotencyKey,
                command: previous.command,
              });
            }
            return fromStoredJson(stored.value) as O;
          }
        }
        const events: PendingEvent[] = [];
        const cx = await this.commandContext(tx, def.name, actor, forResident, now, readOnly, events);
        for (const hook of this.before.get(def.name) ?? []) await hook(cx, input);
        const result = await def.run(cx, input as z.output<S>);
        for (const hook of this.after.get(def.name) ?? []) await hook(cx, input, result);
        await appendEvents(tx, events);
        if (idempotencyKey !== undefined && !readOnly) {
          await tx.create(idempotencyModel, {
            id: idempotencyKey,
            command: def.name,
            result: { fingerprint, value: toStoredJson(result) },
            createdAt: now,
          });
        }
        return result;
      });
    };
  }

  private async commandContext(
    tx: Tx,
    name: string,
    actor: Actor,
    forResident: string | undefined,
    now: Date,
    readOnly: boolean,
    events: PendingEvent[],
  ): Promise<CommandContext> {
    if (forResident !== undefined) {
      await requireResident(tx, forResident);
      if (!(await mayActFor(tx, actor, forResident))) throw accessDenied(actor, name, { forResident });
    }
    const selfKinds: Actor["kind"][] = ["resident", "volunteer"];
    const subject = forResident ?? (selfKinds.includes(actor.kind) ? actor.id : undefined);
    const cx: CommandContext = {
      tx,
      actor,
      subject,
      now,
      ids: this.options.ids,
      config: this.options.config,
      registries: this.options.registries,
      emit: async (type, payload) => {
        if (readOnly) throw new TypeError(`query ${name} may not emit events`);
        // Numbered and written when the command ends (see appendEvents); subscribers run now.
        const event = pendingEvent(this.options.ids.next(eventModel.name), this.communityId, {
          type,
          payload,
          occurredAt: now,
          actor,
        });
        events.push(event);
        for (const sub of this.subscribers.get(type) ?? []) await sub(cx, event);
        return event;
      },
      requireStaff: (action) => {
        if (!isStaffLike(actor)) throw accessDenied(actor, action);
      },
      requireActFor: async (residentId, action) => {
        await requireResident(tx, residentId);
        if (!(await mayActFor(tx, actor, residentId))) throw accessDenied(actor, action, { residentId });
      },
      groupsOf: (residentId, at = now) => groupsAt(tx, residentId, at),
      plugin: <A>(id: string) => this.apis.get(id) as A | undefined,
    };
    return cx;
  }
}

/** The groups a resident is in at `at`, read inside a transaction. */
export async function groupsAt(tx: Tx, residentId: string, at: Date): Promise<string[]> {
  const grants = await tx.findMany(eligibilityGrantModel, {
    where: [{ field: "residentId", value: residentId }],
  });
  return activeGroups(grants, at);
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
