import { formatMoney, type LocalizedText } from "@linli/core";

/**
 * Formatted amounts for line texts. `formatMoney` builds an `Intl.NumberFormat` on every
 * call, which costs tens of microseconds; quotes repeat the same few configured prices, so
 * the formatted strings are memoized per locale and currency. The memo is bounded so a
 * long-running process cannot grow it without limit.
 */
const MEMO_LIMIT = 4096;
const memo = new Map<string, Map<number, string>>();

/** `amount` minor units of `currency` formatted with Intl in `locale` (e.g. `¥1.00`). */
export function formatAmount(amount: number, currency: string, locale: string): string {
  const key = `${locale}|${currency}`;
  let table = memo.get(key);
  if (!table) {
    table = new Map();
    memo.set(key, table);
  }
  let text = table.get(amount);
  if (text === undefined) {
    text = formatMoney({ amount, currency }, locale);
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(amount, text);
  }
  return text;
}

/** The same amount formatted for each message locale: zh-CN texts in zh-CN, en texts in en. */
export function amountTexts(amount: number, currency: string): LocalizedText {
  return { "zh-CN": formatAmount(amount, currency, "zh-CN"), en: formatAmount(amount, currency, "en") };
}
