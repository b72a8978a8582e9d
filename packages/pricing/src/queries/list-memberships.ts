import { defineQuery, pageInput, readPage, toPage } from "@linli/core";
import * as z from "zod";
import { membershipModel } from "../pricing-models";
import { visibleMembership } from "../visibility";

/**
 * `pricing.memberships.list`: the resident's memberships, oldest first (`validFrom`), a page
 * at a time (`limit`, `after`; see core's `Page`).
 */
export const list = defineQuery({
  subject: "required",
  input: z.object(pageInput),
  run: async (cx, { limit, after }) => {
    const page = await readPage(cx.tx, membershipModel, {
      where: [{ field: "residentId", value: cx.subject }],
      order: { field: "validFrom" },
      limit,
      after,
    });
    return toPage(
      page.map((m) => visibleMembership(cx.actor, m)),
      page.next,
    );
  },
});
