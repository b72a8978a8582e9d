import { type CommandContext, defineCommand, enrolVolunteer, LinliError } from "@linli/core";
import { residentModel } from "@linli/core/adapter";
import { ageBandOf } from "../age-bands";
import type { VolunteersOptions } from "../volunteers-config";
import * as z from "zod";
import { checkProfile, profilePatchShape, profileShape, writeCapabilities } from "../volunteer-profile";
import { getVolunteer, requireStaffOrVolunteer } from "../volunteer-identity";
import { volunteersErrors } from "../volunteers-errors";
import { idInput } from "../volunteers-inputs";
import { capabilityModel, volunteerModel } from "../volunteers-models";

/** The age band of a resident volunteer from their birth year, when the profile names none. */
async function residentBand(
  cx: CommandContext,
  residentId: string | null | undefined,
): Promise<string | null> {
  if (!residentId) return null;
  const resident = await cx.tx.get(residentModel, residentId);
  return ageBandOf(cx.options as VolunteersOptions, resident.birthYear, cx.now, cx.config.community.timeZone);
}

/**
 * `volunteers.register`: staff register a volunteer profile (a resident, with `residentId`,
 * or not). Their skills, certifications, languages and teams become indexed capability rows.
 * A resident volunteer without an `ageBand` gets the configured band of their birth year.
 */
export const register = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ id: idInput.optional(), residentId: idInput.nullable().optional(), ...profileShape }),
  run: async (cx, input) => {
    await checkProfile(cx, input);
    if (input.id && (await cx.tx.findById(volunteerModel, input.id)))
      throw LinliError.from(volunteersErrors, "VOLUNTEER_EXISTS", { volunteerId: input.id });
    if (
      input.residentId &&
      (await cx.tx.findOne(volunteerModel, [{ field: "residentId", value: input.residentId }]))
    )
      throw LinliError.from(volunteersErrors, "VOLUNTEER_EXISTS", { volunteerId: input.residentId });
    const volunteer = await cx.tx.create(volunteerModel, {
      ...input,
      // A volunteer who is a resident is known by their resident id, the id they act with.
      ...((input.id ?? input.residentId) ? { id: input.id ?? input.residentId ?? undefined } : {}),
      residentId: input.residentId ?? null,
      placeId: input.placeId ?? null,
      maxHoursPerWeek: input.maxHoursPerWeek ?? null,
      ageBand: input.ageBand ?? (await residentBand(cx, input.residentId)),
      status: "active",
      createdAt: cx.now,
    });
    await writeCapabilities(cx, volunteer);
    // The kernel verifies every volunteer actor against its member registry.
    await enrolVolunteer(cx.tx, volunteer.id, cx.now);
    return volunteer;
  },
});

/** `volunteers.update`: staff or the volunteer themself change a profile (only the fields given). */
export const update = defineCommand({
  subject: "none",
  input: z.object({ volunteerId: idInput, ...profilePatchShape }),
  run: async (cx, { volunteerId, ...patch }) => {
    await requireStaffOrVolunteer(cx, volunteerId, "volunteers.update");
    await getVolunteer(cx, volunteerId);
    await checkProfile(cx, patch);
    const volunteer = await cx.tx.updateById(volunteerModel, volunteerId, patch);
    await writeCapabilities(cx, volunteer);
    return volunteer;
  },
});

/** `volunteers.setStatus`: pauses or resumes a volunteer (staff or themself); a paused one is never matched. */
export const setStatus = defineCommand({
  subject: "none",
  input: z.object({ volunteerId: idInput, status: z.enum(["active", "paused"]) }),
  run: async (cx, { volunteerId, status }) => {
    await requireStaffOrVolunteer(cx, volunteerId, "volunteers.setStatus");
    await getVolunteer(cx, volunteerId);
    await cx.tx.update(capabilityModel, [{ field: "volunteerId", value: volunteerId }], {
      active: status === "active",
    });
    return cx.tx.updateById(volunteerModel, volunteerId, { status });
  },
});
