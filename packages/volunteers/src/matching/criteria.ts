import type {
  MatchContinuity,
  MatchCriterion,
  MatchRequest,
  MatchSettings,
  MatchUrgency,
  MatchVolunteer,
} from "./match-types";

/**
 * The built-in hard constraints, in the order they are checked. A volunteer excluded by several
 * is counted under the first one only, so the counts of an explanation add up to the number of
 * volunteers who are not candidates. Plugin criteria follow, under their own names.
 *
 * - `self`: the volunteer is the requester.
 * - `capacity`: the volunteer has no task left in the horizon.
 * - `skills`: a required skill is missing or below its minimum level.
 * - `certifications`: a certification required by the request or by its kind is missing.
 * - `language`: the volunteer does not speak the request's language.
 * - `availability`: no availability window covers the task's `[start, end)`.
 * - `age`: the age rule (younger elderly help older ones) does not allow the pair.
 * - `distance`: the walk is longer than `maxWalkingMinutes`.
 */
export const BUILT_IN_CONSTRAINTS = [
  "self",
  "capacity",
  "skills",
  "certifications",
  "language",
  "availability",
  "age",
  "distance",
] as const;

/** The name of a built-in hard constraint. */
export type BuiltInConstraint = (typeof BUILT_IN_CONSTRAINTS)[number];

/**
 * The built-in cost terms, each an integer:
 *
 * - `walking`: `weights.walking × walking minutes` (0 when the distance is unknown).
 * - `continuity`: `-3 × weights.continuity` for the requester's long-term pair, `-2 ×` for the
 *   pair's backup, `-1 ×` for a past helper, 0 otherwise.
 * - `fairness`: `weights.fairness × recentLoad`.
 * - `urgency`: `-weights.urgency × (0 low, 1 normal, 2 high, 3 urgent)`.
 * - `waiting`: `-weights.waiting × waiting hours`.
 * - `preference`: `-weights.preference` for each of the kind and the place the volunteer prefers.
 *
 * Urgency and waiting lower the cost of serving a request whoever serves it, so when volunteers
 * are short the optimum serves the urgent and the long-waiting requests first. Plugin criteria
 * add one term each, under their names. Each term is rounded to an integer.
 */
export const COST_TERMS = ["walking", "continuity", "fairness", "urgency", "waiting", "preference"] as const;

const NO_CRITERIA: readonly MatchCriterion[] = [];

const URGENCY_RANK: Readonly<Record<MatchUrgency, number>> = { low: 0, normal: 1, high: 2, urgent: 3 };

/** A volunteer prepared once per call: merged, sorted windows and sets for quick checks. */
export interface PreparedVolunteer {
  /** The volunteer. */
  readonly volunteer: MatchVolunteer;
  /** Position in the input. */
  readonly index: number;
  /** Window starts (ms), sorted, after merging windows that touch or overlap. */
  readonly starts: Float64Array;
  /** The matching window ends (ms). */
  readonly ends: Float64Array;
  /** Certifications held. */
  readonly certifications: readonly string[];
  /** Languages spoken. */
  readonly languages: readonly string[];
  /** The id of the volunteer's place in the call's {@link WalkingCache}. */
  readonly placeId: number;
}

/** Prepares a volunteer (merges and sorts the windows). */
export function prepareVolunteer(
  volunteer: MatchVolunteer,
  index: number,
  walking: WalkingCache,
): PreparedVolunteer {
  const windows = volunteer.windows;
  const n = windows.length;
  let rawStarts = new Float64Array(n);
  let rawEnds = new Float64Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    rawStarts[i] = windows[i]!.start.getTime();
    rawEnds[i] = windows[i]!.end.getTime();
    if (i > 0 && rawStarts[i]! < rawStarts[i - 1]!) sorted = false;
  }
  if (!sorted) {
    const order = Array.from(rawStarts.keys()).sort((a, b) => rawStarts[a]! - rawStarts[b]!);
    rawStarts = Float64Array.from(order, (i) => rawStarts[i]!);
    rawEnds = Float64Array.from(order, (i) => rawEnds[i]!);
  }
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const s = rawStarts[i]!;
    const e = rawEnds[i]!;
    if (!(e > s)) continue;
    if (k > 0 && s <= ends[k - 1]!) ends[k - 1] = Math.max(ends[k - 1]!, e);
    else {
      starts[k] = s;
      ends[k] = e;
      k++;
    }
  }
  return {
    volunteer,
    index,
    starts: starts.subarray(0, k),
    ends: ends.subarray(0, k),
    certifications: volunteer.certifications,
    languages: volunteer.languages,
    placeId: walking.placeId(volunteer.place),
  };
}

/** True when one (merged) window of the volunteer covers `[start, end)`. */
export function isAvailable(v: PreparedVolunteer, start: number, end: number): boolean {
  const starts = v.starts;
  let lo = 0;
  let hi = starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && v.ends[found]! >= end;
}

const SHARED_CACHES = new WeakMap<MatchSettings["walkingMinutes"], WalkingCache>();

/**
 * Walking minutes, asked once per pair of places and remembered for the call. Places get small
 * integer ids so the engine's inner loop reads a number, not a string map.
 */
export class WalkingCache {
  private readonly ids = new Map<string | undefined, number>();
  private readonly names: (string | undefined)[] = [];
  /** rows[to][from]: minutes, -1 when unknown, NaN when not asked yet. */
  private readonly rows: Float64Array[] = [];

  /** Uses the settings' `walkingMinutes`. */
  constructor(private readonly walkingMinutes: MatchSettings["walkingMinutes"]) {}

  /**
   * The cache of a `walkingMinutes` function, shared by the calls that pass the same function
   * (it must be pure: the same places always give the same minutes). Held weakly: it goes when
   * the function goes. A cache that grows past 4,096 places is replaced by a fresh one.
   */
  static of(walkingMinutes: MatchSettings["walkingMinutes"]): WalkingCache {
    let cache = SHARED_CACHES.get(walkingMinutes);
    if (!cache || cache.names.length > 4096) {
      cache = new WalkingCache(walkingMinutes);
      SHARED_CACHES.set(walkingMinutes, cache);
    }
    return cache;
  }

  /** The id of a place (undefined included). */
  placeId(place: string | undefined): number {
    let id = this.ids.get(place);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(place, id);
      this.names.push(place);
    }
    return id;
  }

  /** Minutes between two place ids, or undefined when unknown. */
  between(from: number, to: number): number | undefined {
    let row = this.rows[to];
    if (!row || row.length <= from) {
      const grown = new Float64Array(Math.max(16, this.names.length * 2)).fill(Number.NaN);
      if (row) grown.set(row);
      this.rows[to] = grown;
      row = grown;
    }
    let value = row[from]!;
    if (Number.isNaN(value)) {
      const minutes = this.walkingMinutes(this.names[from], this.names[to]);
      value = minutes === undefined || !Number.isFinite(minutes) || minutes < 0 ? -1 : minutes;
      row[from] = value;
    }
    return value < 0 ? undefined : value;
  }

  /**
   * The cached row of minutes to place `to`, indexed by the from-place id: minutes, -1 when
   * unknown, NaN (or past the end) when not asked yet (then use {@link between}, and fetch the
   * row again: it may be replaced).
   */
  row(to: number): Float64Array {
    let row = this.rows[to];
    if (!row) {
      row = new Float64Array(Math.max(16, this.names.length * 2)).fill(Number.NaN);
      this.rows[to] = row;
    }
    return row;
  }

  /** Minutes from the volunteer's place to the request's place, or undefined when unknown. */
  get(from: string | undefined, to: string | undefined): number | undefined {
    return this.between(this.placeId(from), this.placeId(to));
  }
}

/** Certifications a request needs: its own and those its kind requires. */
export function requiredCertificationsOf(request: MatchRequest, settings: MatchSettings): readonly string[] {
  const byKind = settings.certificationsByKind?.[request.kind];
  if (!byKind || byKind.length === 0) return request.requiredCertifications;
  return [...new Set([...request.requiredCertifications, ...byKind])];
}

/**
 * The first hard constraint that excludes the volunteer, or `undefined` when the volunteer is a
 * candidate. `certifications` is the request's full list (see {@link requiredCertificationsOf});
 * `minutes` the walk from the volunteer's place to the request's (undefined when unknown).
 */
export function firstExclusion(
  request: MatchRequest,
  certifications: readonly string[],
  v: PreparedVolunteer,
  settings: MatchSettings,
  minutes: number | undefined,
): string | undefined {
  const volunteer = v.volunteer;
  if (volunteer.residentId !== undefined && volunteer.residentId === request.requesterId) return "self";
  if (volunteer.id === request.requesterId) return "self";
  if (!(volunteer.capacity >= 1)) return "capacity";
  for (const required of request.requiredSkills) {
    const level = volunteer.skills[required.skill];
    if (level === undefined || level < (required.minLevel ?? Number.NEGATIVE_INFINITY)) return "skills";
  }
  for (const c of certifications) if (!v.certifications.includes(c)) return "certifications";
  if (request.language !== undefined && !v.languages.includes(request.language)) return "language";
  if (!isAvailable(v, request.start.getTime(), request.end.getTime())) return "availability";
  const rule = settings.ageRule;
  if (
    rule &&
    request.requesterAgeBand !== undefined &&
    rule.requesterBands.includes(request.requesterAgeBand) &&
    (volunteer.ageBand === undefined || !rule.volunteerBands.includes(volunteer.ageBand))
  ) {
    return "age";
  }
  if (
    settings.maxWalkingMinutes !== undefined &&
    minutes !== undefined &&
    minutes > settings.maxWalkingMinutes
  ) {
    return "distance";
  }
  for (const criterion of settings.criteria ?? NO_CRITERIA) {
    if (criterion.exclude?.(request, volunteer)) return criterion.name;
  }
  return undefined;
}

/** The continuity code between a request and a volunteer (an index into `CONTINUITY_CODES`: none, past helper, backup, pair). */
export function continuityCode(request: MatchRequest, volunteerId: string): number {
  const k = request.pairedVolunteerIds.indexOf(volunteerId);
  if (k === 0) return 3;
  if (k > 0) return 2;
  return request.pastHelperIds.includes(volunteerId) ? 1 : 0;
}

/** The continuity between a request and a volunteer. */
export function continuityOf(request: MatchRequest, volunteerId: string): MatchContinuity {
  const k = request.pairedVolunteerIds.indexOf(volunteerId);
  if (k === 0) return "pair";
  if (k > 0) return "backup";
  return request.pastHelperIds.includes(volunteerId) ? "past-helper" : "none";
}

const CONTINUITY_FACTOR: Readonly<Record<MatchContinuity, number>> = {
  pair: 3,
  backup: 2,
  "past-helper": 1,
  none: 0,
};

/**
 * The integer cost of a candidate pair; when `terms` is given it is filled with every term
 * (see {@link COST_TERMS}; plugin criteria under their names), which sum to the cost. `minutes` is
 * the walk from the volunteer's place to the request's (undefined when unknown).
 */
export function pairCost(
  request: MatchRequest,
  volunteer: MatchVolunteer,
  continuity: MatchContinuity,
  settings: MatchSettings,
  minutes: number | undefined,
  terms?: Record<string, number>,
): number {
  const w = settings.weights;
  const walkingTerm = minutes === undefined ? 0 : Math.round(w.walking * minutes);
  const continuityTerm = -Math.round(w.continuity * CONTINUITY_FACTOR[continuity]);
  const fairnessTerm = Math.round(w.fairness * volunteer.recentLoad);
  const urgencyTerm = -Math.round(w.urgency * URGENCY_RANK[request.urgency]);
  const waitingTerm = -Math.round((w.waiting * request.waitingMinutes) / 60);
  let preferred = 0;
  if (volunteer.preferredKinds?.includes(request.kind)) preferred++;
  if (request.place !== undefined && volunteer.preferredPlaces?.includes(request.place)) preferred++;
  const preferenceTerm = -Math.round(w.preference * preferred);
  let cost = walkingTerm + continuityTerm + fairnessTerm + urgencyTerm + waitingTerm + preferenceTerm;
  if (terms) {
    terms.walking = walkingTerm;
    terms.continuity = continuityTerm;
    terms.fairness = fairnessTerm;
    terms.urgency = urgencyTerm;
    terms.waiting = waitingTerm;
    terms.preference = preferenceTerm;
  }
  for (const criterion of settings.criteria ?? NO_CRITERIA) {
    if (!criterion.cost) continue;
    const value = Math.round(criterion.cost(request, volunteer));
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`match criterion "${criterion.name}" returned a cost that is not a finite number`);
    }
    cost += value;
    if (terms) terms[criterion.name] = (terms[criterion.name] ?? 0) + value;
  }
  return cost;
}
