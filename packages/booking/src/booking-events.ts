import type * as z from "zod";
import type { AnyEventDef, CommandContext, DomainEvent, PayloadOf } from "@linli/core";
import type { Booking } from "./booking-models";
import type { bookingFactsShape } from "./events";

/** The facts every booking event carries, as JSON. */
type BookingFacts = z.output<z.ZodObject<typeof bookingFactsShape>>;

/** The facts every booking event carries, from a booking. */
export function bookingPayload(b: Booking): BookingFacts {
  return {
    bookingId: b.id,
    resourceId: b.resourceId,
    residentId: b.residentId,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    quantity: b.quantity,
  };
}

/** Emits an event about a booking: its facts plus the event's own fields. */
export function emitBookingEvent<E extends AnyEventDef>(
  cx: CommandContext,
  event: E,
  booking: Booking,
  extra: Omit<PayloadOf<E>, keyof BookingFacts>,
): Promise<DomainEvent> {
  // A spread of a generic Omit is not assignable back to the payload type in TypeScript;
  // the schema still checks the whole payload at run time in `emit`.
  const payload = { ...bookingPayload(booking), ...extra } as PayloadOf<E>;
  return cx.emit(event, payload);
}
