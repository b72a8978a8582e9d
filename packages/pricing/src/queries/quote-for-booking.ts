import { defineQuery } from "@linli/core";
import * as z from "zod";
import { idInput } from "../pricing-inputs";
import { usageModel } from "../pricing-models";
import { formatReceipt } from "../receipt";
import { visibleQuote } from "../visibility";

/**
 * `pricing.quoteForBooking`: the stored quote of a booking, or null when it has none (a
 * booking for no resident is never priced) or is not the actor's to see. For the booking's
 * resident, their delegates and staff.
 */
export const quoteForBooking = defineQuery({
  subject: "none",
  input: z.object({ bookingId: idInput }),
  run: async (cx, { bookingId }) => {
    const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: bookingId }]);
    // Someone else's booking answers as a booking with no quote: nothing is revealed.
    if (!usage || !(await cx.mayActFor(usage.residentId))) return null;
    return {
      bookingId,
      usageId: usage.id,
      reversed: usage.reversedAt !== null,
      quote: visibleQuote(cx.actor, usage.quote),
      /** The public receipt, formatted with Intl in the community's locale and currency. */
      receipt: formatReceipt(usage.quote, cx.config.community.locale),
    };
  },
});
