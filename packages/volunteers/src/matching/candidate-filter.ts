import { isAvailable, type PreparedVolunteer } from "./criteria";
import type {
  MatchContinuity,
  MatchRequest,
  MatchSettings,
  MatchUrgency,
  MatchVolunteer,
} from "./match-types";

const URGENCY_RANK: Readonly<Record<MatchUrgency, number>> = { low: 0, normal: 1, high: 2, urgent: 3 };
const CONTINUITY_FACTOR: Readonly<Record<MatchContinuity, number>> = {
  pair: 3,
  backup: 2,
  "past-helper": 1,
  none: 0,
};

/**
 * True exactly when `firstExclusion` finds nothing, but with the cheap and selective checks first
 * (distance, then availability): the candidate graph only needs yes or no, not the first reason.
 * `start` and `end` are the request's instants in ms.
 */
export function isCandidate(
  request: MatchRequest,
  certifications: readonly string[],
  v: PreparedVolunteer,
  settings: MatchSettings,
  minutes: number | undefined,
  start: number,
  end: number,
): boolean {
  const max = settings.maxWalkingMinutes;
  if (max !== undefined && minutes !== undefined && minutes > max) return false;
  if (!isAvailable(v, start, end)) return false;
  const volunteer = v.volunteer;
  if (!(volunteer.capacity >= 1)) return false;
  if (volunteer.id === request.requesterId) return false;
  if (volunteer.residentId !== undefined && volunteer.residentId === request.requesterId) return false;
  const skills = request.requiredSkills;
  for (let i = 0; i < skills.length; i++) {
    const required = skills[i]!;
    const level = volunteer.skills[required.skill];
    if (level === undefined || level < (required.minLevel ?? Number.NEGATIVE_INFINITY)) return false;
  }
  for (let i = 0; i < certifications.length; i++) {
    if (!v.certifications.includes(certifications[i]!)) return false;
  }
  if (request.language !== undefined && !v.languages.includes(request.language)) return false;
  const rule = settings.ageRule;
  if (
    rule &&
    request.requesterAgeBand !== undefined &&
    rule.requesterBands.includes(request.requesterAgeBand) &&
    (volunteer.ageBand === undefined || !rule.volunteerBands.includes(volunteer.ageBand))
  ) {
    return false;
  }
  const criteria = settings.criteria;
  if (criteria) for (const criterion of criteria) if (criterion.exclude?.(request, volunteer)) return false;
  return true;
}

/** The request's own terms of `pairCost` (urgency and waiting), the same for every volunteer. */
export function requestTerms(request: MatchRequest, settings: MatchSettings): number {
  const w = settings.weights;
  return (
    -Math.round(w.urgency * URGENCY_RANK[request.urgency]) -
    Math.round((w.waiting * request.waitingMinutes) / 60)
  );
}

/** The volunteer's own term of `pairCost` (fairness), the same for every request. */
export function volunteerTerms(volunteer: MatchVolunteer, settings: MatchSettings): number {
  return Math.round(settings.weights.fairness * volunteer.recentLoad);
}

/**
 * `pairCost` without the terms record, given the request's own terms ({@link requestTerms}) and
 * the volunteer's ({@link volunteerTerms}):
 * the same integer (each term rounded on its own, then summed).
 */
export function quickPairCost(
  request: MatchRequest,
  requestPart: number,
  v: PreparedVolunteer,
  volunteerPart: number,
  continuity: MatchContinuity,
  settings: MatchSettings,
  minutes: number | undefined,
): number {
  const w = settings.weights;
  const volunteer = v.volunteer;
  let cost = requestPart + volunteerPart;
  if (minutes !== undefined) cost += Math.round(w.walking * minutes);
  if (continuity !== "none") cost -= Math.round(w.continuity * CONTINUITY_FACTOR[continuity]);
  let preferred = 0;
  if (volunteer.preferredKinds?.includes(request.kind)) preferred++;
  if (request.place !== undefined && volunteer.preferredPlaces?.includes(request.place)) preferred++;
  if (preferred > 0) cost -= Math.round(w.preference * preferred);
  const criteria = settings.criteria;
  if (criteria) {
    for (const criterion of criteria) {
      if (!criterion.cost) continue;
      const value = Math.round(criterion.cost(request, volunteer));
      if (!Number.isSafeInteger(value)) {
        throw new RangeError(
          `match criterion "${criterion.name}" returned a cost that is not a finite number`,
        );
      }
      cost += value;
    }
  }
  return cost;
}
