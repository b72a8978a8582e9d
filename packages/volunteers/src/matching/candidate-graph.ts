import type { AssignmentEdge, AssignmentProblem, AssignmentSlot } from "./assignment-types";
import { isCandidate, quickPairCost, requestTerms, volunteerTerms } from "./candidate-filter";
import {
  continuityCode,
  type PreparedVolunteer,
  prepareVolunteer,
  requiredCertificationsOf,
  WalkingCache,
} from "./criteria";
import type { MatchContinuity, MatchRequest, MatchSettings, MatchVolunteer } from "./match-types";

const DAY = 86_400_000;

/**
 * Volunteers indexed by skill, certification, language, reachable place and day of availability, so that each request
 * checks only the smallest relevant list instead of every volunteer.
 */
export class VolunteerIndex {
  /** Every volunteer, prepared, in input order. */
  readonly all: readonly PreparedVolunteer[];
  private readonly active: PreparedVolunteer[] = [];
  private readonly bySkill = new Map<string, PreparedVolunteer[]>();
  private readonly byCertification = new Map<string, PreparedVolunteer[]>();
  private readonly byLanguage = new Map<string, PreparedVolunteer[]>();
  private readonly byPlace = new Map<number, PreparedVolunteer[]>();
  private readonly reachable = new Map<number, PreparedVolunteer[]>();
  private readonly byDay = new Map<number, PreparedVolunteer[]>();

  /** Indexes the volunteers (those without capacity left are never candidates and are skipped). */
  constructor(
    volunteers: readonly MatchVolunteer[],
    private readonly settings: MatchSettings,
    private readonly walking: WalkingCache,
  ) {
    this.all = volunteers.map((v, i) => prepareVolunteer(v, i, walking));
    const add = <K>(map: Map<K, PreparedVolunteer[]>, key: K, v: PreparedVolunteer) => {
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
      add(this.byPlace, v.placeId, v);
    }
  }

  /**
   * Indexes availability by UTC day for the days requests start on: a volunteer is listed under a
   * day when one of their windows overlaps it (a candidate's window covers the request's start).
   */
  indexDays(days: ReadonlySet<number>): void {
    const sortedDays = [...days].sort((a, b) => a - b);
    for (const v of this.active) {
      let lastDay = Number.NEGATIVE_INFINITY;
      for (let w = 0; w < v.starts.length; w++) {
        const first = Math.max(Math.floor(v.starts[w]! / DAY), lastDay + 1);
        const last = Math.floor((v.ends[w]! - 1) / DAY);
        if (last < first) continue;
        if (last - first < sortedDays.length) {
          for (let d = first; d <= last; d++) if (days.has(d)) this.addDay(d, v);
        } else {
          for (const d of sortedDays) if (d >= first && d <= last) this.addDay(d, v);
        }
        lastDay = last;
      }
    }
  }

  private addDay(day: number, v: PreparedVolunteer): void {
    const list = this.byDay.get(day);
    if (list) list.push(v);
    else this.byDay.set(day, [v]);
  }

  /** Volunteers within `maxWalkingMinutes` of a place (or at an unknown distance), by place id. */
  private within(place: number, max: number): PreparedVolunteer[] {
    let list = this.reachable.get(place);
    if (!list) {
      list = [];
      for (const [from, vs] of this.byPlace) {
        const minutes = this.walking.between(from, place);
        if (minutes === undefined || minutes <= max) list.push(...vs);
      }
      this.reachable.set(place, list);
    }
    return list;
  }

  /**
   * A superset of the request's candidates: the smallest list any of its requirements selects
   * (required skills, certifications, language, places within walking distance).
   */
  pool(
    request: MatchRequest,
    certifications: readonly string[],
    placeId: number,
  ): readonly PreparedVolunteer[] {
    let best: readonly PreparedVolunteer[] = this.active;
    const consider = (list: readonly PreparedVolunteer[] | undefined) => {
      const l = list ?? [];
      if (l.length < best.length) best = l;
    };
    for (const s of request.requiredSkills) consider(this.bySkill.get(s.skill));
    for (const c of certifications) consider(this.byCertification.get(c));
    if (request.language !== undefined) consider(this.byLanguage.get(request.language));
    if (this.byDay.size > 0) consider(this.byDay.get(Math.floor(request.start.getTime() / DAY)));
    // The walking list costs a pass over every place the first time: only when nothing else narrowed.
    if (this.settings.maxWalkingMinutes !== undefined && best.length > 0 && best === this.active) {
      consider(this.within(placeId, this.settings.maxWalkingMinutes));
    }
    return best;
  }
}

/** Continuity values by code, as stored in {@link MatchGraph.continuity}. */
export const CONTINUITY_CODES: readonly MatchContinuity[] = ["none", "past-helper", "backup", "pair"];
const PAIR = 3; // the code of "pair" in CONTINUITY_CODES

/**
 * The candidate graph of a batch, on indices (request and volunteer positions in the input).
 * Use {@link matchGraphProblem} for the same graph as an {@link AssignmentProblem}.
 */
export interface MatchGraph {
  /** Number of candidate edges (the typed arrays below may be longer). */
  readonly edgeCount: number;
  /** Request of each candidate edge. */
  readonly edgeRequest: Int32Array;
  /** Volunteer of each edge. */
  readonly edgeVolunteer: Int32Array;
  /** The pair's reported cost, per edge. */
  readonly costs: Float64Array;
  /** The cost the solver minimizes: the reported cost minus `pairPriority` for the pair. */
  readonly solverCosts: Float64Array;
  /** The continuity of each edge, as an index into {@link CONTINUITY_CODES}. */
  readonly continuity: Uint8Array;
  /** Overlap slot of each edge (an index into `slotVolunteer`), -1 when none. */
  readonly edgeSlot: Int32Array;
  /** The volunteer of each overlap slot (each of capacity 1). */
  readonly slotVolunteer: readonly number[];
  /** The bonus that puts pairs first (0 when `keepPairs` is false or no pair is a candidate). */
  readonly pairPriority: number;
  /** Candidates per request. */
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
 * groups of requests connected by overlaps (in order of start, a sweep); a group of two or more
 * becomes a slot of capacity 1, so the volunteer gets at most one request of each group. This is
 * exact when the requests of each group all overlap one another (as on a slot grid: same or
 * nested times); for a chain (A overlaps B, B overlaps C, A and C disjoint) it is conservative:
 * A and C are not both given to that volunteer.
 */
export function buildMatchGraph(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): MatchGraph {
  const walking = WalkingCache.of(settings.walkingMinutes);
  const index = new VolunteerIndex(volunteers, settings, walking);
  const starts = new Float64Array(requests.length);
  const ends = new Float64Array(requests.length);
  requests.forEach((r, i) => {
    starts[i] = r.start.getTime();
    ends[i] = r.end.getTime();
  });
  index.indexDays(new Set(Array.from(starts, (s) => Math.floor(s / DAY))));
  // Requests in order of start, so each volunteer's edges come out sorted by start.
  const order = Array.from(requests.keys()).sort((a, b) => starts[a]! - starts[b]! || a - b);
  // Room for about 48 candidates per request up front (grown by doubling past that).
  let capacity = Math.max(64, Math.min(requests.length * 48, requests.length * volunteers.length, 1 << 20));
  let edgeRequest = new Int32Array(capacity);
  let edgeVolunteer = new Int32Array(capacity);
  let costs = new Float64Array(capacity);
  let continuity = new Uint8Array(capacity);
  let E = 0;
  const grow = () => {
    capacity *= 2;
    const r = new Int32Array(capacity);
    r.set(edgeRequest);
    edgeRequest = r;
    const v = new Int32Array(capacity);
    v.set(edgeVolunteer);
    edgeVolunteer = v;
    const c = new Float64Array(capacity);
    c.set(costs);
    costs = c;
    const k = new Uint8Array(capacity);
    k.set(continuity);
    continuity = k;
  };
  const volunteerParts = Float64Array.from(volunteers, (v) => volunteerTerms(v, settings));
  const candidateCounts: number[] = new Array(requests.length).fill(0);
  let minCost = Number.POSITIVE_INFINITY;
  let maxCost = Number.NEGATIVE_INFINITY;
  let pairs = 0;
  for (const r of order) {
    const request = requests[r]!;
    const certifications = requiredCertificationsOf(request, settings);
    const to = walking.placeId(request.place);
    const start = starts[r]!;
    const end = ends[r]!;
    const requestPart = requestTerms(request, settings);
    const related = request.pairedVolunteerIds.length > 0 || request.pastHelperIds.length > 0;
    let count = 0;
    let row = walking.row(to);
    for (const v of index.pool(request, certifications, to)) {
      const known = v.placeId < row.length ? row[v.placeId]! : Number.NaN;
      let minutes: number | undefined;
      if (known >= 0) minutes = known;
      else if (Number.isNaN(known)) {
        minutes = walking.between(v.placeId, to);
        row = walking.row(to);
      }
      if (!isCandidate(request, certifications, v, settings, minutes, start, end)) continue;
      const code = related ? continuityCode(request, v.volunteer.id) : 0;
      const cost = quickPairCost(
        request,
        requestPart,
        v,
        volunteerParts[v.index]!,
        CONTINUITY_CODES[code]!,
        settings,
        minutes,
      );
      if (E === capacity) grow();
      edgeRequest[E] = r;
      edgeVolunteer[E] = v.index;
      costs[E] = cost;
      continuity[E] = code;
      E++;
      if (cost < minCost) minCost = cost;
      if (cost > maxCost) maxCost = cost;
      if (code === PAIR) pairs++;
      count++;
    }
    candidateCounts[r] = count;
  }
  // Larger than any difference of the other costs (edges, and the batch's fairness increments).
  let maxCapacity = 0;
  for (const v of volunteers) maxCapacity = Math.max(maxCapacity, Math.min(v.capacity, requests.length));
  const increments =
    settings.fairnessWithinBatch === true && settings.weights.fairness > 0
      ? Math.round(settings.weights.fairness * Math.max(0, maxCapacity - 1))
      : 0;
  const pairPriority =
    settings.keepPairs === false || pairs === 0
      ? 0
      : (maxCost - minCost + increments) * Math.max(1, requests.length) + 1;
  const solverCosts = pairPriority === 0 ? costs : costs.slice();
  if (pairPriority !== 0)
    for (let e = 0; e < E; e++) if (continuity[e] === PAIR) solverCosts[e]! -= pairPriority;

  // Overlap groups per volunteer (edges are already in order of start for each volunteer).
  const byVolunteer = new Int32Array(volunteers.length + 1);
  for (let e = 0; e < E; e++) byVolunteer[edgeVolunteer[e]! + 1]!++;
  for (let v = 0; v < volunteers.length; v++) byVolunteer[v + 1]! += byVolunteer[v]!;
  const sorted = new Int32Array(E);
  {
    const fill = byVolunteer.slice(0, volunteers.length);
    for (let e = 0; e < E; e++) sorted[fill[edgeVolunteer[e]!]!++] = e;
  }
  const edgeSlot = new Int32Array(E).fill(-1);
  const slotVolunteer: number[] = [];
  for (let v = 0; v < volunteers.length; v++) {
    const from = byVolunteer[v]!;
    const to = byVolunteer[v + 1]!;
    let groupStart = from;
    let groupEnd = Number.NEGATIVE_INFINITY;
    const close = (k: number) => {
      if (k - groupStart < 2) return;
      const slot = slotVolunteer.length;
      slotVolunteer.push(v);
      for (let i = groupStart; i < k; i++) edgeSlot[sorted[i]!] = slot;
    };
    for (let k = from; k < to; k++) {
      const r = edgeRequest[sorted[k]!]!;
      if (k > from && starts[r]! < groupEnd) {
        groupEnd = Math.max(groupEnd, ends[r]!);
        continue;
      }
      close(k);
      groupStart = k;
      groupEnd = ends[r]!;
    }
    close(to);
  }
  return {
    edgeCount: E,
    edgeRequest: edgeRequest.subarray(0, E),
    edgeVolunteer: edgeVolunteer.subarray(0, E),
    costs: costs.subarray(0, E),
    solverCosts: solverCosts.subarray(0, E),
    continuity: continuity.subarray(0, E),
    edgeSlot,
    slotVolunteer,
    pairPriority,
    candidateCounts,
    index,
    walking,
  };
}

/**
 * The candidate graph as an {@link AssignmentProblem} (tasks are the requests, workers the
 * volunteers, edge costs the solver's costs, one slot of capacity 1 per overlap group), e.g. to
 * check it against another solver.
 */
export function matchGraphProblem(
  graph: MatchGraph,
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
): AssignmentProblem {
  const slots: AssignmentSlot[] = graph.slotVolunteer.map((v, s) => ({
    id: `slot-${s}`,
    worker: volunteers[v]!.id,
    capacity: 1,
  }));
  const edges: AssignmentEdge[] = [];
  for (let e = 0; e < graph.edgeCount; e++) {
    const edge = {
      task: requests[graph.edgeRequest[e]!]!.id,
      worker: volunteers[graph.edgeVolunteer[e]!]!.id,
      cost: graph.solverCosts[e]!,
    };
    const slot = graph.edgeSlot[e]!;
    edges.push(slot < 0 ? edge : { ...edge, slot: `slot-${slot}` });
  }
  return { tasks: requests, workers: volunteers, edges, slots };
}
