import { defineQuery, pageInput } from "@linli/core";
import * as z from "zod";
import { balanceAt, entriesOf } from "../ledger-book";

/**
 * `pricing.ledger.entries`: the resident's entries in order (`seq`), a page at a time
 * (`limit`, `after`; see core's `Page`) (the resident, their delegates and staff).
 */
export const entries = defineQuery({
  subject: "required",
  input: z.object(pageInput),
  run: (cx, page) => entriesOf(cx.tx, cx.subject, page),
});

/**
 * `pricing.ledger.balance`: the resident's balance: positive is owed by them; deposits held
 * are included and shown apart. Reads one entry (the latest, with its running balance).
 */
export const balance = defineQuery({
  subject: "required",
  input: z.object({}),
  run: async (cx) => ({
    residentId: cx.subject,
    currency: cx.config.community.currency,
    ...(await balanceAt(cx.tx, cx.subject)),
  }),
});
