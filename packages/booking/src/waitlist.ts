import { type CommandContext, LinliError } from "@linli/core";
import { emitBookingEvent } from "./booking-events";
import { bookingEvents } from "./events";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { bookingModel, type WaitlistEntry, waitlistEntryModel } from "./booking-models";
import { judgePlacement } from "./judge-placement";
import { commitPlacement, lockKeys } from "./place-booking";

/**
 * The waitlist: residents queue for a full slot; when capacity frees, the first in line whose
 * request now passes every rule is offered the slot (held for them until the offer expires,
 * then passed to the next), or booked at once in `auto-confirm` mode.
 */

/** What a resident queues for. */
export interface WaitlistRequest {
  readonly resourceId: string;
  readonly zoneId?: string | null;
  readonly start: Date;
  readonly end: Date;
  readonly quantity: number;
  readonly residentId: string;
}

/** Adds a resident to the end of the waitlist of a slot. Emits `WaitlistJoined`. */
export async function joinWaitlist(
  cx: CommandContext,
  engine: BookingEngine,
  request: WaitlistRequest,
): Promise<WaitlistEntry> {
  engine.rules.physicalCapacity(request.resourceId, request.zoneId);
  if (request.end.getTime() <= request.start.getTime()) {
    throw LinliError.from(bookingErrors, "INVALID_INTERVAL", {
      start: request.start.toISOString(),
      end: request.end.toISOString(),
    });
  }
  await cx.tx.lock("booking:waitlist");
  const [last] = await cx.tx.findMany(waitlistEntryModel, {
    orderBy: [{ field: "position", direction: "desc" }],
    limit: 1,
  });
  const entry = await cx.tx.create(waitlistEntryModel, {
    ...request,
    zoneId: request.zoneId ?? null,
    actorKind: cx.actor.kind,
    actorId: cx.actor.id,
    status: "waiting",
    position: (last?.position ?? 0) + 1,
    createdAt: cx.now,
  });
  await cx.emit(bookingEvents.WaitlistJoined, entryPayload(entry));
  return entry;
}

function entryPayload(entry: WaitlistEntry) {
  return {
    entryId: entry.id,
    resourceId: entry.resourceId,
    residentId: entry.residentId,
    start: entry.start.toISOString(),
    end: entry.end.toISOString(),
    quantity: entry.quantity,
  };
}

/**
 * Gives freed capacity in `[start, end)` of a resource to the waitlist, first in line first.
 * An entry whose request is refused for a reason other than capacity (a quota, a
 * suspension) is passed over and keeps waiting; the first refused for capacity stops the
 * round, so no one overtakes the queue.
 */
export async function offerFreedCapacity(
  cx: CommandContext,
  engine: BookingEngine,
  resourceId: string,
  start: Date,
  end: Date,
): Promise<void> {
  const waiting = await cx.tx.findMany(waitlistEntryModel, {
    where: [
      { field: "resourceId", value: resourceId },
      { field: "status", value: "waiting" },
      { field: "start", op: "lt", value: end },
      { field: "end", op: "gt", value: start },
    ],
    orderBy: [{ field: "position" }],
  });
  const offer = engine.options.waitlist.mode === "offer";
  for (const entry of waiting) {
    if (entry.start.getTime() <= cx.now.getTime()) {
      await cx.tx.updateById(waitlistEntryModel, entry.id, { status: "expired" });
      continue;
    }
    const placement = {
      resourceId: entry.resourceId,
      zoneId: entry.zoneId,
      start: entry.start,
      end: entry.end,
      quantity: entry.quantity,
      residentId: entry.residentId,
      actorKind: entry.actorKind as CommandContext["actor"]["kind"],
      actorId: entry.actorId,
      asOffer: offer,
    };
    // Judged like the direct `book` by whoever joined the queue: an offer that the approval
    // rule would hold waits for staff once accepted (see `acceptOffer`).
    const judgement = await judgePlacement(cx, engine, placement, { lock: true });
    const outcome = await commitPlacement(cx, placement, judgement);
    if (!outcome.ok) {
      if (outcome.waitlistable) return;
      continue;
    }
    if (offer) {
      const expiresAt = new Date(cx.now.getTime() + engine.options.waitlist.offerMinutes * 60_000);
      const updated = await cx.tx.updateById(waitlistEntryModel, entry.id, {
        status: "offered",
        offeredAt: cx.now,
        offerExpiresAt: expiresAt,
        bookingId: outcome.booking.id,
        requiresApproval: judgement.evaluation.requiresApproval,
      });
      await cx.emit(bookingEvents.WaitlistOffered, {
        ...entryPayload(updated),
        bookingId: outcome.booking.id,
        expiresAt: expiresAt.toISOString(),
      });
    } else {
      const updated = await cx.tx.updateById(waitlistEntryModel, entry.id, {
        status: "confirmed",
        bookingId: outcome.booking.id,
      });
      await cx.emit(bookingEvents.WaitlistPromoted, {
        ...entryPayload(updated),
        bookingId: outcome.booking.id,
      });
    }
  }
}

async function loadEntry(cx: CommandContext, entryId: string): Promise<WaitlistEntry> {
  const first = await cx.tx.findById(waitlistEntryModel, entryId);
  if (!first) throw LinliError.from(bookingErrors, "WAITLIST_ENTRY_NOT_FOUND", { entryId });
  await cx.tx.lock(lockKeys.resource(first.resourceId));
  return cx.tx.get(waitlistEntryModel, entryId);
}

/**
 * The resident accepts an open offer: the held booking is confirmed, or waits for staff
 * (`pending-approval`) when the approval rule held it at the offer, as `book` would have.
 */
export async function acceptOffer(cx: CommandContext, entryId: string): Promise<WaitlistEntry> {
  const entry = await loadEntry(cx, entryId);
  await cx.requireActFor(entry.residentId, "booking.waitlist.accept");
  const open = entry.status === "offered" && entry.offerExpiresAt !== null && cx.now < entry.offerExpiresAt;
  if (!open || !entry.bookingId) {
    throw LinliError.from(bookingErrors, "OFFER_NOT_OPEN", {
      entryId,
      status: open ? "invalid" : entry.status,
    });
  }
  const booking = entry.requiresApproval
    ? await cx.tx.updateById(bookingModel, entry.bookingId, { status: "pending-approval" })
    : await cx.tx.updateById(bookingModel, entry.bookingId, { status: "confirmed", confirmedAt: cx.now });
  if (booking.status === "confirmed") await emitBookingEvent(cx, bookingEvents.BookingConfirmed, booking, {});
  const updated = await cx.tx.updateById(waitlistEntryModel, entry.id, { status: "confirmed" });
  await cx.emit(bookingEvents.WaitlistPromoted, { ...entryPayload(updated), bookingId: booking.id });
  return updated;
}

/** Ends an entry: withdrawn by the resident (waiting or offered), or expired (offer timed out). */
export async function closeEntry(
  cx: CommandContext,
  engine: BookingEngine,
  entry: WaitlistEntry,
  as: "withdrawn" | "expired",
): Promise<WaitlistEntry> {
  const updated = await cx.tx.updateById(waitlistEntryModel, entry.id, { status: as });
  if (entry.status === "offered" && entry.bookingId) {
    await cx.tx.updateById(bookingModel, entry.bookingId, { status: "expired" });
    if (as === "expired")
      await cx.emit(bookingEvents.WaitlistOfferExpired, {
        ...entryPayload(updated),
        bookingId: entry.bookingId,
      });
    await offerFreedCapacity(cx, engine, entry.resourceId, entry.start, entry.end);
  }
  return updated;
}

/** The resident (or someone acting for them) leaves the waitlist or declines an offer. */
export async function withdrawEntry(
  cx: CommandContext,
  engine: BookingEngine,
  entryId: string,
): Promise<WaitlistEntry> {
  const entry = await loadEntry(cx, entryId);
  await cx.requireActFor(entry.residentId, "booking.waitlist.withdraw");
  if (entry.status !== "waiting" && entry.status !== "offered") {
    throw LinliError.from(bookingErrors, "OFFER_NOT_OPEN", { entryId, status: entry.status });
  }
  return closeEntry(cx, engine, entry, "withdrawn");
}
