import { defineQuery, LinliError } from "@linli/core";
import * as z from "zod";
import { bookingErrors } from "../booking-errors";
import { idInput } from "../booking-inputs";
import { requireBookingAccess } from "../booking-lifecycle";
import { bookingModel } from "../booking-models";

/** `booking.get`: one booking (its resident, their delegates, staff). */
export const get = defineQuery({
  subject: "none",
  input: z.object({ bookingId: idInput }),
  run: async (cx, input) => {
    const booking = await cx.tx.findById(bookingModel, input.bookingId);
    if (!booking) throw LinliError.from(bookingErrors, "BOOKING_NOT_FOUND", { bookingId: input.bookingId });
    await requireBookingAccess(cx, booking);
    return booking;
  },
});
