import { lendingEvents } from "./events";
import { advanceHoldQueue } from "./hold-queue";
import { getItem, type LendingCx } from "./lending-context";
import { type Hold, holdModel, type Item, itemModel, ticketModel } from "./lending-models";

const HOUR_MS = 3_600_000;

/** The open holds (waiting or ready) of an item type, in queue order. */
export function openHoldsOf(cx: LendingCx, itemTypeId: string): Promise<Hold[]> {
  return cx.tx.findMany(holdModel, {
    where: [
      { field: "itemTypeId", value: itemTypeId },
      { field: "status", op: "in", value: ["waiting", "ready"] },
    ],
    orderBy: [{ field: "rank" }, { field: "id" }],
  });
}

/** Puts a unit on the hold shelf for a hold: the hold becomes ready until the pickup window ends. */
export async function shelveFor(cx: LendingCx, item: Item, hold: Hold): Promise<void> {
  const pickupBy = new Date(cx.now.getTime() + cx.options.holds.pickupHours * HOUR_MS);
  await cx.tx.updateById(itemModel, item.id, { status: "on-hold-shelf" });
  await cx.tx.updateById(holdModel, hold.id, { status: "ready", itemId: item.id, readyAt: cx.now, pickupBy });
  await cx.emit(lendingEvents.HoldReady, {
    holdId: hold.id,
    itemId: item.id,
    residentId: hold.residentId,
    pickupBy: pickupBy.toISOString(),
  });
}

/**
 * A unit comes free (returned in good order, repaired, added, or passed on): the first in line
 * of its type's queue gets it on the hold shelf (see `advanceHoldQueue`), else it is available.
 * The caller holds the type's lock.
 */
export async function releaseUnit(cx: LendingCx, item: Item): Promise<"on-hold-shelf" | "available"> {
  const holds = await openHoldsOf(cx, item.itemTypeId);
  const { next } = advanceHoldQueue(
    holds.filter((h) => h.status === "waiting"),
    cx.now,
  );
  const hold = next === null ? undefined : holds.find((h) => h.id === next);
  if (hold) {
    await shelveFor(cx, item, hold);
    return "on-hold-shelf";
  }
  await cx.tx.updateById(itemModel, item.id, { status: "available" });
  return "available";
}

/**
 * A ready hold's pickup window has passed: it expires (`HoldExpired`) and its unit, if still on
 * the hold shelf, passes to the next in line (see {@link releaseUnit}). The caller holds the
 * type's lock and has checked that the hold is ready.
 */
export async function expireReadyHold(cx: LendingCx, hold: Hold): Promise<void> {
  await cx.tx.updateById(holdModel, hold.id, { status: "expired", endedAt: cx.now });
  await cx.emit(lendingEvents.HoldExpired, {
    holdId: hold.id,
    itemId: hold.itemId,
    residentId: hold.residentId,
  });
  if (hold.itemId) {
    const item = await getItem(cx, hold.itemId);
    if (item.status === "on-hold-shelf") await releaseUnit(cx, item);
  }
}

/**
 * Opens a repair ticket and takes the unit out of circulation at once: an available unit goes
 * to maintenance; one on the hold shelf too, its hold back to waiting with its place kept; one
 * on loan stays with the borrower and goes to maintenance when returned.
 */
export async function openTicket(
  cx: LendingCx,
  item: Item,
  ticket: { problem: string; source: "report" | "return" | "plan"; planId?: string | null },
) {
  const row = await cx.tx.create(ticketModel, {
    itemId: item.id,
    itemTypeId: item.itemTypeId,
    status: "reported",
    problem: ticket.problem,
    source: ticket.source,
    planId: ticket.planId ?? null,
    reportedBy: cx.actor.id,
    reportedAt: cx.now,
    updatedAt: cx.now,
  });
  if (item.status === "on-hold-shelf") {
    await cx.tx.update(
      holdModel,
      [
        { field: "itemId", value: item.id },
        { field: "status", value: "ready" },
      ],
      { status: "waiting", itemId: null, readyAt: null, pickupBy: null },
    );
  }
  if (item.status !== "on-loan" && item.status !== "retired")
    await cx.tx.updateById(itemModel, item.id, { status: "in-maintenance" });
  await cx.emit(lendingEvents.TicketOpened, { ticketId: row.id, itemId: item.id, source: ticket.source });
  return row;
}

/** Whether a unit has an open repair ticket. */
export async function hasOpenTicket(cx: LendingCx, itemId: string): Promise<boolean> {
  const n = await cx.tx.count(ticketModel, [
    { field: "itemId", value: itemId },
    { field: "status", op: "in", value: ["reported", "assessing", "waiting-for-parts", "repairing"] },
  ]);
  return n > 0;
}
