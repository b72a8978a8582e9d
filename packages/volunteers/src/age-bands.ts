import { localParts } from "@linli/core";
import type { VolunteersOptions } from "./volunteers-config";

/** The configured age band of a birth year at `now` (first band that holds the age), or null. */
export function ageBandOf(
  options: VolunteersOptions,
  birthYear: number | null | undefined,
  now: Date,
  timeZone: string,
): string | null {
  if (birthYear === null || birthYear === undefined) return null;
  const age = localParts(now, timeZone).year - birthYear;
  return options.ageBands.find((b) => age >= b.minAge && age <= b.maxAge)?.id ?? null;
}

/**
 * Whether the age-band rule lets a volunteer of `volunteerBand` help a requester of
 * `requesterBand` for `kind` (the engine's reading of the rule): no rule, a kind the rule does
 * not cover, or a requester outside `requesterBands`: allowed; otherwise the volunteer's band
 * must be one of `volunteerBands` (an unknown band is not).
 */
export function ageRuleAllows(
  options: VolunteersOptions,
  kind: string | null,
  volunteerBand: string | null,
  requesterBand: string | null,
): boolean {
  const rule = options.ageRule;
  if (!rule) return true;
  if (kind !== null && rule.kinds.length > 0 && !rule.kinds.includes(kind)) return true;
  if (requesterBand === null || !rule.requesterBands.includes(requesterBand)) return true;
  return volunteerBand !== null && rule.volunteerBands.includes(volunteerBand);
}
