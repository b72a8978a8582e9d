import { type CommandContext, ERASED_NAME, LinliError, type PersonalDataHooks } from "@linli/core";
import { releaseUnit } from "./circulation";
import { lendingEvents } from "./events";
import type { LendingOptions } from "./lending-config";
import { getItem, type LendingCx, lockType } from "./lending-context";
import { lendingErrors } from "./lending-errors";
import {
  agreementModel,
  claimModel,
  donationModel,
  holdModel,
  itemModel,
  loanModel,
  pickupModel,
  ticketModel,
} from "./lending-models";

/**
 * Lending's part of a resident's data requests.
 *
 * Export: their loans (returned or not), holds, reservations, donations and acceptances of the
 * borrower agreement, and pickup appointments, in full.
 *
 * Erasure, refused with `ERASURE_WITH_OPEN_LOANS` (nothing written) while a tool is still out
 * with them: the loan is how the tool room gets it back. Otherwise open holds are cancelled (a
 * unit on the hold shelf passes to the next in line) and active reservations cancelled; then
 * every row naming the person is rewritten to one pseudonym (`erased-…`, new at each erasure):
 * loans, claims, holds, agreements, pickup appointments, donations and donated units, so none of them holds the
 * resident's id. Free text is cleared (return notes, and the condition note and repair ticket
 * a return wrote; a donation's description and decline reason) and a donor credit disappears;
 * a donation still offered stays for staff to review. Item types, units, dates, conditions and
 * fines stay, so loans per item type per month and the inventory are unchanged.
 */
export const lendingPersonalData: PersonalDataHooks<LendingOptions> = {
  export: async (cx, residentId) => {
    const byResident = [{ field: "residentId" as const, value: residentId }];
    return {
      loans: await cx.tx.findMany(loanModel, { where: byResident, orderBy: [{ field: "checkedOutAt" }] }),
      holds: await cx.tx.findMany(holdModel, { where: byResident, orderBy: [{ field: "createdAt" }] }),
      reservations: await cx.tx.findMany(claimModel, {
        where: [...byResident, { field: "kind", value: "reservation" }],
        orderBy: [{ field: "start" }],
      }),
      donations: await cx.tx.findMany(donationModel, {
        where: [{ field: "donorId", value: residentId }],
        orderBy: [{ field: "offeredAt" }],
      }),
      agreements: await cx.tx.findMany(agreementModel, {
        where: byResident,
        orderBy: [{ field: "acceptedAt" }],
      }),
      pickups: await cx.tx.findMany(pickupModel, { where: byResident, orderBy: [{ field: "start" }] }),
    };
  },
  erase: async (cx, residentId) => {
    const lcx: LendingCx = cx;
    const byResident = [{ field: "residentId" as const, value: residentId }];
    const open = await cx.tx.count(loanModel, [...byResident, { field: "returnedAt", value: null }]);
    if (open > 0) throw LinliError.from(lendingErrors, "ERASURE_WITH_OPEN_LOANS", { count: open });
    const pseudonym = cx.ids.next("erased");
    await endOpenHolds(lcx, residentId, pseudonym);
    const reservations = await cx.tx.findMany(claimModel, {
      where: [...byResident, { field: "kind", value: "reservation" }, { field: "status", value: "active" }],
    });
    for (const claim of reservations) {
      await cx.tx.updateById(claimModel, claim.id, { status: "cancelled" });
      await cx.emit(lendingEvents.ReservationEnded, { reservationId: claim.id, status: "cancelled" });
    }
    await eraseReturnNotes(cx, residentId);
    await cx.tx.update(loanModel, byResident, { residentId: pseudonym, returnNote: null });
    // The resident as the actor of a loan (a self-service check-out or return).
    await cx.tx.update(loanModel, [{ field: "checkedOutBy", value: residentId }], {
      checkedOutBy: pseudonym,
    });
    await cx.tx.update(loanModel, [{ field: "checkedInBy", value: residentId }], { checkedInBy: pseudonym });
    await cx.tx.update(loanModel, [{ field: "approvedBy", value: residentId }], { approvedBy: pseudonym });
    await cx.tx.update(claimModel, [{ field: "createdBy", value: residentId }], { createdBy: pseudonym });
    await cx.tx.update(claimModel, byResident, { residentId: pseudonym });
    await cx.tx.update(holdModel, byResident, { residentId: pseudonym });
    await cx.tx.update(agreementModel, byResident, { residentId: pseudonym });
    await cx.tx.update(pickupModel, byResident, { residentId: pseudonym });
    await cx.tx.update(ticketModel, [{ field: "reportedBy", value: residentId }], { reportedBy: pseudonym });
    const donations = await cx.tx.findMany(donationModel, {
      where: [{ field: "donorId", value: residentId }],
    });
    for (const donation of donations) {
      await cx.tx.updateById(donationModel, donation.id, {
        donorId: pseudonym,
        creditDonor: false,
        description: ERASED_NAME,
        declineReason: null,
      });
      for (const itemId of donation.itemIds)
        await cx.tx.update(
          itemModel,
          [
            { field: "id", value: itemId },
            { field: "donorId", value: residentId },
          ],
          { donorId: pseudonym, donorCredited: false },
        );
    }
  },
};

/**
 * Cancels the resident's waiting and ready holds; a unit on the shelf for one passes on. The
 * `HoldCancelled` events name the pseudonym, not the erased resident.
 */
async function endOpenHolds(cx: LendingCx, residentId: string, pseudonym: string): Promise<void> {
  const holds = await cx.tx.findMany(holdModel, {
    where: [
      { field: "residentId", value: residentId },
      { field: "status", op: "in", value: ["waiting", "ready"] },
    ],
  });
  for (const hold of holds) {
    await lockType(cx, hold.itemTypeId);
    await cx.tx.updateById(holdModel, hold.id, { status: "cancelled", endedAt: cx.now });
    if (hold.status === "ready" && hold.itemId) await releaseUnit(cx, await getItem(cx, hold.itemId));
    await cx.emit(lendingEvents.HoldCancelled, { holdId: hold.id, residentId: pseudonym });
  }
}

/**
 * Clears what was written at the resident's returns: a unit's condition note still holding
 * the note of their return, and the problem and note of a repair ticket opened by that return
 * (same unit, same instant).
 */
async function eraseReturnNotes(cx: CommandContext, residentId: string): Promise<void> {
  const returned = await cx.tx.findMany(loanModel, {
    where: [
      { field: "residentId", value: residentId },
      { field: "returnedAt", op: "ne", value: null },
    ],
    select: ["itemId", "returnNote", "returnedAt"],
  });
  for (const loan of returned) {
    if (loan.returnNote !== null)
      await cx.tx.update(
        itemModel,
        [
          { field: "id", value: loan.itemId },
          { field: "conditionNote", value: loan.returnNote },
        ],
        { conditionNote: null },
      );
    if (loan.returnedAt === null) continue;
    await cx.tx.update(
      ticketModel,
      [
        { field: "itemId", value: loan.itemId },
        { field: "source", value: "return" },
        { field: "reportedAt", value: loan.returnedAt },
      ],
      { problem: ERASED_NAME, note: null },
    );
  }
}
