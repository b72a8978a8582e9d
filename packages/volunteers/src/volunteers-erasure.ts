import { type CommandContext, ERASED_NAME } from "@linli/core";
import { REOPENED, transition } from "./request-lifecycle";
import {
  capabilityModel,
  disclosureModel,
  helpRequestModel,
  hoursModel,
  pairModel,
  shiftAssignmentModel,
  visitModel,
  volunteerModel,
} from "./volunteers-models";

/** Request statuses not yet done, cancelled or expired. */
const UNFINISHED = ["open", "offered", "accepted", "in-progress"] as const;

/**
 * Erases a resident as the one helped. Their unfinished help requests are cancelled (a
 * volunteer on the way is told by `HelpRequestStatusChanged`; no hours are recorded for a
 * cancelled task), their active or paused pairs ended. Then every request, pair, visit and
 * disclosure about them names `pseudonym` instead of their id; a request's description,
 * address, phone, home place, age band, cancellation reason and notes are cleared, its kind,
 * courtyard, times, status, volunteer, rating and price kept. The disclosure log keeps each
 * disclosure (request, volunteer, fields, time), no longer naming the resident.
 */
export async function eraseRequester(
  cx: CommandContext,
  residentId: string,
  pseudonym: string,
): Promise<void> {
  const byRequester = [{ field: "requesterId" as const, value: residentId }];
  const unfinished = await cx.tx.findMany(helpRequestModel, {
    where: [...byRequester, { field: "status", op: "in", value: [...UNFINISHED] }],
  });
  for (const request of unfinished)
    await transition(cx, request, "cancelled", { cancelledAt: cx.now, offerExpiresAt: null });
  const requestIds = (await cx.tx.findMany(helpRequestModel, { where: byRequester, select: ["id"] })).map(
    (r) => r.id,
  );
  for (const requestId of requestIds)
    await cx.tx.update(
      disclosureModel,
      [
        { field: "requestId", value: requestId },
        { field: "requesterId", value: residentId },
      ],
      { requesterId: pseudonym },
    );
  await cx.tx.update(disclosureModel, [{ field: "actorId", value: residentId }], { actorId: pseudonym });
  await cx.tx.update(helpRequestModel, byRequester, {
    requesterId: pseudonym,
    description: null,
    address: null,
    phone: null,
    placeId: null,
    requesterAgeBand: null,
    cancelReason: null,
    ratingNote: null,
    volunteerNote: null,
  });
  // Requests the resident made for someone else (as their delegate) keep only a pseudonym of the actor.
  await cx.tx.update(helpRequestModel, [{ field: "actorId", value: residentId }], { actorId: pseudonym });
  const pairs = await cx.tx.findMany(pairModel, { where: [{ field: "residentId", value: residentId }] });
  for (const pair of pairs) {
    const ending =
      pair.status === "ended" ? {} : { status: "ended" as const, endedAt: cx.now, nextVisitDueAt: null };
    await cx.tx.updateById(pairModel, pair.id, { ...ending, residentId: pseudonym });
    await cx.tx.update(visitModel, [{ field: "pairId", value: pair.id }], {
      residentId: pseudonym,
      note: null,
    });
  }
}

/**
 * Erases a resident as a volunteer (the profile with their `residentId`, if any). Their profile
 * moves to the id `pseudonym`: named {@link ERASED_NAME}, paused, with no home place, age band,
 * skills, languages, availability or preferences, and no capability rows (never matched again).
 * Their offered or accepted tasks go back to `open` for another volunteer; their active or
 * paused pairs end (a backup role is dropped); their future roster assignments become `absent`
 * for staff to re-plan. Tasks, visits, the disclosure log, shifts and the hours ledger then name
 * the pseudonym, with every minute kept: volunteer hours per month are unchanged.
 */
export async function eraseVolunteer(
  cx: CommandContext,
  residentId: string,
  pseudonym: string,
): Promise<void> {
  const profile = await cx.tx.findOne(volunteerModel, [{ field: "residentId", value: residentId }]);
  if (!profile) return;
  const id = profile.id;
  const byVolunteer = [{ field: "volunteerId" as const, value: id }];
  const assigned = await cx.tx.findMany(helpRequestModel, {
    where: [...byVolunteer, { field: "status", op: "in", value: ["offered", "accepted"] }],
  });
  for (const request of assigned) await transition(cx, request, "open", REOPENED);
  await cx.tx.update(helpRequestModel, byVolunteer, { volunteerId: pseudonym, volunteerNote: null });
  const declined = await cx.tx.findMany(helpRequestModel, { select: ["id", "declinedBy"] });
  for (const request of declined)
    if (request.declinedBy.includes(id))
      await cx.tx.updateById(helpRequestModel, request.id, {
        declinedBy: request.declinedBy.map((v) => (v === id ? pseudonym : v)),
      });
  for (const pair of await cx.tx.findMany(pairModel, { where: byVolunteer })) {
    const ending =
      pair.status === "ended" ? {} : { status: "ended" as const, endedAt: cx.now, nextVisitDueAt: null };
    await cx.tx.updateById(pairModel, pair.id, { ...ending, volunteerId: pseudonym });
  }
  await cx.tx.update(pairModel, [{ field: "backupVolunteerId", value: id }], { backupVolunteerId: null });
  await cx.tx.update(visitModel, byVolunteer, { volunteerId: pseudonym });
  await cx.tx.update(visitModel, [{ field: "recordedBy", value: id }], { recordedBy: pseudonym });
  await cx.tx.update(disclosureModel, byVolunteer, { volunteerId: pseudonym });
  await cx.tx.update(disclosureModel, [{ field: "actorId", value: id }], { actorId: pseudonym });
  await cx.tx.update(
    shiftAssignmentModel,
    [...byVolunteer, { field: "status", value: "assigned" }, { field: "start", op: "gt", value: cx.now }],
    { status: "absent" },
  );
  await cx.tx.update(shiftAssignmentModel, byVolunteer, { volunteerId: pseudonym });
  await cx.tx.update(hoursModel, byVolunteer, { volunteerId: pseudonym });
  await cx.tx.delete(capabilityModel, byVolunteer);
  await cx.tx.delete(volunteerModel, [{ field: "id", value: id }]);
  const { communityId: _community, ...kept } = profile;
  await cx.tx.create(volunteerModel, {
    ...kept,
    id: pseudonym,
    name: ERASED_NAME,
    residentId: null,
    placeId: null,
    status: "paused",
    skills: {},
    certifications: [],
    languages: [],
    weekly: [],
    exceptions: [],
    preferredKinds: [],
    preferredPlaces: [],
    ageBand: null,
  });
}
