/**
 * The lending plugin's domain events, as a light entry point (`@linli/lending/events`).
 *
 * @packageDocumentation
 */
import { defineEvents } from "@linli/core";
import * as z from "zod";

const id = z.string();
const instant = z.iso.datetime();

/**
 * Every event the lending plugin emits, by name. Payloads are plain JSON (instants as ISO
 * strings). A pricing or notification plugin subscribes to these (deposits on `LoanStarted`,
 * a reminder on `LoanDueSoon`) without importing lending's runtime.
 */
export const lendingEvents = defineEvents("lending", {
  /** A kind of item entered the catalog. */
  ItemTypeAdded: z.object({ itemTypeId: id, category: id }),
  /** A unit entered circulation (bought, donated or imported). */
  UnitAdded: z.object({ itemId: id, itemTypeId: id, acquisition: z.enum(["bought", "donated"]) }),
  /** A unit left circulation for good. */
  UnitRetired: z.object({ itemId: id, itemTypeId: id }),
  /** A resident offered a donation. */
  DonationOffered: z.object({ donationId: id, donorId: id }),
  /** Staff accepted a donation; `donorId` is null unless the donor agreed to be credited. */
  DonationAccepted: z.object({ donationId: id, itemIds: z.array(id), donorId: id.nullable() }),
  /** Staff declined a donation. */
  DonationDeclined: z.object({ donationId: id }),
  /** A unit was lent. */
  LoanStarted: z.object({
    loanId: id,
    batchId: id,
    itemId: id,
    itemTypeId: id,
    residentId: id,
    dueAt: instant,
    /**
     * The resource whose price plan prices this loan (`lending.charges`), for the pricing
     * plugin: a fee and a deposit charged now. Absent when loans of this type are not priced.
     */
    priceResourceId: id.optional(),
  }),
  /** A loan was renewed to a new due date. */
  LoanRenewed: z.object({ loanId: id, residentId: id, dueAt: instant, renewals: z.number().int() }),
  /** A unit came back. `late` when after its due date; `fineMinor` 0 unless fines are on. */
  LoanReturned: z.object({
    loanId: id,
    itemId: id,
    residentId: id,
    condition: z.string(),
    late: z.boolean(),
    fineMinor: z.number().int(),
    /** The due date (present when `lateFeeResourceId` is). */
    dueAt: instant.optional(),
    /**
     * The resource whose price plan prices the late return from `dueAt` to now, for the
     * pricing plugin (`lending.charges.lateReturnResource`); present only for a late return.
     */
    lateFeeResourceId: id.optional(),
  }),
  /** A loan is due within `lending.dueSoonHours` (sent once per due date by the sweep). */
  LoanDueSoon: z.object({ loanId: id, itemId: id, residentId: id, dueAt: instant }),
  /** A loan is past its due date (sent once per due date by the sweep). */
  LoanOverdue: z.object({ loanId: id, itemId: id, residentId: id, dueAt: instant }),
  /** A resident joined the queue for an item type. */
  HoldPlaced: z.object({ holdId: id, itemTypeId: id, residentId: id }),
  /** A unit waits on the hold shelf for the first in line until `pickupBy`. */
  HoldReady: z.object({ holdId: id, itemId: id, residentId: id, pickupBy: instant }),
  /** A ready hold was not picked up in time; the unit passes on. */
  HoldExpired: z.object({ holdId: id, itemId: id.nullable(), residentId: id }),
  /** A hold was withdrawn. */
  HoldCancelled: z.object({ holdId: id, residentId: id }),
  /** A unit was reserved for a future pickup. */
  ReservationMade: z.object({ reservationId: id, itemId: id, residentId: id, start: instant, end: instant }),
  /** A reservation was cancelled or not picked up. */
  ReservationEnded: z.object({ reservationId: id, status: z.enum(["cancelled", "expired"]) }),
  /** A repair ticket took a unit out of circulation. */
  TicketOpened: z.object({
    ticketId: id,
    itemId: id,
    source: z.enum(["report", "return", "plan"]),
  }),
  /** A repair ticket moved on; at `done` the unit is back in circulation, at `retired` it is gone. */
  TicketUpdated: z.object({ ticketId: id, itemId: id, status: z.string() }),
  /** A resident accepted a version of the borrower agreement. */
  AgreementAccepted: z.object({ residentId: id, version: z.string() }),
});
