import { defineQuery } from "@linli/core";
import * as z from "zod";
import { getVolunteer, requireStaffOrVolunteer } from "../volunteer-identity";
import { idInput } from "../volunteers-inputs";
import { volunteerModel } from "../volunteers-models";

/** `volunteers.get`: one volunteer profile (staff, or the volunteer themself). */
export const get = defineQuery({
  subject: "none",
  input: z.object({ volunteerId: idInput }),
  run: async (cx, { volunteerId }) => {
    await requireStaffOrVolunteer(cx, volunteerId, "volunteers.get");
    return getVolunteer(cx, volunteerId);
  },
});

/** `volunteers.list`: volunteer profiles by status, paged (staff). */
export const list = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({
    status: z.enum(["active", "paused"]).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  }),
  run: (cx, { status, limit, offset }) =>
    cx.tx.findMany(volunteerModel, {
      where: status ? [{ field: "status", value: status }] : [],
      orderBy: [{ field: "id" }],
      limit,
      offset,
    }),
});
