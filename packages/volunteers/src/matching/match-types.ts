/*
 * The matching engine's input and output shapes: volunteers, requests, settings and plans.
 * The engine is pure (no storage) and runs in a browser.
 */

/** A time window `[start, end)`. */
export interface MatchWindow {
  /** Inclusive start instant. */
  readonly start: Date;
  /** Exclusive end instant. */
  readonly end: Date;
}

/** A volunteer as the matching engine sees it (a projection, no contact data). */
export interface MatchVolunteer {
  /** The volunteer's id. */
  readonly id: string;
  /** The resident this volunteer is, when the volunteer is a resident (never matched to their own requests). */
  readonly residentId?: string;
  /** Skill name → level (an integer, higher is better). */
  readonly skills: Readonly<Record<string, number>>;
  /** Certifications held (e.g. `first-aid`, `electrician`). */
  readonly certifications: readonly string[];
  /** Languages and dialects spoken. */
  readonly languages: readonly string[];
  /** Home place (a place id known to `walkingMinutes`). */
  readonly place?: string;
  /** Availability already expanded over the planning horizon. */
  readonly windows: readonly MatchWindow[];
  /** Tasks still allowed in the horizon (an integer ≥ 0). */
  readonly capacity: number;
  /** Tasks served over the fairness window (e.g. the past four weeks). */
  readonly recentLoad: number;
  /** Age band (e.g. `60-69`), for the age rule. */
  readonly ageBand?: string;
  /** Preferred kinds of help. */
  readonly preferredKinds?: readonly string[];
  /** Preferred places. */
  readonly preferredPlaces?: readonly string[];
}

/** How urgent a request is. */
export type MatchUrgency = "low" | "normal" | "high" | "urgent";

/** A skill a request requires, with an optional minimum level. */
export interface RequiredSkill {
  /** The skill's name. */
  readonly skill: string;
  /** Minimum level (inclusive); any level when absent. */
  readonly minLevel?: number;
}

/** An open help request as the matching engine sees it. */
export interface MatchRequest {
  /** The request's id. */
  readonly id: string;
  /** Kind of help (groceries, medicine, doctor-escort, …). */
  readonly kind: string;
  /** The resident who asked (a volunteer never serves their own request). */
  readonly requesterId: string;
  /** The requester's age band, for the age rule. */
  readonly requesterAgeBand?: string;
  /** Where the help happens (a place id known to `walkingMinutes`). */
  readonly place?: string;
  /** The task's start; the task must fit inside one volunteer window covering `[start, end)`. */
  readonly start: Date;
  /** The task's end (exclusive). */
  readonly end: Date;
  /** Urgency. */
  readonly urgency: MatchUrgency;
  /** Minutes the request has been waiting. */
  readonly waitingMinutes: number;
  /** Skills required, each with an optional minimum level. */
  readonly requiredSkills: readonly RequiredSkill[];
  /** Certifications required by the request itself (added to those of its kind in settings). */
  readonly requiredCertifications: readonly string[];
  /** Language the volunteer must speak, if any. */
  readonly language?: string;
  /** The requester's long-term pair volunteer first, then the backup. */
  readonly pairedVolunteerIds: readonly string[];
  /** Volunteers who helped this requester before. */
  readonly pastHelperIds: readonly string[];
}

/** A criterion added by config or another plugin: a hard exclusion and/or an extra cost. */
export interface MatchCriterion {
  /** Its name, used in explanations (the `excluded` counts and the cost `terms`). */
  readonly name: string;
  /** Returns true when the volunteer must not take the request. */
  readonly exclude?: (request: MatchRequest, volunteer: MatchVolunteer) => boolean;
  /** An extra cost (rounded to an integer) added to the pair's cost. */
  readonly cost?: (request: MatchRequest, volunteer: MatchVolunteer) => number;
}

/** Weights of the cost terms (non-negative numbers; 0 switches a term off). */
export interface MatchWeights {
  /** Per walking minute between the volunteer's home and the request's place. */
  readonly walking: number;
  /** Bonus for continuity (pair > backup > past helper). */
  readonly continuity: number;
  /** Per task of recent load (spreads work over volunteers). */
  readonly fairness: number;
  /** Bonus for serving urgent requests. */
  readonly urgency: number;
  /** Bonus per hour of waiting. */
  readonly waiting: number;
  /** Bonus when the kind or the place is one the volunteer prefers. */
  readonly preference: number;
}

/** The age rule: volunteers of these bands help requesters of those bands (e.g. younger elderly help older). */
export interface AgeRule {
  /** Bands a volunteer must be in (to serve a requester in `requesterBands`). */
  readonly volunteerBands: readonly string[];
  /** Requester bands the rule applies to; requesters of other bands are served by anyone. */
  readonly requesterBands: readonly string[];
}

/** The engine's settings: weights, hard rules and extra criteria. */
export interface MatchSettings {
  /** Weights of the cost terms. */
  readonly weights: MatchWeights;
  /** A volunteer farther than this (in walking minutes) is excluded. */
  readonly maxWalkingMinutes?: number;
  /** Walking minutes between two places; `undefined` when unknown. */
  readonly walkingMinutes: (from: string | undefined, to: string | undefined) => number | undefined;
  /** The age rule, if configured. */
  readonly ageRule?: AgeRule;
  /** Certifications required per kind of help (e.g. `doctor-escort` → `first-aid`). */
  readonly certificationsByKind?: Readonly<Record<string, readonly string[]>>;
  /** Extra criteria (from config or plugins). */
  readonly criteria?: readonly MatchCriterion[];
  /**
   * Keep long-term pairs first: among plans that serve the most requests, the batch serves as many
   * requests as possible by the requester's pair volunteer, then minimizes the cost; the ranking
   * lists the pair first. With `false`, the pair only gets its continuity bonus. @default true
   */
  readonly keepPairs?: boolean;
  /**
   * Count the batch itself in the fairness term: a volunteer's k-th task of the batch (k = 0, 1, …,
   * in request order) adds `weights.fairness × k`, so one batch spreads its tasks too (exact: these
   * are convex marginal costs in the flow). Off by default: then `recentLoad` alone is used.
   */
  readonly fairnessWithinBatch?: boolean;
}

/** How a match continues an existing relation with the requester. */
export type MatchContinuity = "pair" | "backup" | "past-helper" | "none";

/** One match of a {@link MatchPlan}. */
export interface PlannedMatch {
  /** The request's id. */
  requestId: string;
  /** The chosen volunteer's id. */
  volunteerId: string;
  /** The pair's integer cost. */
  cost: number;
  /** The cost terms (name → integer contribution), summing to `cost`. */
  terms: Readonly<Record<string, number>>;
  /** The continuity with the requester. */
  continuity: MatchContinuity;
}

/** Why a request got no volunteer. */
export type UnmatchedReason = "no-candidate" | "capacity";

/** A request left without a volunteer, explained by counts only (no private data). */
export interface UnmatchedRequest {
  /** The request's id. */
  requestId: string;
  /** Hard constraint name → how many volunteers it excluded (each volunteer counted under its first failing constraint). */
  excluded: Readonly<Record<string, number>>;
  /**
   * `no-candidate`: nobody qualifies; `capacity`: candidates exist but each was needed for other
   * requests (their capacity or their other tasks at the same time).
   */
  reason: UnmatchedReason;
  /** How many volunteers passed every hard constraint (0 for `no-candidate`). */
  candidates?: number;
}

/** The batch result: matches, unmatched requests, and the total cost. */
export interface MatchPlan {
  /** Matches, in request order. */
  matches: PlannedMatch[];
  /** Unmatched requests, in request order. */
  unmatched: UnmatchedRequest[];
  /** Sum of the matches' costs. */
  totalCost: number;
}

/** One ranked candidate of {@link RankedCandidates}. */
export interface RankedCandidate {
  /** The volunteer's id. */
  volunteerId: string;
  /** The pair's integer cost. */
  cost: number;
  /** The cost terms, summing to `cost`. */
  terms: Readonly<Record<string, number>>;
  /** The continuity with the requester. */
  continuity: MatchContinuity;
}

/** The single-request result: candidates by ascending cost, and what excluded the others. */
export interface RankedCandidates {
  /** Candidates, cheapest first (ties by volunteer id). */
  candidates: RankedCandidate[];
  /** Hard constraint name → how many volunteers it excluded. */
  excluded: Record<string, number>;
}
