import { defineCommand, isStaffLike } from "@linli/core";
import * as z from "zod";
import {
  getRequest,
  requesterOrStaffView,
  requireAssignedOrStaff,
  requireStatus,
} from "../request-lifecycle";
import { volunteerView } from "../request-views";
import { idInput, noteInput } from "../volunteers-inputs";
import { helpRequestModel } from "../volunteers-models";

/** `volunteers.requests.rate`: the requester (a delegate, staff) rates a done request from 1 to 5, with a note. */
export const rate = defineCommand({
  subject: "none",
  input: z.object({ requestId: idInput, rating: z.number().int().min(1).max(5), note: noteInput.optional() }),
  run: async (cx, { requestId, rating, note }) => {
    const request = await getRequest(cx, requestId);
    if (!isStaffLike(cx.actor)) await cx.requireActFor(request.requesterId, "volunteers.requests.rate");
    requireStatus(request, ["done"], "rated");
    const updated = await cx.tx.updateById(helpRequestModel, requestId, { rating, ratingNote: note ?? null });
    return requesterOrStaffView(cx, updated);
  },
});

/** `volunteers.requests.note`: the assigned volunteer (or staff) leaves a note on the task after it. */
export const note = defineCommand({
  subject: "none",
  input: z.object({ requestId: idInput, note: noteInput }),
  run: async (cx, input) => {
    const request = await getRequest(cx, input.requestId);
    await requireAssignedOrStaff(cx, request);
    requireStatus(request, ["in-progress", "done"], "annotated");
    const updated = await cx.tx.updateById(helpRequestModel, request.id, { volunteerNote: input.note });
    return volunteerView(updated, updated.volunteerId ?? "");
  },
});
