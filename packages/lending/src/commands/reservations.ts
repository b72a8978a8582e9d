import {
  addLocalDays,
  defineCommand,
  isLinliError,
  LinliError,
  localDate,
  startOfLocalDay,
} from "@linli/core";
import * as z from "zod";
import { lendingEvents } from "../events";
import { getItem, getItemType, type LendingCx, lockType } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { idInput, localDateInput } from "../lending-inputs";
import { type Claim, claimModel, type Item, itemModel } from "../lending-models";

const DAY_MS = 86_400_000;

function invalid(reason: string, reasonEn: string): LinliError {
  return LinliError.from(lendingErrors, "INVALID_RANGE", { reason, reasonEn });
}

/**
 * `lending.reservations.make`: reserves a unit for a future pickup (a ladder for Saturday),
 * over whole local days `from` to `to` inclusive. A named unit (`itemId`) or any unit of a type
 * (`itemTypeId`); the unit is claimed through `tx.reserve`, so a reservation and a walk-in loan
 * never take the same unit in the same days. No free unit is `UNIT_RESERVED`, nothing written.
 * Emits `ReservationMade`; pick it up with `checkOut({ items: [{ reservationId }] })`.
 */
export const make = defineCommand({
  subject: "required",
  input: z.object({
    itemTypeId: idInput.optional(),
    itemId: idInput.optional(),
    from: localDateInput,
    /** Last day, inclusive. @default from */
    to: localDateInput.optional(),
  }),
  run: async (cx: LendingCx & { subject: string }, input): Promise<Claim> => {
    if ((input.itemId === undefined) === (input.itemTypeId === undefined))
      throw invalid("请指定物品或物品种类之一", "give exactly one of itemId and itemTypeId");
    const zone = cx.config.community.timeZone;
    const to = input.to ?? input.from;
    const today = localDate(cx.now, zone);
    if (to < input.from) throw invalid("结束日早于开始日", "the range ends before it starts");
    if (input.from < today) throw invalid("不能预订过去的日期", "the range starts in the past");
    if (input.from > addLocalDays(today, cx.options.reservations.maxAheadDays))
      throw invalid(
        `最多提前 ${cx.options.reservations.maxAheadDays} 天预订`,
        `at most ${cx.options.reservations.maxAheadDays} days ahead`,
      );
    const start = startOfLocalDay(input.from, zone);
    const end = startOfLocalDay(addLocalDays(to, 1), zone);
    if (end.getTime() - start.getTime() > (cx.options.reservations.maxDays + 1) * DAY_MS)
      throw invalid(
        `最多预订 ${cx.options.reservations.maxDays} 天`,
        `at most ${cx.options.reservations.maxDays} days`,
      );
    const named = input.itemId === undefined ? null : await getItem(cx, input.itemId);
    const type = await getItemType(cx, named?.itemTypeId ?? input.itemTypeId ?? "");
    await lockType(cx, type.id);
    let units: Item[];
    if (named) {
      const item = await getItem(cx, named.id);
      if (item.status === "retired")
        throw LinliError.from(lendingErrors, "ITEM_RETIRED", { code: item.code });
      units = [item];
    } else {
      units = await cx.tx.findMany(itemModel, {
        where: [
          { field: "itemTypeId", value: type.id },
          { field: "status", op: "in", value: ["available", "on-loan", "on-hold-shelf"] },
        ],
        orderBy: [{ field: "code" }],
        limit: 500,
      });
    }
    for (const unit of units) {
      try {
        const claim = await cx.tx.reserve(claimModel, {
          key: `lending:unit:${unit.id}`,
          capacity: 1,
          scope: [
            { field: "itemId", value: unit.id },
            { field: "status", value: "active" },
          ],
          interval: { startField: "start", endField: "end", start, end },
          data: {
            itemId: unit.id,
            itemTypeId: type.id,
            kind: "reservation",
            residentId: cx.subject,
            start,
            end,
            status: "active",
            createdAt: cx.now,
            createdBy: cx.actor.id,
          },
        });
        await cx.emit(lendingEvents.ReservationMade, {
          reservationId: claim.id,
          itemId: unit.id,
          residentId: cx.subject,
          start: start.toISOString(),
          end: end.toISOString(),
        });
        return claim;
      } catch (error) {
        if (!isLinliError(error, "CAPACITY_EXCEEDED")) throw error;
      }
    }
    throw LinliError.from(lendingErrors, "UNIT_RESERVED", { itemTypeId: type.id, from: input.from, to });
  },
});

/** `lending.reservations.cancel`: cancels an active reservation (its resident, a delegate, staff). Emits `ReservationEnded`. */
export const cancelReservation = defineCommand({
  subject: "none",
  input: z.object({ reservationId: idInput }),
  run: async (cx: LendingCx, input): Promise<Claim> => {
    const claim = await cx.tx.findById(claimModel, input.reservationId);
    if (claim?.kind !== "reservation" || claim.status !== "active")
      throw LinliError.from(lendingErrors, "RESERVATION_NOT_FOUND", { reservationId: input.reservationId });
    await cx.requireActFor(claim.residentId, "lending.reservations.cancel");
    const updated = await cx.tx.updateById(claimModel, claim.id, { status: "cancelled" });
    await cx.emit(lendingEvents.ReservationEnded, { reservationId: claim.id, status: "cancelled" });
    return updated;
  },
});
