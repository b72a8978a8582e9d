/**
 * The booking plugin's domain events, as a light entry point (`@linli/booking/events`): a
 * plugin that subscribes to them (pricing charges on `BookingConfirmed`) imports these
 * definitions without booking's runtime. Payloads are plain JSON, instants as ISO-8601 UTC
 * strings, exactly as the outbox stores them.
 *
 * @packageDocumentation
 */
import { defineEvents } from "@linli/core";
import * as z from "zod";

const instant = z.iso.datetime();

/** The facts every event about one booking carries. */
export const bookingFactsShape = {
  bookingId: z.string(),
  resourceId: z.string(),
  /** Null for a staff booking that is for no resident (a room blocked for maintenance). */
  residentId: z.string().nullable(),
  start: instant,
  end: instant,
  quantity: z.number().int().positive(),
};

/** The facts every event about one waitlist entry carries. */
export const waitlistFactsShape = {
  entryId: z.string(),
  resourceId: z.string(),
  residentId: z.string(),
  start: instant,
  end: instant,
  quantity: z.number().int().positive(),
};

const facts = z.object(bookingFactsShape);
const entry = z.object(waitlistFactsShape);

/** Every event the booking plugin emits, by name. */
export const bookingEvents = defineEvents("booking", {
  /** A booking was asked for and placed (as confirmed, pending approval or offered). */
  BookingRequested: facts.extend({
    status: z.string(),
    actorKind: z.string(),
    actorId: z.string(),
    /** How the request reached the community (desk, phone, app…), when recorded. */
    channel: z.string().nullable().optional(),
  }),
  /** A booking holds its place for good. */
  BookingConfirmed: facts,
  /** Staff rejected a booking awaiting approval. */
  BookingRejected: facts.extend({ reason: z.string().nullable() }),
  /** A booking was cancelled; `refundable` when before the cancellation deadline. */
  BookingCancelled: facts.extend({ refundable: z.boolean() }),
  /** A booking moved: these are the old booking's facts; it is also `BookingCancelled`, the new one `BookingConfirmed`. */
  BookingRescheduled: facts.extend({ newBookingId: z.string() }),
  /** The resident checked in. */
  BookingCheckedIn: facts,
  /** Staff marked the booking completed. */
  BookingCompleted: facts,
  /** A booking not checked in by the end of its check-in window was released. */
  BookingReleased: facts,
  /** A resident did not come. */
  NoShowRecorded: facts.extend({ noShowAt: instant }),
  /** A booking starts within the reminder lead. */
  BookingReminderDue: facts.extend({ leadMinutes: z.number().int() }),
  /** A resident queued for a full slot. */
  WaitlistJoined: entry,
  /** Freed capacity is offered to the first in line, until `expiresAt`. */
  WaitlistOffered: entry.extend({ bookingId: z.string(), expiresAt: instant }),
  /** An offer was not accepted in time and passed on. */
  WaitlistOfferExpired: entry.extend({ bookingId: z.string() }),
  /** The waitlist entry became a booking. */
  WaitlistPromoted: entry.extend({ bookingId: z.string() }),
  /** A recurring series was booked: the bookings made and the occurrences skipped (their starts). */
  BookingSeriesBooked: z.object({
    seriesId: z.string(),
    resourceId: z.string(),
    residentId: z.string().nullable(),
    booked: z.array(z.string()),
    skipped: z.array(instant),
  }),
});

/** The booking plugin's events, by name (the type of {@link bookingEvents}). */
export type BookingEvents = typeof bookingEvents;
