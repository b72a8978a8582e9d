import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";

/**
 * An amount of money: an integer number of minor units (fen for CNY) and an ISO 4217
 * currency code. There is no floating point anywhere in linli's money.
 */
export interface Money {
  /** Integer minor units, e.g. 100 for 1 yuan. */
  readonly amount: number;
  /** ISO 4217 code, e.g. `CNY`. */
  readonly currency: string;
}

/**
 * How to round a fractional number of minor units to an integer.
 * - `half-up`: halves away from zero (commercial rounding, the default)
 * - `half-even`: halves to the even neighbour (banker's rounding)
 * - `half-down`: halves towards zero
 * - `up` / `down`: away from / towards zero
 * - `ceil` / `floor`: towards +∞ / −∞
 */
export type RoundingMode = "half-up" | "half-even" | "half-down" | "up" | "down" | "ceil" | "floor";

/** The rounding modes, for schemas. */
export const ROUNDING_MODES = ["half-up", "half-even", "half-down", "up", "down", "ceil", "floor"] as const;

/** An exact rational factor: `numerator / denominator`, both integers, denominator > 0. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

const supportedCurrencies = new Set<string>(
  typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("currency") : [],
);

/** True when `code` is an ISO 4217 currency code known to the runtime's Intl data. */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && (supportedCurrencies.size === 0 || supportedCurrencies.has(code));
}

/** The number of minor-unit digits of a currency (2 for CNY, 0 for JPY). */
export function minorDigits(currency: string): number {
  assertCurrency(currency);
  return (
    new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2
  );
}

function assertCurrency(currency: string): void {
  if (!isCurrency(currency)) throw LinliError.from(coreErrors, "INVALID_CURRENCY", { currency });
}

function assertAmount(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw LinliError.from(coreErrors, "INVALID_AMOUNT", { amount });
}

/** Creates money from integer minor units. Throws `INVALID_AMOUNT` / `INVALID_CURRENCY`. */
export function money(amount: number, currency: string): Money {
  assertAmount(amount);
  assertCurrency(currency);
  return { amount: amount === 0 ? 0 : amount, currency };
}

/** Zero in a currency. */
export function zero(currency: string): Money {
  return money(0, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw LinliError.from(coreErrors, "CURRENCY_MISMATCH", { left: a.currency, right: b.currency });
  }
}

/** `a + b` (same currency). */
export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
}

/** `a - b` (same currency). */
export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
}

/** The sum of a list; `currency` names the currency of an empty list. */
export function sum(items: readonly Money[], currency: string): Money {
  return items.reduce((acc, m) => add(acc, m), zero(currency));
}

/** `-m`. */
export function negate(m: Money): Money {
  return money(-m.amount, m.currency);
}

/** Compares two amounts of one currency: negative, zero or positive. */
export function compare(a: Money, b: Money): number {
  sameCurrency(a, b);
  return a.amount - b.amount;
}

/** The larger of two amounts. */
export function max(a: Money, b: Money): Money {
  return compare(a, b) >= 0 ? a : b;
}

/** The smaller of two amounts. */
export function min(a: Money, b: Money): Money {
  return compare(a, b) <= 0 ? a : b;
}

/**
 * Divides two integers exactly (as BigInt) and rounds the quotient by `mode`. The building
 * block of every fractional money operation.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) return divideRounded(-numerator, -denominator, mode);
  const q = numerator / denominator; // truncates towards zero
  const r = numerator % denominator;
  if (r === 0n) return q;
  const negative = numerator < 0n;
  const away = negative ? q - 1n : q + 1n;
  const twice = (r < 0n ? -r : r) * 2n;
  switch (mode) {
    case "down":
      return q;
    case "up":
      return away;
    case "floor":
      return negative ? away : q;
    case "ceil":
      return negative ? q : away;
    case "half-up":
      return twice >= denominator ? away : q;
    case "half-down":
      return twice > denominator ? away : q;
    case "half-even":
      if (twice > denominator) return away;
      if (twice < denominator) return q;
      return q % 2n === 0n ? q : away;
  }
}

/**
 * `m × ratio`, rounded by `mode` (default `half-up`). Exact for any integer ratio:
 * `multiply(price, { numerator: 16, denominator: 30 })` refunds 16/30 of a price.
 */
export function multiply(m: Money, factor: number | Ratio, mode: RoundingMode = "half-up"): Money {
  const ratio = typeof factor === "number" ? { numerator: factor, denominator: 1 } : factor;
  if (
    !Number.isSafeInteger(ratio.numerator) ||
    !Number.isSafeInteger(ratio.denominator) ||
    ratio.denominator <= 0
  ) {
    throw new RangeError(
      `ratio must be integers with a positive denominator, got ${ratio.numerator}/${ratio.denominator}`,
    );
  }
  const result = divideRounded(BigInt(m.amount) * BigInt(ratio.numerator), BigInt(ratio.denominator), mode);
  return money(Number(result), m.currency);
}

/** `m × percent / 100` where percent may have up to two decimals given as basis points. */
export function percentage(m: Money, basisPoints: number, mode: RoundingMode = "half-up"): Money {
  return multiply(m, { numerator: basisPoints, denominator: 10_000 }, mode);
}

/**
 * Splits `m` into parts proportional to `ratios` without losing a minor unit: the parts
 * always sum to `m`. Remainders go to the largest fractional parts first (ties to the
 * earlier part).
 */
export function allocate(m: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) throw new RangeError("allocate needs at least one ratio");
  if (ratios.some((r) => !Number.isSafeInteger(r) || r < 0))
    throw new RangeError("ratios are non-negative integers");
  const total = ratios.reduce((a, b) => a + b, 0);
  if (total === 0) throw new RangeError("ratios sum to zero");
  const amount = BigInt(m.amount);
  const bigTotal = BigInt(total);
  const parts = ratios.map((r) => (amount * BigInt(r)) / bigTotal);
  const remainders = ratios.map((r, i) => ({ i, rem: (amount * BigInt(r)) % bigTotal }));
  let left = amount - parts.reduce((a, b) => a + b, 0n);
  const step = left >= 0n ? 1n : -1n;
  remainders.sort((a, b) => {
    const da = a.rem < 0n ? -a.rem : a.rem;
    const db = b.rem < 0n ? -b.rem : b.rem;
    return da === db ? a.i - b.i : da > db ? -1 : 1;
  });
  for (let k = 0; left !== 0n; k = (k + 1) % parts.length) {
    const idx = remainders[k]!.i;
    parts[idx] = parts[idx]! + step;
    left -= step;
  }
  return parts.map((p) => money(Number(p), m.currency));
}

/** Formats money with `Intl.NumberFormat` in a locale, e.g. `¥1.00` (zh-CN) or `CN¥1.00` (en). */
export function formatMoney(m: Money, locale = "zh-CN"): string {
  const digits = minorDigits(m.currency);
  const fmt = new Intl.NumberFormat(locale, { style: "currency", currency: m.currency });
  // Exact decimal string from integer minor units, so no float rounding sneaks in.
  const negative = m.amount < 0;
  const abs = Math.abs(m.amount)
    .toString()
    .padStart(digits + 1, "0");
  const decimal = digits === 0 ? abs : `${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
  return fmt.format(`${negative ? "-" : ""}${decimal}` as unknown as number);
}
