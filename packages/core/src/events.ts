import type { Actor } from "./actor";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { eventModel } from "./kernel-models";
import { appendSequenced, type Tx } from "./tx";

/** A domain event as stored in the outbox and returned to apps. */
export interface DomainEvent {
  /** Event id. */
  readonly id: string;
  /** The community it happened in. */
  readonly communityId: string;
  /** PascalCase type, e.g. `BookingConfirmed`. */
  readonly type: string;
  /** Increasing order of events within the community. */
  readonly seq: number;
  /** Facts of the event, as plain JSON (instants as ISO-8601 strings). */
  readonly payload: Record<string, unknown>;
  /** When the command that caused it ran. */
  readonly occurredAt: Date;
  /** Who caused it. */
  readonly actorKind: string | null;
  /** Who caused it. */
  readonly actorId: string | null;
  /** When an app acknowledged it; null while pending. */
  readonly ackedAt: Date | null;
}

/** An event emitted during a command, numbered and written when the command ends. */
export interface PendingEvent extends DomainEvent {
  /** 0 while the command runs; the outbox sequence number once it is written. */
  seq: number;
}

/** Builds an event in memory: its payload as plain JSON (Dates become ISO strings, once). */
export function pendingEvent(
  id: string,
  communityId: string,
  event: { type: string; payload: Record<string, unknown>; occurredAt: Date; actor?: Actor },
): PendingEvent {
  return {
    id,
    communityId,
    type: event.type,
    seq: 0,
    payload: JSON.parse(JSON.stringify(event.payload)) as Record<string, unknown>,
    occurredAt: event.occurredAt,
    actorKind: event.actor?.kind ?? null,
    actorId: event.actor?.id ?? null,
    ackedAt: null,
  };
}

/**
 * Writes a command's events to the outbox at the end of its transaction, numbering them in
 * order. The sequence lock `core:event-seq` is the LAST lock a command takes, so it can never
 * be part of a lock-order cycle (a command that emitted an event and then locked a resident,
 * against one that locked the resident and then emitted, would deadlock on a server with real
 * per-key locks). Sequence numbers increase strictly in commit order on every adapter.
 */
export async function appendEvents(tx: Tx, events: readonly PendingEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.lock("core:event-seq");
  // Numbered after the greatest `seq` (one entry of the unique `(communityId, seq)` index,
  // read backwards), in one round trip where the adapter can.
  //
  // The rows are the kernel's own: the payload was checked against its event's schema in
  // `emit` and copied as JSON, the type is the declared event's name, the instant the
  // command's clock. So they skip the outbox model's zod parse and get a check of each field
  // here instead (an event object is handed to the emitter and to subscribers, which could
  // still replace its fields before the command ends).
  const base = await appendSequenced(tx, eventModel, "seq", events.map(outboxRow), true);
  for (const [i, event] of events.entries()) event.seq = base + i + 1;
}

const nullableString = (v: unknown) => v === null || typeof v === "string";

/** The outbox row of a pending event, every field of `eventModel` checked by hand. */
function outboxRow({ id, type, payload, occurredAt, actorKind, actorId }: PendingEvent) {
  if (
    typeof id !== "string" ||
    typeof type !== "string" ||
    typeof payload !== "object" ||
    payload === null ||
    Array.isArray(payload) ||
    !(occurredAt instanceof Date) ||
    Number.isNaN(occurredAt.getTime()) ||
    !nullableString(actorKind) ||
    !nullableString(actorId)
  ) {
    throw LinliError.from(coreErrors, "VALIDATION_FAILED", {
      summary: `event ${String(type)}: an emitted event was changed before it was written`,
    });
  }
  return { id, type, seq: 0, payload, occurredAt, actorKind, actorId, ackedAt: null };
}
