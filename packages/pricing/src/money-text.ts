import { formatMoney, type LocalizedText } from "@linli/core";

/**
 * Formatted amounts for line texts. `formatMoney` builds an `Intl.NumberFormat` on every
 * call, which costs tens of microseconds; quotes repeat the same few configured prices, so
 * the formatted texts are memoized per currency and amount (one map look-up per amount, no
 * key string built per call). The memo is bounded so a long-running process cannot grow it
 * without limit.
 */
const MEMO_LIMIT = 4096;
const memo = new Map<string, Map<number, LocalizedText>>();

/** `amount` minor units of `currency` formatted with Intl in `locale` (e.g. `¥1.00`). */
export function formatAmount(amount: number, currency: string, locale: string): string {
  if (locale === "zh-CN" || locale === "en") return amountTexts(amount, currency)[locale];
  return formatMoney({ amount, currency }, locale);
}

/**
 * The same amount formatted for each message locale: zh-CN texts in zh-CN, en texts in en.
 * The returned object is shared between calls with the same amount and currency (frozen).
 */
export function amountTexts(amount: number, currency: string): LocalizedText {
  let table = memo.get(currency);
  if (table === undefined) {
    table = new Map();
    memo.set(currency, table);
  }
  let texts = table.get(amount);
  if (texts === undefined) {
    texts = Object.freeze({
      "zh-CN": formatMoney({ amount, currency }, "zh-CN"),
      en: formatMoney({ amount, currency }, "en"),
    });
    if (table.size >= MEMO_LIMIT) table.clear();
    table.set(amount, texts);
  }
  return texts;
}
