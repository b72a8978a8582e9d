import { type CommandContext, LinliError } from "@linli/core";
import { residentModel } from "@linli/core/adapter";
import { ageBandOf, ageRuleAllows } from "./age-bands";
import type { VolunteersOptions } from "./volunteers-config";
import { volunteersErrors } from "./volunteers-errors";
import { type Pair, pairModel, type Volunteer } from "./volunteers-models";

/** A pair by id; throws `PAIR_NOT_FOUND`. */
export async function getPair(cx: CommandContext, pairId: string): Promise<Pair> {
  const pair = await cx.tx.findById(pairModel, pairId);
  if (!pair) throw LinliError.from(volunteersErrors, "PAIR_NOT_FOUND", { pairId });
  return pair;
}

/** When the next visit of a pair with this rhythm is due after `from` (null without a rhythm). */
export function nextDue(visitsPerWeek: number, from: Date): Date | null {
  if (visitsPerWeek <= 0) return null;
  return new Date(from.getTime() + Math.round((7 * 86_400_000) / visitsPerWeek));
}

/**
 * Checks that `volunteer` may accompany `residentId`: not themself, the cap on residents per
 * volunteer (active and paused pairs count), and the age-band rule for the kinds covered.
 */
export async function checkPairing(
  cx: CommandContext<VolunteersOptions>,
  volunteer: Volunteer,
  residentId: string,
  kinds: readonly string[],
  ignorePairId?: string,
): Promise<void> {
  if (volunteer.residentId === residentId) throw LinliError.from(volunteersErrors, "SELF_PAIR", {});
  const held = (
    await cx.tx.findMany(pairModel, {
      where: [
        { field: "volunteerId", value: volunteer.id },
        { field: "status", op: "in", value: ["active", "paused"] },
      ],
    })
  ).filter((p) => p.id !== ignorePairId);
  if (held.some((p) => p.residentId === residentId))
    throw LinliError.from(volunteersErrors, "PAIR_EXISTS", { volunteerId: volunteer.id, residentId });
  const max = cx.options.pairs.maxResidentsPerVolunteer;
  if (held.length >= max)
    throw LinliError.from(volunteersErrors, "PAIR_CAP_REACHED", {
      volunteerId: volunteer.id,
      count: held.length,
      max,
    });
  const resident = await cx.tx.get(residentModel, residentId);
  const requesterBand = ageBandOf(cx.options, resident.birthYear, cx.now, cx.config.community.timeZone);
  const covered = kinds.length > 0 ? kinds : [null];
  for (const kind of covered)
    if (!ageRuleAllows(cx.options, kind, volunteer.ageBand, requesterBand))
      throw LinliError.from(volunteersErrors, "AGE_RULE_VIOLATED", {
        volunteerBand: volunteer.ageBand ?? "?",
        requesterBand: requesterBand ?? "?",
      });
}
