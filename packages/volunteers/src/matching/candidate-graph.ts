import type { AssignmentEdge, AssignmentProblem, AssignmentSlot } from "./assignment-types";
import {
  continuityOf,
  firstExclusion,
  type PreparedVolunteer,
  pairCost,
  prepareVolunteer,
  requiredCertificationsOf,
  WalkingCache,
} from "./criteria";
import type { MatchContinuity, MatchRequest, MatchSettings, MatchVolunteer } from "./match-types";

/**
 * Volunteers indexed by skill, certification, language and reachable place, so that each request
 * checks only the smallest relevant list instead of every volunteer.
 */
export class VolunteerIndex {
  /** Every volunteer, prepared. */
  readonly all: readonly PreparedVolunteer[];
  private readonly active: PreparedVolunteer[] = [];
  private readonly bySkill = new Map<string, PreparedVolunteer[]>();
  private readonly byCertification = new Map<string, PreparedVolunteer[]>();
  private readonly byLanguage = new Map<string, PreparedVolunteer[]>();
  private readonly byPlace = new Map<string | undefined, PreparedVolunteer[]>();
  private readonly reachable = new Map<string | undefined, PreparedVolunteer[]>();

  /** Indexes the volunteers (those without capacity left are never candidates and are skipped). */
  constructor(
    volunteers: readonly MatchVolunteer[],
    private readonly settings: MatchSettings,
    private readonly walking: WalkingCache,
  ) {
    this.all = volunteers.map(prepareVolunteer);
    const add = (
      map: Map<string | undefined, PreparedVolunteer[]>,
      key: string | undefined,
      v: PreparedVolunteer,
    ) => {
      const list = map.get(key);
      if (list) list.push(v);
      else map.set(key, [v]);
    };
    for (const v of this.all) {
      if (v.volunteer.capacity < 1) continue;
      this.active.push(v);
      for (const skill of Object.keys(v.volunteer.skills)) add(this.bySkill, skill, v);
      for (const c of v.certifications) add(this.byCertification, c, v);
      for (const l of v.languages) add(this.byLanguage, l, v);
      add(this.byPlace, v.volunteer.place, v);
    }
  }

  /** Volunteers within `maxWalkingMinutes` of a place (or at an unknown distance). */
  private within(place: string | undefined, max: number): PreparedVolunteer[] {
    let list = this.reachable.get(place);
    if (!list) {
      list = [];
      for (const [from, vs] of this.byPlace) {
        const minutes = this.walking.get(from, place);
        if (minutes === undefined || minutes <= max) list.push(...vs);
      }
      this.reachable.set(place, list);
    }
    return list;
  }

  /** A superset of the request's candidates: the smallest list any of its requirements selects. */
  pool(request: MatchRequest, certifications: readonly string[]): readonly PreparedVolunteer[] {
    let best: readonly PreparedVolunteer[] = this.active;
    const consider = (list: readonly PreparedVolunteer[] | undefined) => {
      const l = list ?? [];
      if (l.length < best.length) best = l;
    };
    for (const s of request.requiredSkills) consider(this.bySkill.get(s.skill));
    for (const c of certifications) consider(this.byCertification.get(c));
    if (request.language !== undefined) consider(this.byLanguage.get(request.language));
    if (this.settings.maxWalkingMinutes !== undefined && best.length > 0) {
      consider(this.within(request.place, this.settings.maxWalkingMinutes));
    }
    return best;
  }
}

/** The candidate graph of a batch, ready for {@link solveAssignment}. */
export interface MatchGraph {
  /**
   * Tasks are the requests, workers the volunteers (capacity = tasks left), edges the candidate
   * pairs; a slot of capacity 1 groups a volunteer's candidate requests that overlap in time.
   * An edge's cost is the pair's cost minus `pairPriority` when the volunteer is the pair.
   */
  readonly problem: AssignmentProblem;
  /** The pair's reported cost, per edge (parallel to `problem.edges`). */
  readonly costs: readonly number[];
  /** The continuity, per edge. */
  readonly continuity: readonly MatchContinuity[];
  /** The bonus that puts pairs first (0 when `keepPairs` is false or no pair is a candidate). */
  readonly pairPriority: number;
  /** Candidates per request (parallel to the requests). */
  readonly candidateCounts: readonly number[];
  /** The volunteer index, for explanations. */
  readonly index: VolunteerIndex;
  /** The walking-time cache of the call. */
  readonly walking: WalkingCache;
}

/**
 * Builds the sparse candidate graph: each request against the smallest indexed list of
 * volunteers that may qualify, every hard constraint checked, the cost computed.
 *
 * Time: a volunteer's tasks must not overlap. The volunteer's candidate requests are split into
 * groups of requests connected by overlaps (sorted by start, a sweep); a group of two or more
 * becomes a slot of capacity 1, so at most one request of each group is given to the volunteer.
 * This is exact when every group is a set of requests that all overlap one another (as on a slot
 * grid: same or nested times); for a chain (A overlaps B, B overlaps C, A and C disjoint) it is
 * conservative: A and C are not both given to that volunteer.
 */
export function buildMatchGraph(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): MatchGraph {
  const walking = new WalkingCache(settings.walkingMinutes);
  const index = new VolunteerIndex(volunteers, settings, walking);
  const edgeRequest: number[] = [];
  const edgeVolunteer: number[] = [];
  const costs: number[] = [];
  const continuity: MatchContinuity[] = [];
  const candidateCounts: number[] = [];
  let minCost = Number.POSITIVE_INFINITY;
  let maxCost = Number.NEGATIVE_INFINITY;
  let pairs = 0;
  for (let r = 0; r < requests.length; r++) {
    const request = requests[r]!;
    const certifications = requiredCertificationsOf(request, settings);
    let count = 0;
    for (const v of index.pool(request, certifications)) {
      if (firstExclusion(request, certifications, v, settings, walking) !== undefined) continue;
      const c = continuityOf(request, v.volunteer.id);
      const cost = pairCost(request, v.volunteer, c, settings, walking);
      edgeRequest.push(r);
      edgeVolunteer.push(v.index);
      costs.push(cost);
      continuity.push(c);
      if (cost < minCost) minCost = cost;
      if (cost > maxCost) maxCost = cost;
      if (c === "pair") pairs++;
      count++;
    }
    candidateCounts.push(count);
  }
  const pairPriority =
    settings.keepPairs === false || pairs === 0 ? 0 : (maxCost - minCost) * Math.max(1, requests.length) + 1;

  // Overlap groups per volunteer.
  const byVolunteer: number[][] = volunteers.map(() => []);
  for (let e = 0; e < edgeRequest.length; e++) byVolunteer[edgeVolunteer[e]!]!.push(e);
  const edgeSlot: (string | undefined)[] = new Array(edgeRequest.length);
  const slots: AssignmentSlot[] = [];
  for (let v = 0; v < volunteers.length; v++) {
    const list = byVolunteer[v]!;
    if (list.length < 2) continue;
    const startOf = (e: number) => requests[edgeRequest[e]!]!.start.getTime();
    const endOf = (e: number) => requests[edgeRequest[e]!]!.end.getTime();
    list.sort((a, b) => startOf(a) - startOf(b));
    let group: number[] = [list[0]!];
    let groupEnd = endOf(list[0]!);
    const close = () => {
      if (group.length < 2) return;
      const id = `${v}#${slots.length}`;
      slots.push({ id, worker: volunteers[v]!.id, capacity: 1 });
      for (const e of group) edgeSlot[e] = id;
    };
    for (let k = 1; k < list.length; k++) {
      const e = list[k]!;
      if (startOf(e) < groupEnd) {
        group.push(e);
        groupEnd = Math.max(groupEnd, endOf(e));
      } else {
        close();
        group = [e];
        groupEnd = endOf(e);
      }
    }
    close();
  }

  const edges: AssignmentEdge[] = new Array(edgeRequest.length);
  for (let e = 0; e < edgeRequest.length; e++) {
    const cost = costs[e]! - (continuity[e] === "pair" ? pairPriority : 0);
    const slot = edgeSlot[e];
    edges[e] = {
      task: requests[edgeRequest[e]!]!.id,
      worker: volunteers[edgeVolunteer[e]!]!.id,
      cost,
      ...(slot === undefined ? {} : { slot }),
    };
  }
  return {
    problem: { tasks: requests, workers: volunteers, edges, slots },
    costs,
    continuity,
    pairPriority,
    candidateCounts,
    index,
    walking,
  };
}
