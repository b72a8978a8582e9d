import {
  type CommandContext,
  coreErrors,
  type DomainEvent,
  type EventSubscriber,
  LinliError,
  validate,
} from "@linli/core";
import { z } from "zod";
import type { PriceBook } from "./price-book";
import { usageModel } from "./pricing-models";
import { depositHeldFor, recordUsage, repriceUsage, returnDeposit, reverseUsage } from "./usage-book";

/** The payload of booking's `BookingConfirmed` event (instants as ISO strings). */
export const bookingConfirmedSchema = z.object({
  bookingId: z.string().min(1),
  resourceId: z.string().min(1),
  residentId: z.string().min(1),
  start: z.coerce.date(),
  end: z.coerce.date().nullable(),
  quantity: z.number().int().positive(),
});

/** The payload of booking's `BookingRescheduled` event: the old booking and the new one's id. */
export const bookingRescheduledSchema = bookingConfirmedSchema.extend({ newBookingId: z.string().min(1) });

/** The payload of booking's `BookingCancelled` event. */
export const bookingCancelledSchema = bookingConfirmedSchema.extend({
  /** True when cancelled before the cancellation deadline: the charge is reversed. */
  refundable: z.boolean(),
});

function payloadOf<S extends z.ZodType>(schema: S, event: DomainEvent): z.output<S> {
  const result = validate(schema, event.payload);
  if (result.ok) return result.value;
  const summary = result.problems.map((p) => `${p.path}: ${p.message.en}`).join("; ");
  throw LinliError.from(
    coreErrors,
    "VALIDATION_FAILED",
    { summary: `${event.type} payload: ${summary}` },
    { details: { event: event.type, problems: result.problems } },
  );
}

/**
 * In-transaction subscribers to the booking plugin's events, so that pricing integrates
 * with booking without either importing the other:
 * - `BookingConfirmed`: the booking's quote is stored (keyed by `bookingId`) and charged to
 *   the ledger, a zero charge with its reason when nothing is due. Prices follow eligibility
 *   and memberships at the booking's start.
 * - `BookingCancelled`: a refundable cancellation reverses the charge with a new entry; any
 *   deposit is returned either way, since nothing was used.
 * - `BookingRescheduled`: the new booking is re-priced now that the old one is given back
 *   (booking confirms the new slot first), with a `correction` entry for any difference.
 * A subscriber that throws aborts the booking command: a booking is never confirmed unpriced.
 */
export function bookingSubscribers(
  book: (cx: CommandContext) => PriceBook,
): Readonly<Record<string, EventSubscriber>> {
  return {
    BookingConfirmed: async (cx: CommandContext, event: DomainEvent) => {
      const p = payloadOf(bookingConfirmedSchema, event);
      await recordUsage(cx, book(cx), {
        residentId: p.residentId,
        resourceId: p.resourceId,
        start: p.start,
        end: p.end,
        quantity: p.quantity,
        bookingId: p.bookingId,
      });
    },
    BookingCancelled: async (cx: CommandContext, event: DomainEvent) => {
      const p = payloadOf(bookingCancelledSchema, event);
      const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: p.bookingId }]);
      if (!usage || usage.reversedAt !== null) return;
      if (p.refundable) await reverseUsage(cx, usage, "BOOKING_CANCELLED");
      else if ((await depositHeldFor(cx.tx, usage)) > 0) await returnDeposit(cx, usage);
    },
    BookingRescheduled: async (cx: CommandContext, event: DomainEvent) => {
      const p = payloadOf(bookingRescheduledSchema, event);
      const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: p.newBookingId }]);
      if (usage) await repriceUsage(cx, book(cx), usage);
    },
  };
}
