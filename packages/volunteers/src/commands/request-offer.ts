import { defineCommand } from "@linli/core";
import * as z from "zod";
import {
  declinedWith,
  getRequest,
  REOPENED,
  requireAssignedOrStaff,
  requireStatus,
  transition,
} from "../request-lifecycle";
import { volunteerView } from "../request-views";
import { idInput } from "../volunteers-inputs";

/** `volunteers.requests.accept`: the volunteer offered a request accepts it (or staff for them); it is assigned. */
export const accept = defineCommand({
  allow: ["volunteer", "resident", "staff", "admin", "system"],
  subject: "none",
  input: z.object({ requestId: idInput }),
  run: async (cx, { requestId }) => {
    const request = await getRequest(cx, requestId);
    await requireAssignedOrStaff(cx, request);
    requireStatus(request, ["offered"], "accepted");
    const updated = await transition(cx, request, "accepted", { acceptedAt: cx.now, offerExpiresAt: null });
    return volunteerView(updated, updated.volunteerId ?? "");
  },
});

/** `volunteers.requests.decline`: the volunteer offered a request declines; it is open again, and not offered to them again. */
export const decline = defineCommand({
  allow: ["volunteer", "resident", "staff", "admin", "system"],
  subject: "none",
  input: z.object({ requestId: idInput }),
  run: async (cx, { requestId }) => {
    const request = await getRequest(cx, requestId);
    await requireAssignedOrStaff(cx, request);
    requireStatus(request, ["offered", "accepted"], "declined");
    const updated = await transition(cx, request, "open", {
      ...REOPENED,
      declinedBy: declinedWith(request, request.volunteerId),
    });
    return { requestId: updated.id, status: updated.status };
  },
});
