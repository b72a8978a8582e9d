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
import { claimModel, holdModel } from "./lending-models";

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
  return { holds: held, reservations: overlapping.length };
}

/** The lending options of the community a subscriber runs in (subscribers get the emitter's options). */
function lendingOptionsOf(cx: CommandContext): LendingOptions | undefined {
  return cx.config.lending as LendingOptions | undefined;
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
      await bookPickup(cx, p.residentId, { start: new Date(p.start), end: new Date(p.end) });
    }),
  ];
}
