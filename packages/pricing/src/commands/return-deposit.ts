import { defineCommand } from "@linli/core";
import * as z from "zod";
import { idInput } from "../pricing-inputs";
import { usageModel } from "../pricing-models";
import { returnDeposit as giveDepositBack } from "../usage-book";

/** `pricing.returnDeposit`: returns a use's deposit, or part of it (staff), e.g. when a borrowed tool comes back. */
export const returnDeposit = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ usageId: idInput, amount: z.number().int().positive().optional() }),
  run: async (cx, { usageId, amount }) => ({
    returned: await giveDepositBack(cx, await cx.tx.get(usageModel, usageId), amount),
  }),
});
