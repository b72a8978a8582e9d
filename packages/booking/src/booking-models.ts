import { defineModel, type RowOf } from "@linli/core";
import * as z from "zod";

/** Every state of a booking. */
export const BOOKING_STATUSES = [
  "offered",
  "pending-approval",
  "confirmed",
  "checked-in",
  "completed",
  "cancelled",
  "rejected",
  "no-show",
  "released",
  "expired",
] as const;

/** One of {@link BOOKING_STATUSES}. */
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * The states that hold capacity. A booking awaiting approval, or offered to the first in line
 * of the waitlist, holds its place, so approving or accepting it can never overbook.
 */
export const OCCUPYING_STATUSES: readonly BookingStatus[] = [
  "offered",
  "pending-approval",
  "confirmed",
  "checked-in",
  "completed",
];

/**
 * The longest interval a booking may occupy, buffers included: 366 days. Declared on the
 * model (the kernel refuses a longer one), it bounds every overlap read on both sides:
 * a booking overlapping `[from, to)` ends after `from` and before `to` plus this span, a
 * range of the `(resourceId, blockEnd, blockStart)` index. Bookings that ended before
 * `from` (a resource's whole history) are never read, so booking and availability cost the
 * same with one year or twenty years behind them. Generous on purpose: the bound only
 * decides how far past `to` the index range reaches, through future bookings, which
 * booking windows keep few.
 */
export const MAX_BOOKING_SPAN_MS = 366 * 86_400_000;

/**
 * A booking of a resource (or one zone of it) by or for a resident. `blockStart`/`blockEnd`
 * is the interval the booking occupies including buffers (turnover time); capacity is
 * checked on it. Both the actor who made the booking and the resident it is for are kept.
 */
export const bookingModel = defineModel(
  "booking_booking",
  {
    resourceId: z.string(),
    zoneId: z.string().nullable().default(null),
    /** The resident the booking is for; null for a staff booking not for a resident (a community event). */
    residentId: z.string().nullable().default(null),
    actorKind: z.string(),
    actorId: z.string(),
    start: z.date(),
    end: z.date(),
    blockStart: z.date(),
    blockEnd: z.date(),
    quantity: z.number().int().positive().default(1),
    status: z.enum(BOOKING_STATUSES),
    seriesId: z.string().nullable().default(null),
    note: z.string().nullable().default(null),
    createdAt: z.date(),
    confirmedAt: z.date().nullable().default(null),
    decidedBy: z.string().nullable().default(null),
    cancelledAt: z.date().nullable().default(null),
    cancelledBy: z.string().nullable().default(null),
    cancelReason: z.string().nullable().default(null),
    refundable: z.boolean().nullable().default(null),
    checkedInAt: z.date().nullable().default(null),
    completedAt: z.date().nullable().default(null),
    /** When the booking was recorded as a no-show (also set for released bookings). */
    noShowAt: z.date().nullable().default(null),
    releasedAt: z.date().nullable().default(null),
    remindedAt: z.date().nullable().default(null),
    /** The booking this one replaced by a reschedule. */
    rescheduledFrom: z.string().nullable().default(null),
    /**
     * How the request reached the community (`desk`, `phone`, `wechat`, `app`: one of the
     * configured `booking.channels`); null when not recorded (and for waitlist offers).
     */
    channel: z.string().nullable().default(null),
  },
  {
    indexes: [
      // Overlap reads: `blockEnd` bounded on both sides, `blockStart` checked in the index.
      // It covers the fields the rules and the availability sweep read (`BOOKING_FACT_FIELDS`),
      // so those reads never look a row up in the table.
      {
        fields: ["resourceId", "blockEnd", "blockStart"],
        include: ["status", "quantity", "zoneId", "residentId", "start", "end", "noShowAt", "id"],
      },
      { fields: ["residentId", "start"] },
      { fields: ["status", "start"] },
      // Only bookings of a series are in it: most bookings have none, and a write of one of
      // them costs this index nothing. Reads by series (`seriesId = ?`) imply the condition.
      { fields: ["seriesId"], where: { field: "seriesId", is: "not-null" } },
    ],
    intervals: [{ start: "blockStart", end: "blockEnd", maxSpanMs: MAX_BOOKING_SPAN_MS }],
  },
);

/** A stored booking. */
export type Booking = RowOf<typeof bookingModel>;

/** States of a waitlist entry. */
export const WAITLIST_STATUSES = ["waiting", "offered", "confirmed", "expired", "withdrawn"] as const;

/** One of {@link WAITLIST_STATUSES}. */
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

/** A resident queued for a full slot; first in line (by `position`) is offered freed capacity. */
export const waitlistEntryModel = defineModel(
  "booking_waitlist_entry",
  {
    resourceId: z.string(),
    zoneId: z.string().nullable().default(null),
    residentId: z.string(),
    actorKind: z.string(),
    actorId: z.string(),
    start: z.date(),
    end: z.date(),
    quantity: z.number().int().positive().default(1),
    status: z.enum(WAITLIST_STATUSES),
    /** Queue order within the community: increasing with time of joining. */
    position: z.number().int(),
    createdAt: z.date(),
    offeredAt: z.date().nullable().default(null),
    offerExpiresAt: z.date().nullable().default(null),
    bookingId: z.string().nullable().default(null),
    /** Whether the approval rule held the offered booking: once accepted, it waits for staff. */
    requiresApproval: z.boolean().default(false),
  },
  {
    indexes: [
      { fields: ["resourceId", "status", "position"] },
      { fields: ["status", "offerExpiresAt"] },
      // Positions are unique (assigned under the `booking:waitlist` lock): the next one is
      // read off this index (`ORDER BY position DESC LIMIT 1`), never by a scan.
      { fields: ["position"], unique: true },
    ],
  },
);

/** A stored waitlist entry. */
export type WaitlistEntry = RowOf<typeof waitlistEntryModel>;

/** A recurring booking: an RRULE, its exceptions, and what happened to each occurrence. */
export const bookingSeriesModel = defineModel("booking_series", {
  resourceId: z.string(),
  zoneId: z.string().nullable().default(null),
  residentId: z.string().nullable().default(null),
  actorKind: z.string(),
  actorId: z.string(),
  /** The RRULE (RFC 5545 `RRULE` value, without `DTSTART`). */
  rrule: z.string(),
  /** First occurrence's start, as local `YYYY-MM-DDTHH:mm` in the community zone. */
  firstStart: z.string(),
  durationMinutes: z.number().int().positive(),
  /** Local dates (`YYYY-MM-DD`) skipped by the resident's request. */
  exceptions: z.array(z.string()),
  policy: z.enum(["fail-series", "skip-and-report"]),
  createdAt: z.date(),
});

/** A stored booking series. */
export type BookingSeries = RowOf<typeof bookingSeriesModel>;

/** The models of the booking plugin. */
export const bookingModels = [bookingModel, waitlistEntryModel, bookingSeriesModel];
