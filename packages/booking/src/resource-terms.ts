import type { RuleKinds } from "./rule-book";
import type { ResolvedRule } from "./rule-kind";

/** Buffers in milliseconds. */
export interface Buffer {
  readonly beforeMs: number;
  readonly afterMs: number;
}

/** The capacity after capacity rules: the lowest of the physical capacity and every rule's cap. */
export function capacityUnder(rules: readonly ResolvedRule[], kinds: RuleKinds, physical: number): number {
  let cap = physical;
  for (const rule of rules) {
    const c = kinds.get(rule.kind)?.capacity?.(rule.params);
    if (c !== undefined && c < cap) cap = c;
  }
  return cap;
}

/** The buffers around bookings: the highest before and after among the rules. */
export function bufferUnder(rules: readonly ResolvedRule[], kinds: RuleKinds): Buffer {
  let beforeMs = 0;
  let afterMs = 0;
  for (const rule of rules) {
    const b = kinds.get(rule.kind)?.buffer?.(rule.params);
    if (!b) continue;
    beforeMs = Math.max(beforeMs, b.beforeMinutes * 60_000);
    afterMs = Math.max(afterMs, b.afterMinutes * 60_000);
  }
  return { beforeMs, afterMs };
}

/** The slot grid: the first grid rule's, else the default granularity from local midnight. */
export function gridUnder(
  rules: readonly ResolvedRule[],
  kinds: RuleKinds,
  defaultGranularityMinutes: number,
): { granularityMinutes: number; offsetMinutes: number } {
  for (const rule of rules) {
    const g = kinds.get(rule.kind)?.grid?.(rule.params);
    if (g) return g;
  }
  return { granularityMinutes: defaultGranularityMinutes, offsetMinutes: 0 };
}
