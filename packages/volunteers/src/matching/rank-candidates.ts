import {
  continuityOf,
  firstExclusion,
  pairCost,
  prepareVolunteer,
  requiredCertificationsOf,
  WalkingCache,
} from "./criteria";
import { checkMatchInput } from "./match-input";
import type {
  MatchRequest,
  MatchSettings,
  MatchVolunteer,
  RankedCandidate,
  RankedCandidates,
} from "./match-types";

/**
 * Ranks the volunteers who may take one request: every hard constraint checked (the same as
 * {@link planMatches}), candidates sorted by ascending cost, ties by volunteer id; with
 * `keepPairs` (the default) the requester's pair volunteer, when a candidate, comes first.
 * `excluded` counts, per constraint, the volunteers it ruled out (counts only).
 *
 * @throws RangeError when the input is malformed (see `checkMatchInput`).
 */
export function rankCandidates(
  request: MatchRequest,
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): RankedCandidates {
  checkMatchInput([request], volunteers, settings);
  const walking = WalkingCache.of(settings.walkingMinutes);
  const certifications = requiredCertificationsOf(request, settings);
  const candidates: RankedCandidate[] = [];
  const excluded: Record<string, number> = {};
  const to = walking.placeId(request.place);
  volunteers.forEach((volunteer, i) => {
    const v = prepareVolunteer(volunteer, i, walking);
    const minutes = walking.between(v.placeId, to);
    const reason = firstExclusion(request, certifications, v, settings, minutes);
    if (reason !== undefined) {
      excluded[reason] = (excluded[reason] ?? 0) + 1;
      return;
    }
    const continuity = continuityOf(request, volunteer.id);
    const terms: Record<string, number> = {};
    const cost = pairCost(request, volunteer, continuity, settings, minutes, terms);
    candidates.push({ volunteerId: volunteer.id, cost, terms, continuity });
  });
  const pairsFirst = settings.keepPairs !== false;
  candidates.sort(
    (a, b) =>
      (pairsFirst ? Number(b.continuity === "pair") - Number(a.continuity === "pair") : 0) ||
      a.cost - b.cost ||
      (a.volunteerId < b.volunteerId ? -1 : a.volunteerId > b.volunteerId ? 1 : 0),
  );
  return { candidates, excluded };
}
