import { defineCommand, LinliError, type Violation } from "@linli/core";
import * as z from "zod";
import { releaseUnit } from "../circulation";
import { lendingEvents } from "../events";
import { holdEligibility } from "../hold-queue";
import { getItem, getItemType, type LendingCx, lockType } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { idInput } from "../lending-inputs";
import { type Hold, holdModel, itemModel, loanModel } from "../lending-models";

/** The outcome of `lending.holds.place`: the hold (ready at once when a unit was free), or every reason. */
export type HoldOutcome =
  | { readonly ok: true; readonly violations: readonly []; readonly hold: Hold }
  | { readonly ok: false; readonly violations: readonly [Violation, ...Violation[]] };

async function getHold(cx: LendingCx, holdId: string): Promise<Hold> {
  const hold = await cx.tx.findById(holdModel, holdId);
  if (!hold) throw LinliError.from(lendingErrors, "HOLD_NOT_FOUND", { holdId });
  await cx.requireActFor(hold.residentId, "lending.holds");
  return hold;
}

/**
 * `lending.holds.place`: the resident joins the queue for an item type. Refused (a value, with
 * zh-CN/en reasons) for a type they have on loan or already hold, or beyond the holds allowed
 * per resident. When a unit is free it goes on the hold shelf for them at once. An unknown
 * type is `UNKNOWN_ITEM_TYPE`, nothing written. Emits `HoldPlaced` (and `HoldReady`).
 */
export const place = defineCommand({
  subject: "required",
  input: z.object({ itemTypeId: idInput }),
  run: async (cx: LendingCx & { subject: string }, input): Promise<HoldOutcome> => {
    const type = await getItemType(cx, input.itemTypeId);
    await lockType(cx, type.id);
    const openHolds = await cx.tx.findMany(holdModel, {
      where: [
        { field: "residentId", value: cx.subject },
        { field: "status", op: "in", value: ["waiting", "ready"] },
      ],
      limit: 200,
    });
    const loans = await cx.tx.findMany(loanModel, {
      where: [
        { field: "residentId", value: cx.subject },
        { field: "returnedAt", value: null },
      ],
      limit: 1000,
    });
    const decision = holdEligibility({
      residentId: cx.subject,
      itemTypeId: type.id,
      openHolds,
      loanedTypes: loans.map((l) => l.itemTypeId),
      maxPerResident: cx.options.holds.maxPerResident,
    });
    if (!decision.ok) return decision;
    let hold = await cx.tx.create(holdModel, {
      itemTypeId: type.id,
      residentId: cx.subject,
      status: "waiting",
      rank: cx.now.getTime(),
      createdAt: cx.now,
    });
    await cx.emit(lendingEvents.HoldPlaced, { holdId: hold.id, itemTypeId: type.id, residentId: cx.subject });
    const free = await cx.tx.findOne(itemModel, [
      { field: "itemTypeId", value: type.id },
      { field: "status", value: "available" },
    ]);
    if (free) {
      await releaseUnit(cx, free);
      hold = await cx.tx.get(holdModel, hold.id);
    }
    return { ok: true, violations: [], hold };
  },
});

/**
 * `lending.holds.pushBack`: the resident is not ready yet: their hold is passed over until
 * `until` without losing its place in the queue. A unit already on the hold shelf for them
 * passes on to the next in line. Only a waiting or ready hold can be pushed back.
 */
export const pushBack = defineCommand({
  subject: "none",
  input: z.object({ holdId: idInput, until: z.coerce.date() }),
  run: async (cx: LendingCx, input): Promise<Hold> => {
    const found = await getHold(cx, input.holdId);
    await lockType(cx, found.itemTypeId);
    const hold = await cx.tx.get(holdModel, found.id);
    if (hold.status !== "waiting" && hold.status !== "ready")
      throw LinliError.from(lendingErrors, "HOLD_NOT_WAITING", {
        holdId: hold.id,
        status: hold.status,
        action: "push back",
      });
    if (input.until.getTime() <= cx.now.getTime())
      throw LinliError.from(lendingErrors, "INVALID_RANGE", {
        reason: "推迟到的时间必须在将来",
        reasonEn: "the hold must be pushed back to a future instant",
      });
    const shelved = hold.status === "ready" && hold.itemId ? await getItem(cx, hold.itemId) : null;
    const updated = await cx.tx.updateById(holdModel, hold.id, {
      status: "waiting",
      notBefore: input.until,
      itemId: null,
      readyAt: null,
      pickupBy: null,
    });
    if (shelved) await releaseUnit(cx, shelved);
    return updated;
  },
});

/** `lending.holds.cancel`: withdraws a hold; a unit on the shelf for it passes on. Emits `HoldCancelled`. */
export const cancel = defineCommand({
  subject: "none",
  input: z.object({ holdId: idInput }),
  run: async (cx: LendingCx, input): Promise<Hold> => {
    const found = await getHold(cx, input.holdId);
    await lockType(cx, found.itemTypeId);
    const hold = await cx.tx.get(holdModel, found.id);
    if (hold.status !== "waiting" && hold.status !== "ready")
      throw LinliError.from(lendingErrors, "HOLD_NOT_WAITING", {
        holdId: hold.id,
        status: hold.status,
        action: "cancel",
      });
    const updated = await cx.tx.updateById(holdModel, hold.id, { status: "cancelled", endedAt: cx.now });
    if (hold.status === "ready" && hold.itemId) await releaseUnit(cx, await getItem(cx, hold.itemId));
    await cx.emit(lendingEvents.HoldCancelled, { holdId: hold.id, residentId: hold.residentId });
    return updated;
  },
});
