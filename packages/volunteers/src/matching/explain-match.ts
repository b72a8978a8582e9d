import type { Locale } from "@linli/core";
import type { PlannedMatch, RankedCandidate, UnmatchedRequest } from "./match-types";

/** Renders why a volunteer was matched (continuity and cost terms), in zh-CN or en. */
export function explainMatch(match: PlannedMatch | RankedCandidate, locale: Locale): string {
  void match;
  void locale;
  throw new Error("not implemented yet");
}

/** Renders why a request got no volunteer (counts per constraint), in zh-CN or en. */
export function explainUnmatched(unmatched: UnmatchedRequest, locale: Locale): string {
  void unmatched;
  void locale;
  throw new Error("not implemented yet");
}
