import { buildMatchGraph } from "./candidate-graph";
import { countExclusions } from "./count-exclusions";
import { continuityOf, pairCost } from "./criteria";
import { checkMatchInput } from "./match-input";
import type {
  MatchPlan,
  MatchRequest,
  MatchSettings,
  MatchVolunteer,
  PlannedMatch,
  UnmatchedRequest,
} from "./match-types";
import { solveAssignment } from "./min-cost-flow";

/**
 * Plans an optimal batch of matches between open requests and volunteers. Pure: no storage, no
 * clock, runs in a browser.
 *
 * 1. Hard constraints (see `BUILT_IN_CONSTRAINTS`, then `settings.criteria`) decide the candidate
 *    pairs; volunteers are indexed by skill, certification, language and reachable place, so a
 *    request checks only the smallest relevant list.
 * 2. Each candidate pair gets an integer cost, the sum of weighted terms (see `COST_TERMS`).
 * 3. The sparse candidate graph is solved exactly by min-cost flow ({@link solveAssignment}):
 *    a volunteer takes at most `capacity` requests and never two that overlap in time.
 *
 * Guarantee: the plan serves the **most requests** possible; among those plans, with
 * `keepPairs` (the default), it serves the most requests by the requester's long-term pair
 * volunteer; among those, its **total cost is minimal**. Overlap is handled per volunteer by
 * groups of overlapping candidate requests, of which the volunteer takes at most one: exact when
 * the requests that overlap all overlap each other (times on a grid), conservative for chains of
 * partial overlaps (see `buildMatchGraph`).
 *
 * Every match carries its cost terms and continuity; every unmatched request carries the number of
 * volunteers each hard constraint excluded (counts only, no private data) and why it got nobody.
 *
 * @param requests - Open requests (ids unique).
 * @param volunteers - Active volunteers, as projections (ids unique).
 * @param settings - Weights, hard rules and plugin criteria.
 * @throws RangeError when the input is malformed (see `checkMatchInput`).
 */
export function planMatches(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): MatchPlan {
  checkMatchInput(requests, volunteers, settings);
  const graph = buildMatchGraph(requests, volunteers, settings);
  const solution = solveAssignment(graph.problem);
  const requestIndex = new Map(requests.map((r, i) => [r.id, i]));
  const volunteerIndex = new Map(volunteers.map((v, i) => [v.id, i]));
  const matches: PlannedMatch[] = [];
  let totalCost = 0;
  for (const pair of solution.pairs) {
    const request = requests[requestIndex.get(pair.task)!]!;
    const volunteer = volunteers[volunteerIndex.get(pair.worker)!]!;
    const continuity = continuityOf(request, volunteer.id);
    const terms: Record<string, number> = {};
    const cost = pairCost(request, volunteer, continuity, settings, graph.walking, terms);
    matches.push({ requestId: request.id, volunteerId: volunteer.id, cost, terms, continuity });
    totalCost += cost;
  }
  const unmatched: UnmatchedRequest[] = solution.unassigned.map((id) => {
    const r = requestIndex.get(id)!;
    const candidates = graph.candidateCounts[r]!;
    return {
      requestId: id,
      excluded: countExclusions(requests[r]!, graph.index.all, settings, graph.walking),
      reason: candidates > 0 ? "capacity" : "no-candidate",
      candidates,
    };
  });
  return { matches, unmatched, totalCost };
}
