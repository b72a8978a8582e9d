// 4. Neighbourly mutual-aid circle: the "Alley Pioneers" (小巷先锋) volunteer team, 42 volunteers
// active since 2012: safety patrols, explaining policies, mediating neighbour disputes, civil pet
// keeping, sanitation inspection, street order, garbage sorting, collecting residents' feedback;
// residents with repair skills on duty at the tool room. How help requests are matched to them.
import type { PresetPart } from "../preset-part";

/** The team's size in the source. */
export const ALLEY_PIONEERS_SIZE = 42;

/** The year the team started. */
export const ALLEY_PIONEERS_SINCE = 2012;

/**
 * The duty teams of Wangjialong: the team itself (`alley-pioneers`, everyone), the built-in
 * `patrol`, `sanitation-inspection`, `garbage-sorting` and `drying-room-duty`, and the duties
 * the source names besides (mediation, policy explaining, civil pet keeping, street order,
 * feedback collection), the repair volunteers on duty at the tool room, and the members of the
 * courtyard councils (`courtyard-council`, who decide courtyard affairs and mediate disputes).
 */
export const DUTY_TEAMS = [
  "alley-pioneers",
  "patrol",
  "sanitation-inspection",
  "garbage-sorting",
  "drying-room-duty",
  "mediation",
  "policy-explaining",
  "pet-keeping",
  "street-order",
  "feedback-collection",
  "tool-room-duty",
  "courtyard-council",
] as const;

const BUILT_IN = new Set(["patrol", "sanitation-inspection", "garbage-sorting", "drying-room-duty"]);

/**
 * The team's duties and the matching of help requests: a dense 0.4 km² community (a few minutes'
 * walk between courtyards, at most 20), long-term relations weigh most, load spread fairly over
 * four weeks; the volunteer offered a task accepts or declines within two hours; contact details
 * stay visible an hour after the task.
 */
export const alleyPioneers: PresetPart = {
  // Walking minutes between the courtyards (assumption: the source gives none).
  walking: [
    { from: "courtyard-1", to: "courtyard-2", minutes: 5 },
    { from: "courtyard-2", to: "courtyard-3", minutes: 6 },
    { from: "courtyard-1", to: "courtyard-3", minutes: 9 },
  ],
  volunteers: {
    teams: DUTY_TEAMS.filter((t) => !BUILT_IN.has(t)),
    weights: { walking: 2, continuity: 20, fairness: 3, urgency: 5, waiting: 1, preference: 3 },
    maxWalkingMinutes: 20,
    defaultWalkingMinutes: 10,
    assignMode: "offer",
    offerMinutes: 120,
    disclosureMarginMinutes: 60,
    fairnessWeeks: 4,
    noShowLoad: 1,
    milestones: [10, 50, 100, 200, 500, 1000],
  },
};
