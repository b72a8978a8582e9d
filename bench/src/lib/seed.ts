import { bookingModel } from "@linli/booking";
import { type StorageAdapter, sequentialIds } from "@linli/core";
import { createTx, eventModel, idempotencyModel, residentModel, ValueCodec } from "@linli/core/adapter";
import { COMMUNITY, DAY, type HistoryBooking, residentId, roomId } from "./fixture";

const CHUNK = 2000;

/** What {@link seed} writes. */
export interface SeedPlan {
  /** Residents `res-0000` … (rows of the kernel's resident model). */
  readonly residents?: number;
  /** Past bookings, each with the two outbox events booking emits (requested, confirmed). */
  readonly bookings?: readonly HistoryBooking[];
  /** Further outbox events and idempotency records (one of each per unit), as commands with a key leave them. */
  readonly keyedEvents?: number;
}

/**
 * Writes history into a storage the community was created on, through the kernel's `Tx` (the
 * adapter's own encoding and tables), in transactions of 2,000 rows: what years of use would
 * have left, without running years of commands. Events are numbered after any already there.
 */
export async function seed(storage: StorageAdapter, plan: SeedPlan): Promise<void> {
  const codec = new ValueCodec(storage.capabilities);
  const ids = sequentialIds();
  const inTx = (fn: (tx: ReturnType<typeof createTx>) => Promise<void>) =>
    storage.transaction((inner) => fn(createTx(inner, { communityId: COMMUNITY, ids, codec })));
  let seq = 0;
  await inTx(async (tx) => {
    const [last] = await tx.findMany(eventModel, {
      orderBy: [{ field: "seq", direction: "desc" }],
      limit: 1,
    });
    seq = last?.seq ?? 0;
  });
  const residents = plan.residents ?? 0;
  for (let from = 0; from < residents; from += CHUNK) {
    await inTx(async (tx) => {
      for (let k = from; k < Math.min(residents, from + CHUNK); k++)
        await tx.create(residentModel, { id: residentId(k), name: `Resident ${k}`, createdAt: new Date(0) });
    });
  }
  const bookings = plan.bookings ?? [];
  for (let from = 0; from < bookings.length; from += CHUNK) {
    await inTx(async (tx) => {
      for (const b of bookings.slice(from, from + CHUNK)) {
        const who = residentId(b.resident);
        const created = new Date(b.start - DAY);
        await tx.create(bookingModel, {
          id: b.id,
          resourceId: roomId(b.resource),
          residentId: who,
          actorKind: "resident",
          actorId: who,
          start: new Date(b.start),
          end: new Date(b.end),
          blockStart: new Date(b.start),
          blockEnd: new Date(b.end),
          status: b.status,
          createdAt: created,
          confirmedAt: created,
          cancelledAt: b.status === "cancelled" ? new Date(b.start - DAY / 2) : null,
          completedAt: b.status === "completed" ? new Date(b.end) : null,
          checkedInAt: b.status === "completed" ? new Date(b.start) : null,
          noShowAt: b.status === "no-show" ? new Date(b.start + DAY / 96) : null,
        });
        for (const type of ["booking.BookingRequested", "booking.BookingConfirmed"]) {
          await tx.create(eventModel, {
            id: `${b.id}-${type.endsWith("Requested") ? "requested" : "confirmed"}`,
            type,
            seq: ++seq,
            payload: {
              bookingId: b.id,
              resourceId: roomId(b.resource),
              residentId: who,
              start: new Date(b.start).toISOString(),
              end: new Date(b.end).toISOString(),
            },
            occurredAt: created,
            actorKind: "resident",
            actorId: who,
            ackedAt: created,
          });
        }
      }
    });
  }
  const keyed = plan.keyedEvents ?? 0;
  for (let from = 0; from < keyed; from += CHUNK) {
    await inTx(async (tx) => {
      for (let k = from; k < Math.min(keyed, from + CHUNK); k++) {
        const at = new Date(Date.UTC(2025, 0, 1) + k * 60_000);
        await tx.create(eventModel, {
          id: `keyed-event-${k}`,
          type: "benchping.Pinged",
          seq: ++seq,
          payload: { n: k },
          occurredAt: at,
          actorKind: "staff",
          actorId: "desk",
          ackedAt: at,
        });
        await tx.create(idempotencyModel, {
          id: `history-key-${k}`,
          command: "benchping.ping",
          result: { fingerprint: `{"n":${k}}`, value: { n: k } },
          createdAt: at,
        });
      }
    });
  }
}
