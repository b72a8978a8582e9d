import type { CommandContext } from "@linli/core";
import type { Booking } from "./booking-models";

/**
 * The booking plugin's domain events. Each is written to the outbox in the same transaction
 * as the state change; payloads are plain JSON with instants as ISO-8601 strings.
 */
export const BOOKING_EVENTS = {
  /** A booking was asked for and placed (as confirmed, pending approval or offered). */
  requested: "BookingRequested",
  /** A booking holds its place for good: `{ bookingId, resourceId, residentId, start, end, quantity }`. */
  confirmed: "BookingConfirmed",
  /** Staff rejected a booking awaiting approval. */
  rejected: "BookingRejected",
  /** `{ bookingId, resourceId, residentId, start, end, quantity, refundable }`. */
  cancelled: "BookingCancelled",
  /** A booking moved; the old one is also `BookingCancelled` and the new one `BookingConfirmed`. */
  rescheduled: "BookingRescheduled",
  checkedIn: "BookingCheckedIn",
  completed: "BookingCompleted",
  /** A booking not checked in by the end of its check-in window was released. */
  released: "BookingReleased",
  /** A resident did not come: `{ bookingId, resourceId, residentId, start, end, quantity }`. */
  noShow: "NoShowRecorded",
  /** A booking starts within the reminder lead. */
  reminderDue: "BookingReminderDue",
  waitlistJoined: "WaitlistJoined",
  /** Freed capacity is offered to the first in line, until `expiresAt`. */
  waitlistOffered: "WaitlistOffered",
  waitlistOfferExpired: "WaitlistOfferExpired",
  /** The waitlist entry became a booking. */
  waitlistPromoted: "WaitlistPromoted",
  seriesBooked: "BookingSeriesBooked",
} as const;

/** The facts every booking event carries. */
export function bookingPayload(b: Booking): Record<string, unknown> {
  return {
    bookingId: b.id,
    resourceId: b.resourceId,
    residentId: b.residentId,
    start: b.start.toISOString(),
    end: b.end.toISOString(),
    quantity: b.quantity,
  };
}

/** Emits an event about a booking, with extra facts. */
export function emitBookingEvent(
  cx: CommandContext,
  type: (typeof BOOKING_EVENTS)[keyof typeof BOOKING_EVENTS],
  booking: Booking,
  extra: Record<string, unknown> = {},
) {
  return cx.emit(type, { ...bookingPayload(booking), ...extra });
}
