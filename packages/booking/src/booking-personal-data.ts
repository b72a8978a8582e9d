import type { PersonalDataHooks } from "@linli/core";
import { bookingModel, bookingSeriesModel, waitlistEntryModel } from "./booking-models";

/**
 * Booking's part of a resident's data requests: their bookings, waitlist entries and series
 * in full; erasure clears the free text (notes, cancellation reasons) and keeps the bookings
 * themselves (resource, times, status), so the community's statistics do not change.
 */
export const bookingPersonalData: PersonalDataHooks = {
  export: async (cx, residentId) => {
    const where = [{ field: "residentId" as const, value: residentId }];
    return {
      bookings: await cx.tx.findMany(bookingModel, { where, orderBy: [{ field: "start" }] }),
      waitlist: await cx.tx.findMany(waitlistEntryModel, { where, orderBy: [{ field: "position" }] }),
      series: await cx.tx.findMany(bookingSeriesModel, { where }),
    };
  },
  erase: async (cx, residentId) => {
    await cx.tx.update(bookingModel, [{ field: "residentId", value: residentId }], {
      note: null,
      cancelReason: null,
    });
  },
};
