import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { checkPairing, getPair, nextDue } from "../pair-rules";
import { getVolunteer } from "../volunteer-identity";
import { helpKindsOf, type VolunteersOptions } from "../volunteers-config";
import { volunteersErrors } from "../volunteers-errors";
import { idInput, nameInput } from "../volunteers-inputs";
import { pairModel } from "../volunteers-models";

/**
 * `volunteers.pairs.create` (staff, `forResident`): a long-term pair of a volunteer with a
 * resident for the kinds covered (all when empty), a visit rhythm and an optional backup. The
 * cap on residents per volunteer and the age-band rule are checked.
 */
export const create = defineCommand({
  allow: "staff",
  subject: "required",
  input: z.object({
    volunteerId: idInput,
    backupVolunteerId: idInput.optional(),
    kinds: z.array(nameInput).max(20).default([]),
    visitsPerWeek: z.number().int().min(0).max(14).default(0),
  }),
  run: async (cx, input) => {
    const options = cx.options as VolunteersOptions;
    const known = helpKindsOf(options);
    for (const kind of input.kinds)
      if (!known.has(kind)) throw LinliError.from(volunteersErrors, "UNKNOWN_HELP_KIND", { kind });
    const volunteer = await getVolunteer(cx, input.volunteerId);
    if (volunteer.status !== "active")
      throw LinliError.from(volunteersErrors, "VOLUNTEER_NOT_ACTIVE", { volunteerId: volunteer.id });
    await checkPairing(cx, volunteer, cx.subject, input.kinds);
    if (input.backupVolunteerId) {
      const backup = await getVolunteer(cx, input.backupVolunteerId);
      if (backup.id === volunteer.id || backup.residentId === cx.subject)
        throw LinliError.from(volunteersErrors, "SELF_PAIR", {});
    }
    return cx.tx.create(pairModel, {
      volunteerId: volunteer.id,
      backupVolunteerId: input.backupVolunteerId ?? null,
      residentId: cx.subject,
      kinds: input.kinds,
      visitsPerWeek: input.visitsPerWeek,
      status: "active",
      createdAt: cx.now,
      nextVisitDueAt: nextDue(input.visitsPerWeek, cx.now),
    });
  },
});

/** `volunteers.pairs.pause` (staff): a paused pair is not preferred and its visits are not due. */
export const pause = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ pairId: idInput }),
  run: async (cx, { pairId }) => {
    const pair = await getPair(cx, pairId);
    if (pair.status !== "active")
      throw LinliError.from(volunteersErrors, "PAIR_INVALID_TRANSITION", {
        pairId,
        status: pair.status,
        action: "paused",
      });
    return cx.tx.updateById(pairModel, pairId, { status: "paused", nextVisitDueAt: null });
  },
});

/** `volunteers.pairs.resume` (staff): the pair is active again; the next visit is due one rhythm from now. */
export const resume = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ pairId: idInput }),
  run: async (cx, { pairId }) => {
    const pair = await getPair(cx, pairId);
    if (pair.status !== "paused")
      throw LinliError.from(volunteersErrors, "PAIR_INVALID_TRANSITION", {
        pairId,
        status: pair.status,
        action: "resumed",
      });
    return cx.tx.updateById(pairModel, pairId, {
      status: "active",
      nextVisitDueAt: nextDue(pair.visitsPerWeek, cx.now),
    });
  },
});

/** `volunteers.pairs.end` (staff): ends a pair for good. */
export const end = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ pairId: idInput }),
  run: async (cx, { pairId }) => {
    const pair = await getPair(cx, pairId);
    if (pair.status === "ended")
      throw LinliError.from(volunteersErrors, "PAIR_INVALID_TRANSITION", {
        pairId,
        status: pair.status,
        action: "ended",
      });
    return cx.tx.updateById(pairModel, pairId, { status: "ended", endedAt: cx.now, nextVisitDueAt: null });
  },
});
