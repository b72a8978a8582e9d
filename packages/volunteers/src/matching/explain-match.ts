import type { Locale } from "@linli/core";
import type { MatchContinuity, PlannedMatch, RankedCandidate, UnmatchedRequest } from "./match-types";

type Labels = Readonly<Record<string, string>>;

const CONSTRAINT_LABELS: Readonly<Record<Locale, Labels>> = {
  "zh-CN": {
    self: "是求助者本人",
    capacity: "本期任务已满",
    skills: "技能或等级不符",
    certifications: "缺少所需证书",
    language: "语言不通",
    availability: "时间不合",
    age: "不符合年龄规则",
    distance: "步行距离过远",
  },
  en: {
    self: "are the requester",
    capacity: "have no task left this period",
    skills: "lack a skill or its level",
    certifications: "lack a required certification",
    language: "do not speak the language",
    availability: "are not available then",
    age: "do not fit the age rule",
    distance: "live too far to walk",
  },
};

/** The names of a match's cost terms (`walking`, `continuity`…) in zh-CN and en, for explanations. */
export const MATCH_TERM_LABELS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  "zh-CN": {
    walking: "步行",
    continuity: "延续",
    fairness: "公平",
    urgency: "紧急",
    waiting: "等待",
    preference: "偏好",
  },
  en: {
    walking: "walking",
    continuity: "continuity",
    fairness: "fairness",
    urgency: "urgency",
    waiting: "waiting",
    preference: "preference",
  },
};

const CONTINUITY_LABELS: Readonly<Record<Locale, Readonly<Record<MatchContinuity, string>>>> = {
  "zh-CN": {
    pair: "求助者的长期结对志愿者",
    backup: "结对的后备志愿者",
    "past-helper": "曾帮助过求助者",
    none: "",
  },
  en: {
    pair: "the requester's long-term pair",
    backup: "the pair's backup volunteer",
    "past-helper": "helped the requester before",
    none: "",
  },
};

function termsText(terms: Readonly<Record<string, number>>, locale: Locale): string {
  const labels = MATCH_TERM_LABELS[locale];
  return Object.entries(terms)
    .filter(([, value]) => value !== 0)
    .map(([name, value]) => `${labels[name] ?? name} ${value}`)
    .join(locale === "zh-CN" ? "，" : ", ");
}

/**
 * Renders why a volunteer was matched or ranked: the continuity with the requester and the
 * non-zero cost terms (a plugin criterion appears under its name). Uses only the match's data.
 *
 * @example `Matched: the requester's long-term pair; cost -25 (walking 5, continuity -30).`
 */
export function explainMatch(match: PlannedMatch | RankedCandidate, locale: Locale): string {
  const continuity = CONTINUITY_LABELS[locale][match.continuity];
  const terms = termsText(match.terms, locale);
  if (locale === "zh-CN") {
    return `已匹配${continuity ? `：${continuity}` : ""}；代价 ${match.cost}${terms ? `（${terms}）` : ""}。`;
  }
  return `Matched${continuity ? `: ${continuity}` : ""}; cost ${match.cost}${terms ? ` (${terms})` : ""}.`;
}

/**
 * Renders why a request got no volunteer: the counts per hard constraint (a plugin criterion
 * appears under its name) and, for `capacity`, that the candidates were needed elsewhere.
 *
 * @example `No volunteer: 12 lack a skill or its level, 3 are not available then.`
 */
export function explainUnmatched(unmatched: UnmatchedRequest, locale: Locale): string {
  const labels = CONSTRAINT_LABELS[locale];
  const entries = Object.entries(unmatched.excluded).filter(([, n]) => n > 0);
  if (locale === "zh-CN") {
    const parts = entries.map(([name, n]) => `${n} 人${labels[name] ?? `不符合“${name}”`}`);
    const head =
      unmatched.reason === "capacity"
        ? `未匹配：${unmatched.candidates ?? ""}${unmatched.candidates === undefined ? "" : " 位"}符合条件的志愿者都已安排给其他请求`
        : "未匹配：没有符合条件的志愿者";
    return `${head}${parts.length > 0 ? `；${parts.join("，")}` : ""}。`;
  }
  const parts = entries.map(([name, n]) => `${n} ${labels[name] ?? `fail "${name}"`}`);
  const head =
    unmatched.reason === "capacity"
      ? `No volunteer: the ${unmatched.candidates === undefined ? "" : `${unmatched.candidates} `}qualified volunteers were all needed for other requests`
      : "No volunteer qualifies";
  return `${head}${parts.length > 0 ? `; ${parts.join(", ")}` : ""}.`;
}
