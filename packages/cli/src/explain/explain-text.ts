import type { BookingCheck } from "@linli/booking";
import { formatMoney, isLinliError, type LocalizedText } from "@linli/core";
import type { Quote } from "@linli/pricing";
import type { CliLang } from "../cli-context";

/** What an explanation is about, for its heading. */
export interface ExplainSubject {
  /** The resource's id and name. */
  readonly resource: { readonly id: string; readonly name: LocalizedText };
  /** Local start label (`2026-07-02 09:00`). */
  readonly from: string;
  /** Local end label, or null for a use without duration. */
  readonly to: string | null;
  /** The community's IANA zone the labels are in. */
  readonly timeZone: string;
  /** The profile's groups, id and name. */
  readonly groups: readonly { readonly id: string; readonly name: LocalizedText }[];
  /** The profile's age, if given. */
  readonly age: number | undefined;
  /** Locale money is formatted in for English (the community's, e.g. en-GB). */
  readonly moneyLocale: string;
}

const T = {
  book: { "zh-CN": "预约检查", en: "Booking check" },
  quote: { "zh-CN": "价格查询", en: "Price quote" },
  when: { "zh-CN": "时间", en: "When" },
  resident: { "zh-CN": "居民", en: "Resident" },
  noGroups: { "zh-CN": "无资格类别", en: "no eligibility group" },
  by: { "zh-CN": "办理", en: "Booked by" },
  desk: { "zh-CN": "服务台工作人员代为办理", en: "the desk, on the resident's behalf" },
  decision: { "zh-CN": "结果", en: "Decision" },
  allowed: { "zh-CN": "可以预约", en: "allowed" },
  approval: { "zh-CN": "审批", en: "Approval" },
  needed: {
    "zh-CN": "需要工作人员审批，预约先处于待审批状态",
    en: "needed: the booking waits for staff approval",
  },
  notNeeded: { "zh-CN": "不需要", en: "not needed" },
  price: { "zh-CN": "费用", en: "Price" },
  plan: { "zh-CN": "价格方案", en: "plan" },
  noPlan: { "zh-CN": "未配置价格方案", en: "no price plan" },
  decidedBy: { "zh-CN": "决定价格的资格类别", en: "Decided by the group" },
  sensitive: {
    "zh-CN": "敏感信息，不会出现在居民的收据上",
    en: "sensitive: never on the resident's receipt",
  },
  membership: { "zh-CN": "使用的会员卡", en: "Membership used" },
  unavailable: { "zh-CN": "无法报价", en: "not available" },
  rule: { "zh-CN": "规则", en: "rule" },
} as const;

const paren = (lang: CliLang, inner: string) => (lang === "zh-CN" ? `（${inner}）` : ` (${inner})`);
const colon = (lang: CliLang) => (lang === "zh-CN" ? "：" : ": ");

function heading(kind: "book" | "quote", s: ExplainSubject, lang: CliLang): string[] {
  const c = colon(lang);
  const groups =
    s.groups.length === 0
      ? T.noGroups[lang]
      : s.groups.map((g) => `${g.name[lang]}${paren(lang, g.id)}`).join(lang === "zh-CN" ? "、" : ", ");
  const age = s.age === undefined ? "" : lang === "zh-CN" ? `；${s.age} 岁` : `; age ${s.age}`;
  return [
    `${T[kind][lang]}${c}${s.resource.name[lang]}${paren(lang, s.resource.id)}`,
    `${T.when[lang]}${c}${s.from}${s.to ? `–${s.to.slice(0, 10) === s.from.slice(0, 10) ? s.to.slice(11) : s.to}` : ""}${paren(lang, s.timeZone)}`,
    `${T.resident[lang]}${c}${groups}${age}`,
  ];
}

function decisionLines(check: BookingCheck, lang: CliLang): string[] {
  const c = colon(lang);
  if (check.ok) {
    return [
      `${T.decision[lang]}${c}${T.allowed[lang]}`,
      `${T.approval[lang]}${c}${check.requiresApproval ? T.needed[lang] : T.notNeeded[lang]}`,
    ];
  }
  const n = check.violations.length;
  const refused = lang === "zh-CN" ? `不能预约（${n} 个原因）` : `refused (${n} reason${n === 1 ? "" : "s"})`;
  return [
    `${T.decision[lang]}${c}${refused}`,
    ...check.violations.map(
      (v, i) => `  ${i + 1}. ${v.message[lang]}${paren(lang, `${v.code}, ${T.rule[lang]} ${v.rule}`)}`,
    ),
  ];
}

function priceLines(quote: Quote | unknown, s: ExplainSubject, lang: CliLang): string[] {
  const c = colon(lang);
  if (isLinliError(quote)) {
    return [`${T.price[lang]}${c}${T.unavailable[lang]}: ${quote.messages[lang]}${paren(lang, quote.code)}`];
  }
  const q = quote as Quote;
  const fmt = (amount: number) =>
    formatMoney({ amount, currency: q.total.currency }, lang === "zh-CN" ? "zh-CN" : s.moneyLocale);
  const plan = q.planId ? `${T.plan[lang]} ${q.planId}` : T.noPlan[lang];
  const width = Math.max(...q.lines.map((l) => l.code.length));
  const amounts = q.lines.map((l) => fmt(l.amount.amount));
  const amountWidth = Math.max(...amounts.map((a) => a.length));
  const out = [
    `${T.price[lang]}${c}${fmt(q.total.amount)}${paren(lang, plan)}`,
    ...q.lines.map(
      (l, i) => `  ${l.code.padEnd(width)}  ${amounts[i]!.padStart(amountWidth)}  ${l.text[lang]}`,
    ),
  ];
  if (q.decidedBy) {
    const { group, sensitive } = q.decidedBy;
    const name = s.groups.find((g) => g.id === group)?.name[lang] ?? group;
    const note = sensitive
      ? paren(lang, `${group}${lang === "zh-CN" ? "；" : "; "}${T.sensitive[lang]}`)
      : paren(lang, group);
    out.push(`  ${T.decidedBy[lang]}${c}${name}${note}`);
  }
  if (q.membershipId) out.push(`  ${T.membership[lang]}${c}${q.membershipId}`);
  return out;
}

/** A booking explained as a desk clerk reads it: what, when, for whom, the decision with every reason, and the price. */
export function explainBookingText(
  s: ExplainSubject,
  check: BookingCheck,
  quote: Quote | unknown,
  lang: CliLang,
): string {
  return `${[...heading("book", s, lang), `${T.by[lang]}${colon(lang)}${T.desk[lang]}`, ...decisionLines(check, lang), ...priceLines(quote, s, lang)].join("\n")}\n`;
}

/** A price quote explained line by line. */
export function explainQuoteText(s: ExplainSubject, quote: Quote | unknown, lang: CliLang): string {
  return `${[...heading("quote", s, lang), ...priceLines(quote, s, lang)].join("\n")}\n`;
}
