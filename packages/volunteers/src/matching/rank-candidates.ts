import type { MatchRequest, MatchSettings, MatchVolunteer, RankedCandidates } from "./match-types";

/** Ranks the candidates for one request, cheapest first. */
export function rankCandidates(
  request: MatchRequest,
  volunteers: readonly MatchVolunteer[],
  settings: MatchSettings,
): RankedCandidates {
  void request;
  void volunteers;
  void settings;
  throw new Error("not implemented yet");
}
