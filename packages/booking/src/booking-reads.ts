import type { CommandContext, ModelWhere } from "@linli/core";
import { bookingModel, OCCUPYING_STATUSES } from "./booking-models";
import type { OccupancyFacts } from "./occupancy-steps";
import type { BookingFacts } from "./rule-kind";

/**
 * The fields of a booking the rules and the availability sweep read ({@link BookingFacts}):
 * the snapshot reads select only these, not the booking's 29 columns.
 */
export const BOOKING_FACT_FIELDS = [
  "id",
  "resourceId",
  "zoneId",
  "residentId",
  "start",
  "end",
  "blockStart",
  "blockEnd",
  "quantity",
  "status",
  "noShowAt",
] as const;

/**
 * The bookings holding capacity on a resource whose occupied block overlaps `[from, to)`.
 * The read is bounded on both sides (`blockEnd` in `(from, to + the longest booking the
 * community holds)`, see `Tx.overlapWhere`) on the `(resourceId, blockEnd, blockStart)` index:
 * its cost depends on the bookings around the window, never on the resource's history before
 * it, nor on the bookings long after it.
 */
export async function occupyingBookings(
  cx: Pick<CommandContext, "tx">,
  resourceId: string,
  from: Date,
  to: Date,
  excluded: readonly ModelWhere<typeof bookingModel>[] = [],
): Promise<BookingFacts[]> {
  return cx.tx.findMany(bookingModel, {
    where: [...(await occupyingWhere(cx, resourceId, from, to)), ...excluded],
    select: BOOKING_FACT_FIELDS,
  });
}

/** The where list of the bookings holding capacity on a resource whose block overlaps `[from, to)`. */
async function occupyingWhere(
  cx: Pick<CommandContext, "tx">,
  resourceId: string,
  from: Date,
  to: Date,
): Promise<ModelWhere<typeof bookingModel>[]> {
  return [
    { field: "resourceId", value: resourceId },
    ...(await cx.tx.overlapWhere(bookingModel, { startField: "blockStart", endField: "blockEnd", from, to })),
    { field: "status", op: "in", value: [...OCCUPYING_STATUSES] },
  ];
}

/** The fields of a booking the availability sweep reads for one zone ({@link OccupancyFacts}). */
export const OCCUPANCY_FIELDS = ["zoneId", "blockStart", "blockEnd", "quantity"] as const;

/** The fields it reads for the whole resource: the zone, which only filters, is left out. */
export const RESOURCE_OCCUPANCY_FIELDS = ["blockStart", "blockEnd", "quantity"] as const;

/**
 * The occupancy of the bookings holding capacity on a resource whose block overlaps
 * `[from, to)`: the read of {@link occupyingBookings}, projected on {@link OCCUPANCY_FIELDS}
 * for one zone's occupancy and on {@link RESOURCE_OCCUPANCY_FIELDS} for the whole resource's
 * (`zoneId` null): columns of the covering index, two dates to decode per row, not eleven
 * and five, for availability, whose sweep reads nothing else of them.
 */
export async function occupancyOf(
  cx: Pick<CommandContext, "tx">,
  resourceId: string,
  from: Date,
  to: Date,
  zoneId: string | null,
): Promise<OccupancyFacts[]> {
  return cx.tx.findMany(bookingModel, {
    where: await occupyingWhere(cx, resourceId, from, to),
    select: zoneId === null ? RESOURCE_OCCUPANCY_FIELDS : OCCUPANCY_FIELDS,
  });
}

/**
 * A resident's bookings (every state) starting at or after `since`: their future ones and
 * the lookback the quotas and no-show rules count (`residentId`, `start` on the
 * `(residentId, start)` index). Bounded by the lookback, not by the resident's history.
 */
export function residentBookingsSince(
  cx: Pick<CommandContext, "tx">,
  residentId: string,
  since: Date,
  excluded: readonly ModelWhere<typeof bookingModel>[] = [],
): Promise<BookingFacts[]> {
  return cx.tx.findMany(bookingModel, {
    where: [
      { field: "residentId", value: residentId },
      { field: "start", op: "gte", value: since },
      ...excluded,
    ],
    select: BOOKING_FACT_FIELDS,
  });
}
