import { formatMoney, type LocalizedText } from "@linli/core";
import { MATCH_TERM_LABELS } from "@linli/volunteers";
import type { CliLang } from "../cli-context";

/** What a match explanation is about, for its heading. */
export interface MatchSubject {
  /** The kind of help, id and name. */
  readonly kind: { readonly id: string; readonly name: LocalizedText | null };
  /** Local window labels (`2026-07-02 09:00`). */
  readonly from: string;
  /** Local end label. */
  readonly to: string;
  /** Minutes the task takes. */
  readonly durationMinutes: number;
  /** The community's IANA zone. */
  readonly timeZone: string;
  /** Where the help happens, id and name (null when unknown). */
  readonly place: { readonly id: string; readonly name: LocalizedText } | null;
  /** The profile's groups, id and name. */
  readonly groups: readonly { readonly id: string; readonly name: LocalizedText }[];
  /** The profile's age, if given. */
  readonly age: number | undefined;
  /** Where the volunteers came from (`wangjialong` seed roster or a file) and how many. */
  readonly roster: { readonly source: string; readonly size: number };
}

/** A price as the request stored it (staff view). */
export interface MatchPrice {
  readonly planId: string | null;
  readonly total: { readonly amount: number; readonly currency: string };
  readonly lines: readonly {
    readonly code: string;
    readonly amount: { readonly amount: number; readonly currency: string };
    readonly text: LocalizedText;
    readonly group?: string;
  }[];
}

/** One ranked candidate with the name and home place's name. */
export interface MatchCandidate {
  readonly volunteerId: string;
  readonly name: string;
  readonly home: LocalizedText | null;
  readonly cost: number;
  readonly terms: Readonly<Record<string, number>>;
  readonly continuity: string;
}

const T = {
  heading: { "zh-CN": "求助匹配", en: "Help request match" },
  when: { "zh-CN": "时间", en: "When" },
  minutes: { "zh-CN": "分钟", en: "minutes" },
  where: { "zh-CN": "地点", en: "Where" },
  unknownPlace: { "zh-CN": "未指定", en: "not given" },
  resident: { "zh-CN": "居民", en: "Resident" },
  noGroups: { "zh-CN": "无资格类别", en: "no eligibility group" },
  by: { "zh-CN": "办理", en: "Asked by" },
  desk: { "zh-CN": "服务台工作人员代为登记", en: "the desk, on the resident's behalf" },
  price: { "zh-CN": "费用", en: "Price" },
  unpriced: { "zh-CN": "不收费（该类求助未定价）", en: "none (this kind of help is not priced)" },
  plan: { "zh-CN": "价格方案", en: "plan" },
  decidedBy: { "zh-CN": "决定价格的资格类别", en: "Decided by the group" },
  staffOnly: { "zh-CN": "仅工作人员可见", en: "staff only" },
  volunteers: { "zh-CN": "志愿者", en: "Volunteers" },
  candidates: { "zh-CN": "候选人（代价从低到高）", en: "Candidates (lowest cost first)" },
  none: { "zh-CN": "无人符合条件", en: "nobody qualifies" },
  excluded: { "zh-CN": "排除原因", en: "Excluded" },
  cost: { "zh-CN": "代价", en: "cost" },
} as const;

const EXCLUSIONS: Readonly<Record<CliLang, Readonly<Record<string, string>>>> = {
  "zh-CN": {
    "not-a-candidate": "不具备所需技能或居住过远，未列为候选",
    self: "是求助者本人",
    capacity: "本周任务已满",
    skills: "技能或等级不符",
    certifications: "缺少所需证书",
    language: "语言不通",
    availability: "该时段没空",
    age: "不符合年龄规则",
    "age-band": "不符合结对年龄规则（低龄老人帮高龄老人）",
    distance: "步行距离过远",
    declined: "已拒绝或未答复",
  },
  en: {
    "not-a-candidate": "lack a required skill or live too far (not read)",
    self: "are the requester",
    capacity: "have no task left this week",
    skills: "lack a skill or its level",
    certifications: "lack a required certification",
    language: "do not speak the language",
    availability: "are not available then",
    age: "do not fit the age rule",
    "age-band": "do not fit the pairing age rule (younger elderly help older)",
    distance: "live too far to walk",
    declined: "declined or let the offer lapse",
  },
};

const CONTINUITY: Readonly<Record<CliLang, Readonly<Record<string, string>>>> = {
  "zh-CN": { pair: "长期结对志愿者", backup: "结对后备志愿者", "past-helper": "曾帮助过该居民" },
  en: {
    pair: "the resident's long-term pair",
    backup: "the pair's backup",
    "past-helper": "helped the resident before",
  },
};

const paren = (lang: CliLang, inner: string) => (lang === "zh-CN" ? `（${inner}）` : ` (${inner})`);
const colon = (lang: CliLang) => (lang === "zh-CN" ? "：" : ": ");
const listSep = (lang: CliLang) => (lang === "zh-CN" ? "，" : ", ");

function priceLines(price: MatchPrice | null, s: MatchSubject, lang: CliLang): string[] {
  const c = colon(lang);
  if (!price) return [`${T.price[lang]}${c}${T.unpriced[lang]}`];
  const fmt = (amount: number) =>
    formatMoney({ amount, currency: price.total.currency }, lang === "zh-CN" ? "zh-CN" : "en");
  const width = Math.max(...price.lines.map((l) => l.code.length));
  const amounts = price.lines.map((l) => fmt(l.amount.amount));
  const amountWidth = Math.max(...amounts.map((a) => a.length));
  const out = [
    `${T.price[lang]}${c}${fmt(price.total.amount)}${price.planId ? paren(lang, `${T.plan[lang]} ${price.planId}`) : ""}`,
    ...price.lines.map(
      (l, i) => `  ${l.code.padEnd(width)}  ${amounts[i]!.padStart(amountWidth)}  ${l.text[lang]}`,
    ),
  ];
  const group = price.lines.find((l) => l.group !== undefined)?.group;
  if (group) {
    const name = s.groups.find((g) => g.id === group)?.name[lang] ?? group;
    out.push(
      `  ${T.decidedBy[lang]}${c}${name}${paren(lang, `${group}${lang === "zh-CN" ? "；" : "; "}${T.staffOnly[lang]}`)}`,
    );
  }
  return out;
}

function candidateLine(candidate: MatchCandidate, rank: number, lang: CliLang): string {
  const terms = Object.entries(candidate.terms)
    .filter(([, v]) => v !== 0)
    .map(([name, v]) => `${MATCH_TERM_LABELS[lang][name] ?? name} ${v}`)
    .join(listSep(lang));
  const home = candidate.home ? `${listSep(lang)}${candidate.home[lang]}` : "";
  const continuity = CONTINUITY[lang][candidate.continuity];
  const cost = `${T.cost[lang]} ${candidate.cost}${terms ? paren(lang, terms) : ""}`;
  return `  ${rank}. ${candidate.name}${paren(lang, `${candidate.volunteerId}${home}`)}${lang === "zh-CN" ? "：" : ": "}${continuity ? `${continuity}${listSep(lang)}` : ""}${cost}`;
}

/**
 * A help request matched as a desk clerk reads it: what, when, where, for whom, its price
 * (with the deciding group, staff only), the ranked candidates with their cost terms, and how
 * many volunteers each constraint excluded.
 */
export function explainMatchText(
  s: MatchSubject,
  price: MatchPrice | null,
  candidates: readonly MatchCandidate[],
  total: number,
  excluded: Readonly<Record<string, number>>,
  lang: CliLang,
): string {
  const c = colon(lang);
  const groups =
    s.groups.length === 0
      ? T.noGroups[lang]
      : s.groups.map((g) => `${g.name[lang]}${paren(lang, g.id)}`).join(lang === "zh-CN" ? "、" : ", ");
  const age = s.age === undefined ? "" : lang === "zh-CN" ? `；${s.age} 岁` : `; age ${s.age}`;
  const to = s.to.slice(0, 10) === s.from.slice(0, 10) ? s.to.slice(11) : s.to;
  const excludedTotal = Object.values(excluded).reduce((a, b) => a + b, 0);
  const summary =
    lang === "zh-CN"
      ? `${s.roster.size} 位（${s.roster.source}）；${total} 位候选，${excludedTotal} 位排除`
      : `${s.roster.size} (${s.roster.source}); ${total} candidate${total === 1 ? "" : "s"}, ${excludedTotal} excluded`;
  const entries = Object.entries(excluded).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const keyWidth = Math.max(0, ...entries.map(([k]) => k.length));
  const countWidth = Math.max(0, ...entries.map(([, n]) => String(n).length));
  const lines = [
    `${T.heading[lang]}${c}${s.kind.name?.[lang] ?? s.kind.id}${paren(lang, s.kind.id)}`,
    `${T.when[lang]}${c}${s.from}–${to}${paren(lang, s.timeZone)}${lang === "zh-CN" ? "；" : "; "}${s.durationMinutes} ${T.minutes[lang]}`,
    `${T.where[lang]}${c}${s.place ? `${s.place.name[lang]}${paren(lang, s.place.id)}` : T.unknownPlace[lang]}`,
    `${T.resident[lang]}${c}${groups}${age}`,
    `${T.by[lang]}${c}${T.desk[lang]}`,
    ...priceLines(price, s, lang),
    `${T.volunteers[lang]}${c}${summary}`,
    candidates.length === 0 ? `${T.candidates[lang]}${c}${T.none[lang]}` : `${T.candidates[lang]}${c.trim()}`,
    ...candidates.map((cand, i) => candidateLine(cand, i + 1, lang)),
    ...(entries.length > 0 ? [`${T.excluded[lang]}${c.trim()}`] : []),
    ...entries.map(
      ([k, n]) => `  ${k.padEnd(keyWidth)}  ${String(n).padStart(countWidth)}  ${EXCLUSIONS[lang][k] ?? k}`,
    ),
  ];
  return `${lines.join("\n")}\n`;
}
