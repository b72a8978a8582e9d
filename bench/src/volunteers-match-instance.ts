import type { MatchRequest, MatchSettings, MatchVolunteer } from "@linli/volunteers";

/** A deterministic pseudo-random generator (LCG), so every run sees the same instance. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Parameters of a generated matching instance. */
export interface MatchInstanceOptions {
  readonly requests: number;
  readonly volunteers: number;
  readonly capacity: number;
  /** Task length in minutes; tasks follow one another without overlap over daytime hours. */
  readonly taskMinutes: number;
  /** Walking limit (minutes) that tunes the number of candidates per request. */
  readonly maxWalkingMinutes: number;
  /** Probability that a volunteer is available on a given day. */
  readonly dayAvailability: number;
  readonly seed: number;
}

const SKILLS = ["electrician", "plumbing", "tailoring", "cooking", "first-aid"] as const;
const KINDS = [
  "groceries",
  "medicine",
  "doctor-escort",
  "meal-preparation",
  "home-repair",
  "tailoring",
] as const;
const GRID = 8; // places on an 8 x 8 grid of courtyards

const coordinates = new Map<string, readonly [number, number]>();
for (let x = 0; x < GRID; x++) for (let y = 0; y < GRID; y++) coordinates.set(`p${x}-${y}`, [x, y]);

/** Walking minutes between two courtyards `p<x>-<y>`: 3 per block plus 2 to get going (a table lookup). */
export function walkingMinutes(from: string | undefined, to: string | undefined): number | undefined {
  const a = from === undefined ? undefined : coordinates.get(from);
  const b = to === undefined ? undefined : coordinates.get(to);
  if (!a || !b) return undefined;
  return 2 + 3 * (Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]));
}

/** The settings the benches use: every built-in term weighted. */
export function benchSettings(maxWalkingMinutes: number): MatchSettings {
  return {
    weights: { walking: 2, continuity: 20, fairness: 3, urgency: 15, waiting: 1, preference: 5 },
    maxWalkingMinutes,
    walkingMinutes,
    certificationsByKind: { "doctor-escort": ["first-aid"] },
  };
}

/**
 * A community's open requests and volunteers: requests at distinct, non-overlapping daytime
 * times (so the dense baseline, which cannot express overlaps, solves the same problem), skills
 * with levels, a language, availability by day, walking distances on a grid of courtyards.
 */
export function matchInstance(o: MatchInstanceOptions): {
  requests: MatchRequest[];
  volunteers: MatchVolunteer[];
  settings: MatchSettings;
} {
  const rand = lcg(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const place = () => `p${Math.floor(rand() * GRID)}-${Math.floor(rand() * GRID)}`;
  const day0 = Date.UTC(2026, 5, 1, 0); // 08:00 in Asia/Shanghai
  const perDay = Math.floor((12 * 60) / o.taskMinutes);
  const days = Math.ceil(o.requests / perDay) + 1;
  const volunteers: MatchVolunteer[] = Array.from({ length: o.volunteers }, (_, v) => {
    const skills: Record<string, number> = {};
    for (const s of SKILLS) if (rand() < 0.45) skills[s] = 1 + Math.floor(rand() * 3);
    const windows = [];
    for (let d = 0; d < days; d++) {
      if (rand() < o.dayAvailability) {
        windows.push({
          start: new Date(day0 + d * 86_400_000),
          end: new Date(day0 + d * 86_400_000 + 12 * 3_600_000),
        });
      }
    }
    return {
      id: `v${v}`,
      residentId: `res${v * 7}`,
      skills,
      certifications: skills["first-aid"] ? ["first-aid"] : [],
      languages: rand() < 0.85 ? ["zh", "wu"] : ["zh"],
      place: place(),
      windows,
      capacity: o.capacity,
      recentLoad: Math.floor(rand() * 9),
      ...(rand() < 0.5 ? { preferredKinds: [pick(KINDS)] } : {}),
    };
  });
  const urgencies = ["low", "normal", "normal", "high", "urgent"] as const;
  const requests: MatchRequest[] = Array.from({ length: o.requests }, (_, r) => {
    const start = day0 + Math.floor(r / perDay) * 86_400_000 + (r % perDay) * o.taskMinutes * 60_000;
    const kind = pick(KINDS);
    const skill =
      kind === "home-repair"
        ? pick(["electrician", "plumbing"])
        : kind === "tailoring"
          ? "tailoring"
          : undefined;
    return {
      id: `r${r}`,
      kind,
      requesterId: `res${Math.floor(rand() * 5800)}`,
      place: place(),
      start: new Date(start),
      end: new Date(start + o.taskMinutes * 60_000),
      urgency: pick(urgencies),
      waitingMinutes: Math.floor(rand() * 600),
      requiredSkills: skill ? [{ skill, minLevel: 1 + Math.floor(rand() * 2) }] : [],
      requiredCertifications: [],
      ...(rand() < 0.2 ? { language: "wu" } : {}),
      pairedVolunteerIds: [],
      pastHelperIds: rand() < 0.3 ? [`v${Math.floor(rand() * o.volunteers)}`] : [],
    };
  });
  return { requests, volunteers, settings: benchSettings(o.maxWalkingMinutes) };
}
