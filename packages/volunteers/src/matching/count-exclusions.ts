import {
  firstExclusion,
  type PreparedVolunteer,
  requiredCertificationsOf,
  type WalkingCache,
} from "./criteria";
import type { MatchRequest, MatchSettings } from "./match-types";

/**
 * Counts, for one request, how many volunteers each hard constraint excluded (each volunteer under
 * the first constraint it fails). Constraints that excluded nobody are left out.
 */
export function countExclusions(
  request: MatchRequest,
  volunteers: readonly PreparedVolunteer[],
  settings: MatchSettings,
  walking: WalkingCache,
): Record<string, number> {
  const certifications = requiredCertificationsOf(request, settings);
  const excluded: Record<string, number> = {};
  const to = walking.placeId(request.place);
  for (const v of volunteers) {
    const reason = firstExclusion(request, certifications, v, settings, walking.between(v.placeId, to));
    if (reason !== undefined) excluded[reason] = (excluded[reason] ?? 0) + 1;
  }
  return excluded;
}
