import { defineCommand } from "@linli/core";
import * as z from "zod";
import { idInput } from "../pricing-inputs";
import { usageModel } from "../pricing-models";
import { reverseUsage } from "../usage-book";

/** `pricing.reverse`: gives a walk-in use back (staff): its charge reversed and deposit returned. */
export const reverse = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ usageId: idInput }),
  run: async (cx, { usageId }) => {
    await reverseUsage(cx, await cx.tx.get(usageModel, usageId), "USAGE_REVERSED");
    return cx.tx.get(usageModel, usageId);
  },
});
