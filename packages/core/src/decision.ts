import type { LocalizedText, MessageParams } from "./message";
import { renderText } from "./message";

/**
 * One reason a request is refused: which rule, the stable code, the facts (params) and a
 * message in zh-CN and en that a desk clerk can read out to the resident.
 */
export interface Violation {
  /** Stable UPPER_SNAKE code, e.g. `OUTSIDE_OPENING_HOURS`. */
  readonly code: string;
  /** The id of the configured rule (or rule kind) that was violated. */
  readonly rule: string;
  /** Facts behind the refusal, also substituted into the message. */
  readonly params: MessageParams;
  /** The explanation in every locale. */
  readonly message: LocalizedText;
}

/**
 * The outcome of a pure decision: either allowed, or refused with every violation found
 * (never only the first). Rule outcomes are values, not exceptions.
 */
export type Decision = { readonly ok: true; readonly violations: readonly [] } | Refusal;

/** A refused {@link Decision}: at least one violation. */
export interface Refusal {
  readonly ok: false;
  readonly violations: readonly [Violation, ...Violation[]];
}

/** Builds a {@link Violation}, rendering the message template with its params. */
export function violation(
  code: string,
  rule: string,
  template: LocalizedText,
  params: MessageParams = {},
): Violation {
  return { code, rule, params, message: renderText(template, params) };
}

/** The allowed decision. */
export const ALLOWED: Decision = Object.freeze({ ok: true, violations: [] as [] });

/** Combines violations into a decision: allowed when the list is empty. */
export function decide(violations: readonly Violation[]): Decision {
  if (violations.length === 0) return ALLOWED;
  return { ok: false, violations: violations as [Violation, ...Violation[]] };
}
