import { formatMoney } from "@linli/core";
import type { Quote } from "./quote-types";

/**
 * The quote as the resident sees it: every line with its public text, no deciding group.
 * A sensitive group (minimum-subsistence, hardship…) is never named; a non-sensitive one
 * (student) may be, as its public text says.
 */
export function toPublicQuote(q: Quote): Quote {
  return {
    ...q,
    lines: q.lines.map(({ group: _group, ...line }) => ({ ...line, text: line.publicText })),
    decidedBy: null,
  };
}

/** One printed line of a receipt. */
export interface ReceiptLine {
  /** The line's text in the chosen language. */
  readonly text: string;
  /** The amount formatted with Intl in the community's locale and currency. */
  readonly amount: string;
}

/** A printable receipt. */
export interface Receipt {
  /** The lines, in order. */
  readonly lines: readonly ReceiptLine[];
  /** The total, formatted. */
  readonly total: string;
}

/** The message language for a BCP 47 locale: zh-CN for any Chinese locale, en otherwise. */
export function languageOf(locale: string): "zh-CN" | "en" {
  return locale.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/**
 * A printable public receipt: texts in `language`, amounts formatted with
 * `Intl.NumberFormat` in `locale` (the community's, e.g. `zh-CN` gives `¥1.00`).
 */
export function formatReceipt(
  q: Quote,
  locale: string,
  language: "zh-CN" | "en" = languageOf(locale),
): Receipt {
  const pub = toPublicQuote(q);
  return {
    lines: pub.lines.map((l) => ({ text: l.text[language], amount: formatMoney(l.amount, locale) })),
    total: formatMoney(pub.total, locale),
  };
}
