import { defineQuery, instantSchema, type ModelWhere, type Page, pageInput, readPage } from "@linli/core";
import * as z from "zod";
import { idInput } from "../booking-inputs";
import { BOOKING_STATUSES, type Booking, bookingModel } from "../booking-models";

/**
 * `booking.list`: bookings of a resident (the acting one, or `forResident`), or for staff
 * without `forResident`, of anyone; by resource, time (`start`/`end`: bookings overlapping
 * that range) and state; by start then id, a page at a time (`limit`, `after`; see core's `Page`).
 */
export const list = defineQuery({
  input: z.object({
    resourceId: idInput.optional(),
    start: instantSchema.optional(),
    end: instantSchema.optional(),
    statuses: z.array(z.enum(BOOKING_STATUSES)).max(BOOKING_STATUSES.length).optional(),
    ...pageInput,
  }),
  run: async (cx, input): Promise<Page<Booking>> => {
    // Staff see everyone's bookings unless they name a resident; residents see their own.
    const residentId = cx.subject;
    if (!residentId) cx.requireStaff("booking.list");
    const where: ModelWhere<typeof bookingModel>[] = [];
    if (residentId) where.push({ field: "residentId", value: residentId });
    if (input.resourceId) where.push({ field: "resourceId", value: input.resourceId });
    if (input.start) where.push({ field: "end", op: "gt", value: input.start });
    if (input.end) where.push({ field: "start", op: "lt", value: input.end });
    if (input.statuses) where.push({ field: "status", op: "in", value: input.statuses });
    return readPage(cx.tx, bookingModel, {
      where,
      order: { field: "start" },
      limit: input.limit,
      after: input.after,
    });
  },
});
