import type * as z from "zod";
import type { CommandContext } from "./command";
import type { DomainEvent } from "./events";

/**
 * A domain event type, owned by the plugin that emits it: its PascalCase name, the owner's
 * id and the zod schema of its payload. Payloads are plain JSON as stored in the outbox
 * (instants as ISO-8601 strings), so the schema describes exactly what apps and subscribers
 * read. Made by {@link defineEvents}; passed to `cx.emit` and to {@link subscribe}.
 */
export interface EventDef<Name extends string = string, S extends z.ZodType = z.ZodType> {
  /** PascalCase type, e.g. `BookingConfirmed`; what the outbox stores as `type`. */
  readonly name: Name;
  /** The id of the plugin that owns (emits) the event. */
  readonly plugin: string;
  /** The payload schema: checked at compile time by `cx.emit` and at run time on every emit. */
  readonly schema: S;
}

/** Any {@link EventDef}. */
export type AnyEventDef = EventDef<string, z.ZodType>;

/** The events a plugin declares, by name. */
export type EventMap = { readonly [name: string]: AnyEventDef };

/** The payload type of an event (what an emitter passes and a subscriber reads). */
export type PayloadOf<E extends AnyEventDef> = z.output<E["schema"]>;

/** A domain event whose payload is typed by its {@link EventDef}. */
export type TypedEvent<E extends AnyEventDef> = Omit<DomainEvent, "type" | "payload"> & {
  /** The event's name. */
  readonly type: E["name"];
  /** The payload, as validated by the event's schema. */
  readonly payload: PayloadOf<E>;
};

const EVENT_NAME = /^[A-Z][A-Za-z0-9]*$/;

// Global (Symbol.for): the definitions a second copy of a plugin's code makes (a CommonJS app
// loads a plugin's `/events` entry as a bundle of its own) carry the same brand.
const EVENT_DEF_BRAND = Symbol.for("linli.event-def");

/**
 * Whether `def` is the declared event `declared`: the same definition, or one that
 * {@link defineEvents} made for the same event in another copy of the plugin's code (same
 * name and owner). A hand-made look-alike (`{ ...def }`) is not.
 */
export function isSameEvent(declared: AnyEventDef | undefined, def: AnyEventDef | undefined): boolean {
  if (declared === undefined || def === undefined) return false;
  if (declared === def) return true;
  const branded = (d: AnyEventDef) => (d as { [EVENT_DEF_BRAND]?: boolean })[EVENT_DEF_BRAND] === true;
  return branded(def) && branded(declared) && declared.name === def.name && declared.plugin === def.plugin;
}

/**
 * Declares the events a plugin emits, one zod schema each. The result is the plugin's
 * `events` field, and the objects other plugins subscribe with: export it from a light
 * subpath (`@linli/booking/events`) so a subscriber does not import the emitter's runtime.
 *
 * @example
 * ```ts
 * export const lendingEvents = defineEvents("lending", {
 *   LoanStarted: z.object({ loanId: z.string(), itemId: z.string(), dueAt: z.iso.datetime() }),
 * });
 * await cx.emit(lendingEvents.LoanStarted, { loanId, itemId, dueAt: due.toISOString() });
 * ```
 */
export function defineEvents<const Plugin extends string, const M extends Record<string, z.ZodType>>(
  plugin: Plugin,
  schemas: M,
): { readonly [K in keyof M & string]: EventDef<K, M[K]> } {
  const out: Record<string, AnyEventDef> = {};
  for (const [name, schema] of Object.entries(schemas)) {
    if (!EVENT_NAME.test(name)) throw new TypeError(`event name ${name} must be PascalCase`);
    const def = { name, plugin, schema };
    // Not enumerable: a spread copy of a definition is not a definition.
    Object.defineProperty(def, EVENT_DEF_BRAND, { value: true });
    out[name] = Object.freeze(def);
  }
  return Object.freeze(out) as { readonly [K in keyof M & string]: EventDef<K, M[K]> };
}

/** An in-transaction subscriber to one event type; throwing aborts the command that emitted it. */
export interface Subscription<E extends AnyEventDef = AnyEventDef> {
  /** The event subscribed to. */
  readonly event: E;
  /** Runs inside the emitting command's transaction, with the typed event. */
  run(cx: CommandContext, event: TypedEvent<E>): Promise<void> | void;
}

/**
 * Subscribes to another plugin's (or one's own) event by its definition, never by a string:
 * a misspelt event is a compile error, and `createCommunity` refuses a subscription to an
 * event its owner does not declare. A subscription to an event of an `optional` plugin that
 * is not installed is dropped.
 *
 * @example
 * ```ts
 * on: [subscribe(bookingEvents.BookingConfirmed, async (cx, { payload }) => charge(cx, payload))]
 * ```
 */
export function subscribe<E extends AnyEventDef>(
  event: E,
  run: (cx: CommandContext, event: TypedEvent<E>) => Promise<void> | void,
): Subscription<E> {
  return { event, run };
}
