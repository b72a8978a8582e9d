import { defineQuery } from "@linli/core";
import { z } from "zod";
import { membershipsOf } from "../membership-book";
import { visibleMembership } from "../visibility";

/** `pricing.memberships.list`: the resident's memberships, oldest first. */
export const list = defineQuery({
  subject: "required",
  input: z.object({}),
  run: async (cx) => (await membershipsOf(cx.tx, cx.subject)).map((m) => visibleMembership(cx.actor, m)),
});
