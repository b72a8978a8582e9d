import { defineCommand, isStaffLike } from "@linli/core";
import * as z from "zod";
import { getRequest, requesterOrStaffView, requireStatus, transition } from "../request-lifecycle";
import { idInput, noteInput } from "../volunteers-inputs";

/** `volunteers.requests.cancel`: the requester, a delegate or staff cancel a request not yet done. */
export const cancel = defineCommand({
  subject: "none",
  input: z.object({ requestId: idInput, reason: noteInput.optional() }),
  run: async (cx, { requestId, reason }) => {
    const request = await getRequest(cx, requestId);
    if (!isStaffLike(cx.actor)) await cx.requireActFor(request.requesterId, "volunteers.requests.cancel");
    requireStatus(request, ["open", "offered", "accepted", "in-progress"], "cancelled");
    const updated = await transition(cx, request, "cancelled", {
      cancelledAt: cx.now,
      cancelReason: reason ?? null,
      offerExpiresAt: null,
    });
    return requesterOrStaffView(cx, updated);
  },
});
