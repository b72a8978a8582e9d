import { type CommandContext, LinliError } from "@linli/core";
import { residentModel } from "@linli/core/adapter";
import * as z from "zod";
import { teamsOf, type VolunteersOptions } from "./volunteers-config";
import { volunteersErrors } from "./volunteers-errors";
import { idInput, nameInput } from "./volunteers-inputs";
import {
  availabilityExceptionSchema,
  capabilityModel,
  type Volunteer,
  volunteerModel,
  weeklyWindowSchema,
} from "./volunteers-models";

/** The editable fields of a volunteer profile, as command input (bounded lists). */
export const profileShape = {
  name: z.string().trim().min(1).max(200),
  placeId: idInput.nullable().optional(),
  /** Skills with a level from 1 (can help) to 5 (professional), e.g. `{ electrician: 4 }`. */
  skills: z.record(nameInput, z.number().int().min(1).max(5)).default({}),
  certifications: z.array(nameInput).max(20).default([]),
  /** Languages and dialects spoken (`zh`, `changsha-dialect`). */
  languages: z.array(nameInput).max(20).default([]),
  teams: z.array(nameInput).max(20).default([]),
  weekly: z.array(weeklyWindowSchema).max(50).default([]),
  exceptions: z.array(availabilityExceptionSchema).max(100).default([]),
  maxTasksPerWeek: z.number().int().min(0).max(100).default(5),
  maxHoursPerWeek: z.number().int().min(0).max(168).nullable().optional(),
  maxShiftsPerMonth: z.number().int().min(0).max(200).default(8),
  preferredKinds: z.array(nameInput).max(20).default([]),
  preferredPlaces: z.array(idInput).max(20).default([]),
  ageBand: nameInput.nullable().optional(),
};

/**
 * The fields `volunteers.update` may change, each optional and without a default: a field left
 * out stays as it is (a `.partial()` of {@link profileShape} would reset lists to their defaults).
 */
export const profilePatchShape = {
  name: profileShape.name.optional(),
  placeId: profileShape.placeId,
  skills: z.record(nameInput, z.number().int().min(1).max(5)).optional(),
  certifications: z.array(nameInput).max(20).optional(),
  languages: z.array(nameInput).max(20).optional(),
  teams: z.array(nameInput).max(20).optional(),
  weekly: z.array(weeklyWindowSchema).max(50).optional(),
  exceptions: z.array(availabilityExceptionSchema).max(100).optional(),
  maxTasksPerWeek: z.number().int().min(0).max(100).optional(),
  maxHoursPerWeek: profileShape.maxHoursPerWeek,
  maxShiftsPerMonth: z.number().int().min(0).max(200).optional(),
  preferredKinds: z.array(nameInput).max(20).optional(),
  preferredPlaces: z.array(idInput).max(20).optional(),
  ageBand: profileShape.ageBand,
};

/** A parsed profile input. */
export type ProfileInput = z.output<z.ZodObject<typeof profileShape>>;

/** Checks a profile's references (place, teams, age band, window times); throws with nothing written. */
export async function checkProfile(
  cx: CommandContext<VolunteersOptions>,
  profile: Partial<ProfileInput> & { residentId?: string | null | undefined },
): Promise<void> {
  if (profile.placeId && !cx.config.places.some((p) => p.id === profile.placeId))
    throw LinliError.from(volunteersErrors, "UNKNOWN_PLACE", { placeId: profile.placeId });
  const teams = teamsOf(cx.options);
  for (const team of profile.teams ?? [])
    if (!teams.has(team)) throw LinliError.from(volunteersErrors, "UNKNOWN_TEAM", { team });
  if (profile.ageBand && !cx.options.ageBands.some((b) => b.id === profile.ageBand))
    throw LinliError.from(volunteersErrors, "UNKNOWN_AGE_BAND", { band: profile.ageBand });
  for (const w of profile.weekly ?? [])
    if (w.to !== "24:00" && w.to <= w.from)
      throw LinliError.from(volunteersErrors, "INVALID_WINDOW", { start: w.from, end: w.to });
  for (const e of profile.exceptions ?? [])
    if (e.end <= e.start)
      throw LinliError.from(volunteersErrors, "INVALID_WINDOW", {
        start: e.start.toISOString(),
        end: e.end.toISOString(),
      });
  if (profile.residentId) await cx.tx.get(residentModel, profile.residentId);
}

/** Rewrites a volunteer's capability rows (skills, certifications, languages, teams) from the profile. */
export async function writeCapabilities(cx: CommandContext, volunteer: Volunteer): Promise<void> {
  await cx.tx.delete(capabilityModel, [{ field: "volunteerId", value: volunteer.id }]);
  const active = volunteer.status === "active";
  const base = { volunteerId: volunteer.id, placeId: volunteer.placeId, active };
  for (const [name, level] of Object.entries(volunteer.skills))
    await cx.tx.create(capabilityModel, { ...base, kind: "skill", name, level });
  for (const name of volunteer.certifications)
    await cx.tx.create(capabilityModel, { ...base, kind: "certification", name });
  for (const name of volunteer.languages)
    await cx.tx.create(capabilityModel, { ...base, kind: "language", name });
  for (const name of volunteer.teams) await cx.tx.create(capabilityModel, { ...base, kind: "team", name });
}

/** What a profile row looks like to its volunteer and to staff (the whole profile: it is theirs). */
export function profileView(volunteer: Volunteer): Volunteer {
  return volunteer;
}

/** Loads volunteers by id in chunks (indexed reads, never the whole table). */
export async function volunteersByIds(cx: CommandContext, ids: readonly string[]): Promise<Volunteer[]> {
  const out: Volunteer[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(
      ...(await cx.tx.findMany(volunteerModel, {
        where: [{ field: "id", op: "in", value: unique.slice(i, i + 500) }],
      })),
    );
  }
  return out;
}
