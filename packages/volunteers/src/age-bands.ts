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
 * `requesterBand` for `kind`. No rule, a kind the rule does not cover: allowed. An unknown band
 * on either side: not allowed (the rule cannot be shown to hold).
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
  return (
    volunteerBand !== null &&
    requesterBand !== null &&
    rule.volunteerBands.includes(volunteerBand) &&
    rule.requesterBands.includes(requesterBand)
  );
}
