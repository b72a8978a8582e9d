import { defineCommand } from "@linli/core";
import * as z from "zod";
import { declinedWith, REOPENED, transition } from "../request-lifecycle";
import { helpRequestModel } from "../volunteers-models";

/**
 * `volunteers.requests.sweep` (staff or a scheduler): offers not answered in time return to
 * open (the volunteer is not offered it again), and open or offered requests whose window has
 * ended expire. Returns what changed.
 */
export const sweep = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ limit: z.number().int().min(1).max(5000).default(1000) }),
  run: async (cx, { limit }) => {
    const expired: string[] = [];
    const reopened: string[] = [];
    const ended = await cx.tx.findMany(helpRequestModel, {
      where: [
        { field: "status", op: "in", value: ["open", "offered"] },
        { field: "end", op: "lte", value: cx.now },
      ],
      limit,
    });
    for (const r of ended) {
      await transition(cx, r, "expired", { offerExpiresAt: null });
      expired.push(r.id);
    }
    const stale = await cx.tx.findMany(helpRequestModel, {
      where: [
        { field: "status", value: "offered" },
        { field: "offerExpiresAt", op: "lte", value: cx.now },
      ],
      limit,
    });
    for (const r of stale) {
      if (expired.includes(r.id)) continue;
      await transition(cx, r, "open", { ...REOPENED, declinedBy: declinedWith(r, r.volunteerId) });
      reopened.push(r.id);
    }
    return { expired, reopened };
  },
});
