import { bookingEvents } from "@linli/booking/events";
import {
  type CommandContext,
  type CommunityConfig,
  idSchema,
  LinliError,
  type ReportProblem,
  subscribe,
} from "@linli/core";
import * as z from "zod";
import type { LendingOptions } from "./lending-config";
import { lendingErrors } from "./lending-errors";
import { expireReadyHold } from "./circulation";
import { type LendingCx, lockTypes } from "./lending-context";
import { claimModel, holdModel, pickupModel } from "./lending-models";

/**
 * Pickup appointments through the booking plugin, when it is installed: `resourceId` is a
 * bookable resource of the community (its capacity is the residents served per slot, its
 * booking rules the slots and hours). A resident books a slot with `booking.book`; lending
 * accepts the booking only when they have something to pick up then (a unit waiting for them
 * on the hold shelf, or a reservation overlapping the slot), and keeps a waiting unit on the
 * shelf until the end of the slot.
 */
export const pickupsSchema = z.object({
  /** The bookable resource whose slots are the tool room's pickup appointments. */
  resourceId: idSchema.describe("The bookable resource whose slots are the tool room's pickup appointments."),
});

/** The `pickups` options as parsed. */
export type Pickups = z.output<typeof pickupsSchema>;

/** Checks that the pickup resource is a resource of the community. */
export function checkPickups(
  pickups: Pickups | undefined,
  config: CommunityConfig,
  report: ReportProblem,
): void {
  if (pickups === undefined) return;
  if (!(config.resources ?? []).some((r) => r.id === pickups.resourceId))
    report(["lending", "pickups", "resourceId"], "UNKNOWN_RESOURCE", {
      "zh-CN": `未定义的资源 "${pickups.resourceId}"`,
      en: `Unknown resource "${pickups.resourceId}"`,
    });
}

/**
 * Lending's part of a pickup appointment, in the booking's transaction: refuses the booking
 * (`NOTHING_TO_PICK_UP`) unless the resident has a ready hold or a reservation overlapping the
 * slot, and moves each ready hold's pickup deadline to at least the end of the slot. Holds are
 * changed under their type's lock, like every other change to a type's queue.
 */
export async function bookPickup(
  cx: CommandContext,
  residentId: string,
  slot: { readonly start: Date; readonly end: Date },
  bookingId?: string,
): Promise<{ holds: number; reservations: number }> {
  const ready = await cx.tx.findMany(holdModel, {
    where: [
      { field: "residentId", value: residentId },
      { field: "status", value: "ready" },
    ],
  });
  const reservations = await cx.tx.findMany(claimModel, {
    where: [
      { field: "residentId", value: residentId },
      { field: "status", value: "active" },
      { field: "kind", value: "reservation" },
    ],
  });
  const overlapping = reservations.filter((c) => c.start < slot.end && c.end > slot.start);
  if (ready.length === 0 && overlapping.length === 0)
    throw LinliError.from(lendingErrors, "NOTHING_TO_PICK_UP", { residentId });
  // The same lock key as `lockType` (lending-context): one queue changes at a time.
  for (const type of [...new Set(ready.map((h) => h.itemTypeId))].sort())
    await cx.tx.lock(`lending:type:${type}`);
  let held = 0;
  for (const h of ready) {
    const hold = await cx.tx.findById(holdModel, h.id);
    if (hold?.status !== "ready") continue;
    held++;
    if (hold.pickupBy !== null && hold.pickupBy < slot.end)
      await cx.tx.updateById(holdModel, hold.id, { pickupBy: slot.end });
  }
  if (held === 0 && overlapping.length === 0)
    throw LinliError.from(lendingErrors, "NOTHING_TO_PICK_UP", { residentId });
  if (bookingId !== undefined)
    await cx.tx.create(pickupModel, {
      id: bookingId,
      residentId,
      start: slot.start,
      end: slot.end,
      status: "booked",
      bookedAt: cx.now,
    });
  return { holds: held, reservations: overlapping.length };
}

const HOUR_MS = 3_600_000;

/**
 * Lending's part of a cancelled pickup appointment (the booking cancelled, moved or rejected),
 * in the booking's transaction: each hold the appointment kept on the shelf (ready when it was
 * booked) gets back the deadline it would have had without it: its pickup window from when it
 * became ready, or the end of another appointment of the resident that still stands, whichever
 * is later. A hold whose deadline has then passed expires now and its unit passes to the next
 * in line, as in `lending.sweep`. Nothing happens for a booking lending never took as a pickup.
 */
export async function cancelPickup(
  cx: LendingCx,
  bookingId: string,
): Promise<{ shortened: number; expired: number }> {
  const pickup = await cx.tx.findById(pickupModel, bookingId);
  if (pickup?.status !== "booked") return { shortened: 0, expired: 0 };
  await cx.tx.updateById(pickupModel, pickup.id, { status: "cancelled" });
  const ready = await cx.tx.findMany(holdModel, {
    where: [
      { field: "residentId", value: pickup.residentId },
      { field: "status", value: "ready" },
    ],
    select: ["id", "itemTypeId", "readyAt"],
  });
  // Only the holds this appointment extended: those ready when it was booked.
  const extended = ready.filter((h) => h.readyAt !== null && h.readyAt <= pickup.bookedAt);
  if (extended.length === 0) return { shortened: 0, expired: 0 };
  const others = await cx.tx.findMany(pickupModel, {
    where: [
      { field: "residentId", value: pickup.residentId },
      { field: "status", value: "booked" },
    ],
    select: ["end", "bookedAt"],
  });
  await lockTypes(
    cx,
    extended.map((h) => h.itemTypeId),
  );
  const windowMs = cx.options.holds.pickupHours * HOUR_MS;
  let shortened = 0;
  let expired = 0;
  for (const h of extended) {
    // Re-read under the type's lock: the hold may have been picked up or passed on meanwhile.
    const hold = await cx.tx.findById(holdModel, h.id);
    if (hold?.status !== "ready" || hold.readyAt === null || hold.pickupBy === null) continue;
    const readyAt = hold.readyAt;
    let deadline = readyAt.getTime() + windowMs;
    for (const other of others)
      if (other.bookedAt >= readyAt) deadline = Math.max(deadline, other.end.getTime());
    if (deadline >= hold.pickupBy.getTime()) continue;
    if (deadline <= cx.now.getTime()) {
      await expireReadyHold(cx, hold);
      expired++;
    } else {
      await cx.tx.updateById(holdModel, hold.id, { pickupBy: new Date(deadline) });
      shortened++;
    }
  }
  return { shortened, expired };
}

/** The lending options of the community a subscriber runs in (subscribers get the emitter's options). */
function lendingOptionsOf(cx: CommandContext): LendingOptions | undefined {
  return cx.config.lending as LendingOptions | undefined;
}

async function undoPickup(cx: CommandContext, resourceId: string, bookingId: string): Promise<void> {
  const options = lendingOptionsOf(cx);
  if (!options?.pickups || resourceId !== options.pickups.resourceId) return;
  await cancelPickup({ ...cx, options }, bookingId);
}

/**
 * Lending's in-transaction subscriptions to the booking plugin's events (`@linli/booking/events`,
 * never booking's runtime): a confirmed booking of the configured pickup resource for a
 * resident is a pickup appointment ({@link bookPickup}); throwing aborts the booking.
 */
export function pickupSubscriptions() {
  return [
    subscribe(bookingEvents.BookingConfirmed, async (cx, { payload: p }) => {
      const pickups = lendingOptionsOf(cx)?.pickups;
      if (!pickups || p.resourceId !== pickups.resourceId || p.residentId === null) return;
      await bookPickup(cx, p.residentId, { start: new Date(p.start), end: new Date(p.end) }, p.bookingId);
    }),
    // A cancelled (or moved: the old booking is cancelled) or rejected pickup appointment.
    subscribe(bookingEvents.BookingCancelled, (cx, { payload: p }) =>
      undoPickup(cx, p.resourceId, p.bookingId),
    ),
    subscribe(bookingEvents.BookingRejected, (cx, { payload: p }) =>
      undoPickup(cx, p.resourceId, p.bookingId),
    ),
    // A missed pickup appointment (staff record a no-show, or the check-in window closes and the
    // booking is released: both record a no-show): the hold keeps only its own deadline.
    subscribe(bookingEvents.NoShowRecorded, (cx, { payload: p }) =>
      undoPickup(cx, p.resourceId, p.bookingId),
    ),
  ];
}
