import { defineCommand, LinliError } from "@linli/core";
import { residentModel } from "@linli/core/adapter";
import * as z from "zod";
import { getRequest } from "../request-lifecycle";
import { requireVolunteerActor } from "../volunteer-identity";
import type { VolunteersOptions } from "../volunteers-config";
import { volunteersErrors } from "../volunteers-errors";
import { idInput } from "../volunteers-inputs";
import { disclosureModel } from "../volunteers-models";

/**
 * `volunteers.requests.contact`: the requester's name, address and phone, for the volunteer
 * assigned to the request only, from the assignment until the task's end (its completion, or
 * the window's end) plus `disclosureMarginMinutes`. Every disclosure is logged (append-only).
 * Never any eligibility group or price.
 */
export const contact = defineCommand({
  allow: ["volunteer", "resident"],
  subject: "none",
  input: z.object({ requestId: idInput }),
  run: async (cx, { requestId }) => {
    const options = cx.options as VolunteersOptions;
    const volunteer = await requireVolunteerActor(cx);
    const request = await getRequest(cx, requestId);
    const assigned =
      request.volunteerId === volunteer.id && ["accepted", "in-progress", "done"].includes(request.status);
    if (!assigned || request.acceptedAt === null)
      throw LinliError.from(volunteersErrors, "NOT_ASSIGNED", { requestId, volunteerId: volunteer.id });
    const taskEnd = request.completedAt ?? request.end;
    const until = new Date(taskEnd.getTime() + options.disclosureMarginMinutes * 60_000);
    if (cx.now < request.acceptedAt || cx.now > until)
      throw LinliError.from(volunteersErrors, "DISCLOSURE_CLOSED", {
        from: request.acceptedAt.toISOString(),
        until: until.toISOString(),
      });
    const resident = await cx.tx.get(residentModel, request.requesterId);
    const fields = ["name", "address", "phone"];
    await cx.tx.create(disclosureModel, {
      requestId,
      volunteerId: volunteer.id,
      requesterId: request.requesterId,
      actorKind: cx.actor.kind,
      actorId: cx.actor.id,
      fields,
      at: cx.now,
    });
    return {
      requestId,
      name: resident.name,
      placeId: request.placeId,
      address: request.address,
      phone: request.phone,
      visibleUntil: until,
    };
  },
});
