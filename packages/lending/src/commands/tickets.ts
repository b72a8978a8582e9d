import { COUNTER_ACTORS } from "../counter-actors";
import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { openTicket, releaseUnit } from "../circulation";
import { lendingEvents } from "../events";
import { getItem, type LendingCx, lockType } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { conditionInput, idInput, noteInput } from "../lending-inputs";
import { holdModel, itemModel, type Ticket, TICKET_STATUSES, ticketModel } from "../lending-models";

const CLOSED = new Set(["done", "retired"]);

/**
 * `lending.tickets.open`: reports a unit broken (staff or a volunteer). The unit leaves
 * circulation at once (from the shelf or the hold shelf; a unit on loan goes to maintenance
 * when it comes back), and its type's queue waits. Emits `TicketOpened`.
 */
export const openRepair = defineCommand({
  allow: COUNTER_ACTORS,
  subject: "none",
  input: z.object({ itemId: idInput, problem: z.string().min(1).max(1000) }),
  run: async (cx: LendingCx, input): Promise<Ticket> => {
    const first = await getItem(cx, input.itemId);
    await lockType(cx, first.itemTypeId);
    const item = await getItem(cx, input.itemId);
    if (item.status === "retired") throw LinliError.from(lendingErrors, "ITEM_RETIRED", { code: item.code });
    return openTicket(cx, item, { problem: input.problem, source: "report" });
  },
});

/**
 * `lending.tickets.update`: moves a repair ticket on (reported, assessing, waiting for parts,
 * repairing, then done or retired). At `done` the unit is serviced and back in circulation
 * (the first in line gets it); at `retired` it leaves the catalog for good. A closed ticket
 * cannot move: `INVALID_TICKET_TRANSITION`. Emits `TicketUpdated` (and `UnitRetired`).
 */
export const updateRepair = defineCommand({
  allow: COUNTER_ACTORS,
  subject: "none",
  input: z.object({
    ticketId: idInput,
    status: z.enum(TICKET_STATUSES),
    note: noteInput.optional(),
    /** The unit's condition after the repair. @default "good" */
    condition: conditionInput.optional(),
  }),
  run: async (cx: LendingCx, input): Promise<Ticket> => {
    const found = await cx.tx.findById(ticketModel, input.ticketId);
    if (!found) throw LinliError.from(lendingErrors, "TICKET_NOT_FOUND", { ticketId: input.ticketId });
    await lockType(cx, found.itemTypeId);
    const ticket = await cx.tx.get(ticketModel, found.id);
    const item = await getItem(cx, ticket.itemId);
    const bad = CLOSED.has(ticket.status) || (input.status === "retired" && item.status === "on-loan");
    if (bad)
      throw LinliError.from(lendingErrors, "INVALID_TICKET_TRANSITION", {
        ticketId: ticket.id,
        status: ticket.status,
        to: input.status,
      });
    const closing = CLOSED.has(input.status);
    const updated = await cx.tx.updateById(ticketModel, ticket.id, {
      status: input.status,
      note: input.note ?? ticket.note,
      updatedAt: cx.now,
      closedAt: closing ? cx.now : null,
    });
    if (input.status === "done" && item.status !== "on-loan") {
      const serviced = await cx.tx.updateById(itemModel, item.id, {
        condition: input.condition ?? "good",
        loansSinceService: 0,
        lastServiceAt: cx.now,
      });
      const stillOpen = await cx.tx.count(ticketModel, [
        { field: "itemId", value: item.id },
        { field: "status", op: "in", value: ["reported", "assessing", "waiting-for-parts", "repairing"] },
      ]);
      if (stillOpen === 0 && serviced.status === "in-maintenance") await releaseUnit(cx, serviced);
    }
    if (input.status === "retired") {
      await cx.tx.update(
        holdModel,
        [
          { field: "itemId", value: item.id },
          { field: "status", value: "ready" },
        ],
        { status: "waiting", itemId: null, readyAt: null, pickupBy: null },
      );
      await cx.tx.updateById(itemModel, item.id, { status: "retired" });
      await cx.emit(lendingEvents.UnitRetired, { itemId: item.id, itemTypeId: item.itemTypeId });
    }
    await cx.emit(lendingEvents.TicketUpdated, {
      ticketId: ticket.id,
      itemId: item.id,
      status: input.status,
    });
    return updated;
  },
});
