import { bookingEvents } from "@linli/booking/events";
import { type CommandContext, subscribe } from "@linli/core";
import type { PriceBook } from "./price-book";
import { usageModel } from "./pricing-models";
import { depositHeldFor, recordUsage, repriceUsage, returnDeposit, reverseUsage } from "./usage-book";

/**
 * In-transaction subscriptions to the booking plugin's events (the definitions of
 * `@linli/booking/events`, payloads typed and already checked by booking when it emitted):
 * - `BookingConfirmed`: the booking's quote is stored (keyed by `bookingId`) and charged to
 *   the ledger, a zero charge with its reason when nothing is due. Prices follow eligibility
 *   and memberships at the booking's start.
 * - `BookingCancelled`: a refundable cancellation reverses the charge with a new entry; any
 *   deposit is returned either way, since nothing was used.
 * - `BookingRescheduled`: the new booking is re-priced now that the old one is given back
 *   (booking confirms the new slot first), with a `correction` entry for any difference.
 *
 * A booking for no resident (`residentId: null`: staff blocking a room for maintenance or a
 * community event) is not priced: there is no ledger to charge, so nothing is recorded, and
 * its cancellation or rescheduling has nothing to reverse or re-price. A subscriber that
 * throws aborts the booking command: a booking for a resident is never confirmed unpriced.
 *
 * `book` gives the community's price book: subscribers run with the emitting command's
 * context (booking's), not pricing's, so they cannot read pricing's options from it.
 */
export function bookingSubscriptions(book: (cx: CommandContext) => PriceBook) {
  return [
    subscribe(bookingEvents.BookingConfirmed, async (cx, { payload: p }) => {
      if (p.residentId === null) return;
      await recordUsage(cx, book(cx), {
        residentId: p.residentId,
        resourceId: p.resourceId,
        start: new Date(p.start),
        end: new Date(p.end),
        quantity: p.quantity,
        bookingId: p.bookingId,
      });
    }),
    subscribe(bookingEvents.BookingCancelled, async (cx, { payload: p }) => {
      if (p.residentId === null) return;
      const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: p.bookingId }]);
      if (!usage || usage.reversedAt !== null) return;
      if (p.refundable) await reverseUsage(cx, usage, "BOOKING_CANCELLED");
      else if ((await depositHeldFor(cx.tx, usage)) > 0) await returnDeposit(cx, usage);
    }),
    subscribe(bookingEvents.BookingRescheduled, async (cx, { payload: p }) => {
      if (p.residentId === null) return;
      const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: p.newBookingId }]);
      if (usage) await repriceUsage(cx, book(cx), usage);
    }),
  ];
}
