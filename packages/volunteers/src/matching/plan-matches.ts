import { buildMatchGraph, CONTINUITY_CODES } from "./candidate-graph";
import { countExclusions } from "./count-exclusions";
import { pairCost } from "./criteria";
import { solveIndexed } from "./flow-core";
import { checkMatchInput } from "./match-input";
import type {
  MatchPlan,
  MatchRequest,
  MatchSettings,
  MatchVolunteer,
  PlannedMatch,
  UnmatchedRequest,
} from "./match-types";
import { ASSIGNMENT_MAX_COST } from "./min-cost-flow";

/**
 * Plans an optimal batch of matches between open requests and volunteers. Pure: no storage, no
 * clock, runs in a browser.
 *
 * 1. Hard constraints (see `BUILT_IN_CONSTRAINTS`, then `settings.criteria`) decide the candidate
 *    pairs; volunteers are indexed by skill, certification, language and reachable place, so a
 *    request checks only the smallest relevant list.
 * 2. Each candidate pair gets an integer cost, the sum of weighted terms (see `COST_TERMS`).
 * 3. The sparse candidate graph is solved exactly by min-cost flow (as `solveAssignment`): a
 *    volunteer takes at most `capacity` requests and never two that overlap in time.
 *
 * With `fairnessWithinBatch`, a volunteer's k-th task of the batch also costs
 * `weights.fairness × k` (convex marginal costs, still exact).
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
 * @throws RangeError when the input is malformed (see `checkMatchInput`) or the costs are so
 *   large that exact integer sums are no longer possible.
 */
export function planMatches(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): MatchPlan {
  checkMatchInput(requests, volunteers, settings);
  const graph = buildMatchGraph(requests, volunteers, settings);
  for (const c of graph.solverCosts) {
    if (Math.abs(c) > ASSIGNMENT_MAX_COST) {
      throw new RangeError("matching: costs too large for an exact solution (lower the weights)");
    }
  }
  const fairness = settings.weights.fairness;
  const withinBatch = settings.fairnessWithinBatch === true && fairness > 0;
  const assigned = solveIndexed({
    taskCount: requests.length,
    workerCapacity: volunteers.map((v) => v.capacity),
    ...(withinBatch
      ? {
          workerMarginal: volunteers.map((v) =>
            Array.from({ length: Math.min(v.capacity, requests.length) }, (_, k) => Math.round(fairness * k)),
          ),
        }
      : {}),
    slotWorker: graph.slotVolunteer,
    slotCapacity: graph.slotVolunteer.map(() => 1),
    edgeTask: graph.edgeRequest,
    edgeWorker: graph.edgeVolunteer,
    edgeSlot: graph.edgeSlot,
    edgeCost: graph.solverCosts,
  });
  const matches: PlannedMatch[] = [];
  const unmatched: UnmatchedRequest[] = [];
  let totalCost = 0;
  const to = (r: MatchRequest) => graph.walking.placeId(r.place);
  const taken = new Int32Array(volunteers.length);
  for (let r = 0; r < requests.length; r++) {
    const request = requests[r]!;
    const e = assigned[r]!;
    if (e < 0) {
      const candidates = graph.candidateCounts[r]!;
      unmatched.push({
        requestId: request.id,
        excluded: countExclusions(request, graph.index.all, settings, graph.walking),
        reason: candidates > 0 ? "capacity" : "no-candidate",
        candidates,
      });
      continue;
    }
    const v = graph.index.all[graph.edgeVolunteer[e]!]!;
    const continuity = CONTINUITY_CODES[graph.continuity[e]!]!;
    const terms: Record<string, number> = {};
    const minutes = graph.walking.between(v.placeId, to(request));
    let cost = pairCost(request, v.volunteer, continuity, settings, minutes, terms);
    if (withinBatch) {
      const k = taken[v.index]!++;
      const extra = Math.round(fairness * k);
      terms.fairness = (terms.fairness ?? 0) + extra;
      cost += extra;
    }
    matches.push({ requestId: request.id, volunteerId: v.volunteer.id, cost, terms, continuity });
    totalCost += cost;
  }
  return { matches, unmatched, totalCost };
}
