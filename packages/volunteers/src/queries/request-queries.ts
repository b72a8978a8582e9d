import { defineQuery, isStaffLike, type ModelWhere } from "@linli/core";
import * as z from "zod";
import { getRequest, viewFor } from "../request-lifecycle";
import { requesterView, staffView, volunteerView } from "../request-views";
import { volunteerOfActor } from "../volunteer-identity";
import { idInput } from "../volunteers-inputs";
import { disclosureModel, helpRequestModel, REQUEST_STATUSES } from "../volunteers-models";

/**
 * `volunteers.requests.get`: one request, in the view the actor may have (staff: all;
 * requester and delegates: no eligibility data; volunteers: area and kind only).
 */
export const get = defineQuery({
  subject: "none",
  input: z.object({ requestId: idInput }),
  run: async (cx, { requestId }) => viewFor(cx, await getRequest(cx, requestId), "volunteers.requests.get"),
});

/**
 * `volunteers.requests.list`: requests by status, oldest window first. Staff see every
 * request; a volunteer sees open ones and their own (volunteer view); a resident sees theirs
 * (with `forResident`, a delegate or staff see that resident's).
 */
export const list = defineQuery({
  subject: "optional",
  input: z.object({
    status: z.array(z.enum(REQUEST_STATUSES)).max(REQUEST_STATUSES.length).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
    offset: z.number().int().min(0).default(0),
  }),
  run: async (cx, { status, limit, offset }) => {
    const where: ModelWhere<typeof helpRequestModel>[] = status
      ? [{ field: "status", op: "in", value: status }]
      : [];
    const page = { orderBy: [{ field: "start" as const }, { field: "id" as const }], limit, offset };
    if (isStaffLike(cx.actor) && cx.subject === undefined)
      return (await cx.tx.findMany(helpRequestModel, { where, ...page })).map(staffView);
    const volunteer = cx.subject === cx.actor.id ? await volunteerOfActor(cx) : null;
    const mine = cx.subject
      ? await cx.tx.findMany(helpRequestModel, {
          where: [...where, { field: "requesterId", value: cx.subject }],
          ...page,
        })
      : [];
    const own = mine.map((r) => (isStaffLike(cx.actor) ? staffView(r) : requesterView(r)));
    if (!volunteer) return own;
    const visible = await cx.tx.findMany(helpRequestModel, {
      where: [
        ...where,
        { field: "status", op: "in", value: ["open", "offered", "accepted", "in-progress", "done"] },
      ],
      ...page,
    });
    const theirs = visible
      .filter((r) => r.requesterId !== cx.subject && (r.status === "open" || r.volunteerId === volunteer.id))
      .map((r) => volunteerView(r, volunteer.id));
    return [...own, ...theirs];
  },
});

/** `volunteers.requests.disclosures`: the log of contact details shown for a request (staff). */
export const disclosures = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({ requestId: idInput }),
  run: (cx, { requestId }) =>
    cx.tx.findMany(disclosureModel, {
      where: [{ field: "requestId", value: requestId }],
      orderBy: [{ field: "at" }],
    }),
});
