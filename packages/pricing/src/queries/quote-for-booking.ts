import { defineQuery } from "@linli/core";
import { z } from "zod";
import { idInput } from "../pricing-inputs";
import { usageModel } from "../pricing-models";
import { formatReceipt } from "../receipt";
import { visibleQuote } from "../visibility";

/**
 * `pricing.quoteForBooking`: the stored quote of a booking, or null when it has none (a
 * booking for no resident is never priced). For the booking's resident, their delegates and staff.
 */
export const quoteForBooking = defineQuery({
  subject: "none",
  input: z.object({ bookingId: idInput }),
  run: async (cx, { bookingId }) => {
    const usage = await cx.tx.findOne(usageModel, [{ field: "bookingId", value: bookingId }]);
    if (!usage) return null;
    await cx.requireActFor(usage.residentId, "pricing.quoteForBooking");
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
