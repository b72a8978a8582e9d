import { defineQuery, isStaffLike, type ModelWhere } from "@linli/core";
import * as z from "zod";
import { volunteerOfActor } from "../volunteer-identity";
import { idInput } from "../volunteers-inputs";
import { pairModel, visitModel } from "../volunteers-models";

/** `volunteers.pairs.list`: pairs (staff: all or one resident's with `forResident`; a volunteer: their own). */
export const listPairs = defineQuery({
  subject: "optional",
  input: z.object({ status: z.enum(["active", "paused", "ended"]).optional() }),
  run: async (cx, { status }) => {
    const where: ModelWhere<typeof pairModel>[] = status ? [{ field: "status", value: status }] : [];
    if (isStaffLike(cx.actor)) {
      if (cx.subject) where.push({ field: "residentId", value: cx.subject });
      return cx.tx.findMany(pairModel, { where, orderBy: [{ field: "createdAt" }] });
    }
    const self = await volunteerOfActor(cx);
    if (!self) cx.requireStaff("volunteers.pairs.list");
    return cx.tx.findMany(pairModel, {
      where: [...where, { field: "volunteerId", value: self?.id ?? "" }],
      orderBy: [{ field: "createdAt" }],
    });
  },
});

/** `volunteers.pairs.visits`: the visits recorded for a pair, newest first (staff). */
export const visits = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({ pairId: idInput, limit: z.number().int().min(1).max(500).default(50) }),
  run: (cx, { pairId, limit }) =>
    cx.tx.findMany(visitModel, {
      where: [{ field: "pairId", value: pairId }],
      orderBy: [{ field: "at", direction: "desc" }],
      limit,
    }),
});
