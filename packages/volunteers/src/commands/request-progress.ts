import { defineCommand } from "@linli/core";
import * as z from "zod";
import { recordHours } from "../hours-ledger";
import {
  declinedWith,
  getRequest,
  REOPENED,
  requireAssignedOrStaff,
  requireStatus,
  transition,
} from "../request-lifecycle";
import { volunteerView } from "../request-views";
import { idInput, noteInput } from "../volunteers-inputs";

/** `volunteers.requests.start`: the assigned volunteer (or staff) starts the task. */
export const start = defineCommand({
  subject: "none",
  input: z.object({ requestId: idInput }),
  run: async (cx, { requestId }) => {
    const request = await getRequest(cx, requestId);
    await requireAssignedOrStaff(cx, request);
    requireStatus(request, ["accepted"], "started");
    const updated = await transition(cx, request, "in-progress", { startedAt: cx.now });
    return volunteerView(updated, updated.volunteerId ?? "");
  },
});

/**
 * `volunteers.requests.complete`: the assigned volunteer (or staff) marks the task done; the
 * minutes served (the request's duration unless given) go to the hours ledger.
 */
export const complete = defineCommand({
  subject: "none",
  input: z.object({
    requestId: idInput,
    minutes: z.number().int().min(0).max(1440).optional(),
    note: noteInput.optional(),
  }),
  run: async (cx, { requestId, minutes, note }) => {
    const request = await getRequest(cx, requestId);
    await requireAssignedOrStaff(cx, request);
    requireStatus(request, ["accepted", "in-progress"], "completed");
    const updated = await transition(cx, request, "done", {
      completedAt: cx.now,
      startedAt: request.startedAt ?? cx.now,
      ...(note ? { volunteerNote: note } : {}),
    });
    await recordHours(cx, {
      volunteerId: updated.volunteerId ?? "",
      source: "task",
      sourceId: request.id,
      at: cx.now,
      minutes: minutes ?? request.durationMinutes,
      noShow: false,
    });
    return volunteerView(updated, updated.volunteerId ?? "");
  },
});

/**
 * `volunteers.requests.noShow`: staff record that the assigned volunteer did not come. The
 * no-show is recorded (it weighs in fairness) and the request is open again for someone else.
 */
export const noShow = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ requestId: idInput }),
  run: async (cx, { requestId }) => {
    const request = await getRequest(cx, requestId);
    requireStatus(request, ["accepted", "in-progress"], "recorded as a no-show");
    const volunteerId = request.volunteerId ?? "";
    await recordHours(cx, {
      volunteerId,
      source: "task",
      sourceId: request.id,
      at: cx.now,
      minutes: 0,
      noShow: true,
    });
    const updated = await transition(cx, request, "open", {
      ...REOPENED,
      declinedBy: declinedWith(request, volunteerId),
    });
    return { requestId: updated.id, status: updated.status, noShowBy: volunteerId };
  },
});
