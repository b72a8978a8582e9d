import { defineQuery } from "@linli/core";
import { z } from "zod";
import { balanceAt, entriesOf } from "../ledger-book";

/** `pricing.ledger.entries`: the resident's entries in order (the resident, their delegates and staff). */
export const entries = defineQuery({
  subject: "required",
  input: z.object({}),
  run: (cx) => entriesOf(cx.tx, cx.subject),
});

/** `pricing.ledger.balance`: the resident's balance: positive is owed by them; deposits held are included and shown apart. */
export const balance = defineQuery({
  subject: "required",
  input: z.object({}),
  run: async (cx) => ({
    residentId: cx.subject,
    currency: cx.config.community.currency,
    ...(await balanceAt(cx.tx, cx.subject)),
  }),
});
