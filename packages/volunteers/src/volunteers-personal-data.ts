import type { CommandContext, PersonalDataHooks } from "@linli/core";
import { eraseRequester, eraseVolunteer } from "./volunteers-erasure";
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

/** The pairs, and their visits, in which the resident is the one accompanied. */
async function pairsOfResident(cx: CommandContext, residentId: string) {
  const pairs = await cx.tx.findMany(pairModel, {
    where: [{ field: "residentId", value: residentId }],
    orderBy: [{ field: "createdAt" }],
  });
  const visits = [];
  for (const pair of pairs)
    visits.push(
      ...(await cx.tx.findMany(visitModel, {
        where: [{ field: "pairId", value: pair.id }],
        orderBy: [{ field: "at" }],
      })),
    );
  return { pairs, visits };
}

/** What the volunteers plugin holds about a resident as a volunteer, or null if they are none. */
async function exportVolunteer(cx: CommandContext, residentId: string) {
  const profile = await cx.tx.findOne(volunteerModel, [{ field: "residentId", value: residentId }]);
  if (!profile) return null;
  const byVolunteer = [{ field: "volunteerId" as const, value: profile.id }];
  const served = await cx.tx.findMany(helpRequestModel, {
    where: byVolunteer,
    orderBy: [{ field: "start" }],
  });
  const disclosures = await cx.tx.findMany(disclosureModel, {
    where: byVolunteer,
    orderBy: [{ field: "at" }],
  });
  return {
    profile,
    capabilities: await cx.tx.findMany(capabilityModel, { where: byVolunteer }),
    pairs: [
      ...(await cx.tx.findMany(pairModel, { where: byVolunteer, orderBy: [{ field: "createdAt" }] })),
      ...(await cx.tx.findMany(pairModel, {
        where: [{ field: "backupVolunteerId", value: profile.id }],
        orderBy: [{ field: "createdAt" }],
      })),
    ],
    visits: await cx.tx.findMany(visitModel, { where: byVolunteer, orderBy: [{ field: "at" }] }),
    // The tasks they served, without the requesters' details (another resident's data).
    tasks: served.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      areaId: r.areaId,
      start: r.start,
      end: r.end,
      acceptedAt: r.acceptedAt,
      completedAt: r.completedAt,
      volunteerNote: r.volunteerNote,
    })),
    shifts: await cx.tx.findMany(shiftAssignmentModel, { where: byVolunteer, orderBy: [{ field: "start" }] }),
    hours: await cx.tx.findMany(hoursModel, { where: byVolunteer, orderBy: [{ field: "at" }] }),
    // The contact details shown to them: when, of which request, which fields.
    disclosuresReceived: disclosures.map(({ requestId, fields, at }) => ({ requestId, fields, at })),
  };
}

/**
 * The volunteers plugin's part of a resident's data requests.
 *
 * Export: their help requests in full (with address and phone), the log of every disclosure of
 * their contact details (to which volunteer, when, which fields), the pairs that accompany them
 * and their visits; and when they are a volunteer (a profile with their `residentId`): the
 * profile, capabilities, pairs, visits, the tasks they served (without the requesters'
 * details), roster shifts, the hours ledger and the disclosures made to them.
 *
 * Erasure: see {@link eraseRequester} and {@link eraseVolunteer}. Open requests are cancelled,
 * active pairs ended, every row rewritten to a pseudonym and free text, addresses, phones and
 * names cleared; statuses, kinds, courtyards, times and minutes stay, so requests served and
 * volunteer hours per month are unchanged.
 */
export const volunteersPersonalData: PersonalDataHooks = {
  export: async (cx, residentId) => {
    const requests = await cx.tx.findMany(helpRequestModel, {
      where: [{ field: "requesterId", value: residentId }],
      orderBy: [{ field: "start" }],
    });
    const disclosures = [];
    for (const request of requests)
      disclosures.push(
        ...(await cx.tx.findMany(disclosureModel, {
          where: [{ field: "requestId", value: request.id }],
          orderBy: [{ field: "at" }],
        })),
      );
    return {
      requests,
      disclosures,
      ...(await pairsOfResident(cx, residentId)),
      volunteer: await exportVolunteer(cx, residentId),
    };
  },
  erase: async (cx, residentId) => {
    const pseudonym = cx.ids.next("erased");
    await eraseRequester(cx, residentId, pseudonym);
    await eraseVolunteer(cx, residentId, pseudonym);
  },
};
