import type { Actor } from "./actor";
import { eventModel } from "./kernel-models";
import type { Tx } from "./tx";

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

/**
 * Appends an event to the outbox inside `tx`. Sequence numbers are taken under the lock
 * `core:event-seq`, so they increase strictly in commit order on every adapter.
 */
export async function appendEvent(
  tx: Tx,
  event: { type: string; payload: Record<string, unknown>; occurredAt: Date; actor?: Actor },
): Promise<DomainEvent> {
  await tx.lock("core:event-seq");
  const [last] = await tx.findMany(eventModel, { orderBy: [{ field: "seq", direction: "desc" }], limit: 1 });
  const row = await tx.create(eventModel, {
    type: event.type,
    seq: (last?.seq ?? 0) + 1,
    // Payloads are plain JSON on every adapter: Dates become ISO strings here, once.
    payload: JSON.parse(JSON.stringify(event.payload)) as Record<string, unknown>,
    occurredAt: event.occurredAt,
    actorKind: event.actor?.kind ?? null,
    actorId: event.actor?.id ?? null,
  });
  return row as DomainEvent;
}
