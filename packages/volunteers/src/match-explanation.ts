import type { LocalizedText } from "@linli/core";
import { explainMatch, explainUnmatched } from "./matching/explain-match";
import type { PlannedMatch, UnmatchedRequest } from "./matching/match-types";

/** The key under which volunteers never read as candidates are counted. */
export const NOT_A_CANDIDATE = "not-a-candidate";

function notReadText(n: number): LocalizedText {
  return {
    "zh-CN": `另有 ${n} 位在岗志愿者不具备所需技能或居住过远，未列为候选。`,
    en: `${n} more active volunteers lack a required skill or live too far, and were not candidates.`,
  };
}

function joined(a: LocalizedText, b: LocalizedText | null): LocalizedText {
  return b ? { "zh-CN": `${a["zh-CN"]}${b["zh-CN"]}`, en: `${a.en} ${b.en}` } : a;
}

/** Why a volunteer was matched, in zh-CN and en, with the volunteers never read counted. */
export function matchExplanation(match: PlannedMatch, notRead: number): LocalizedText {
  return joined(
    { "zh-CN": explainMatch(match, "zh-CN"), en: explainMatch(match, "en") },
    notRead > 0 ? notReadText(notRead) : null,
  );
}

/** Why a request got no volunteer, in zh-CN and en, with the volunteers never read counted. */
export function unmatchedExplanation(unmatched: UnmatchedRequest, notRead: number): LocalizedText {
  return joined(
    { "zh-CN": explainUnmatched(unmatched, "zh-CN"), en: explainUnmatched(unmatched, "en") },
    notRead > 0 ? notReadText(notRead) : null,
  );
}
