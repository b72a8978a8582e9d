import type { MatchPlan, MatchRequest, MatchSettings, MatchVolunteer } from "./match-types";

/** Plans an optimal batch of matches (see the implementation's TSDoc). */
export function planMatches(
  requests: readonly MatchRequest[],
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): MatchPlan {
  void requests;
  void volunteers;
  void settings;
  throw new Error("not implemented yet");
}
