import { type CommandContext, isStaffLike, LinliError } from "@linli/core";
import { type Volunteer, volunteerModel } from "./volunteers-models";
import { volunteersErrors } from "./volunteers-errors";

/**
 * The volunteer profile of the acting volunteer or resident: the profile with the actor's id,
 * or the profile of the resident with that id. Null for staff and for actors with no profile.
 */
export async function volunteerOfActor(cx: CommandContext): Promise<Volunteer | null> {
  if (cx.actor.kind !== "volunteer" && cx.actor.kind !== "resident") return null;
  const own = await cx.tx.findById(volunteerModel, cx.actor.id);
  return own ?? (await cx.tx.findOne(volunteerModel, [{ field: "residentId", value: cx.actor.id }]));
}

/** The acting volunteer's profile; throws `NOT_A_VOLUNTEER` for actors without one. */
export async function requireVolunteerActor(cx: CommandContext): Promise<Volunteer> {
  const volunteer = await volunteerOfActor(cx);
  if (!volunteer) throw LinliError.from(volunteersErrors, "NOT_A_VOLUNTEER", { actorId: cx.actor.id });
  return volunteer;
}

/** A volunteer by id; throws `VOLUNTEER_NOT_FOUND`. */
export async function getVolunteer(cx: CommandContext, volunteerId: string): Promise<Volunteer> {
  const volunteer = await cx.tx.findById(volunteerModel, volunteerId);
  if (!volunteer) throw LinliError.from(volunteersErrors, "VOLUNTEER_NOT_FOUND", { volunteerId });
  return volunteer;
}

/** Staff, or the volunteer `volunteerId` themself; else `ACCESS_DENIED`. */
export async function requireStaffOrVolunteer(
  cx: CommandContext,
  volunteerId: string,
  action: string,
): Promise<void> {
  if (isStaffLike(cx.actor)) return;
  const self = await volunteerOfActor(cx);
  if (self?.id !== volunteerId) cx.requireStaff(action);
}
