import { type CommandContext, coreErrors, LinliError } from "@linli/core";
import type { RuleKinds } from "./rule-book";
import type { ResolvedRule, RuleSnapshot } from "./rule-kind";

/**
 * Rule facts: data a rule kind decides on that booking does not own (a resident's
 * memberships, held by pricing). A rule kind names the facts it reads (`facts: [...]`);
 * whenever a rule of that kind applies to the resource, booking asks each fact's loader once,
 * inside the command's (or query's) transaction and under the same locks as the bookings it
 * reads, and puts the result into the snapshot under the fact's id. The kind's pure
 * `evaluate` then reads it with {@link readFact}. Loaders are never asked for resources whose
 * rules do not need them, so a fact costs nothing where it is not used.
 */

/** What a fact loader is asked for: a resource, a resident and the time the rules will look at. */
export interface FactQuery {
  /** The resource booked (or whose availability is asked). */
  readonly resourceId: string;
  /** The resident the booking is for; null for a staff booking for no resident. */
  readonly residentId: string | null;
  /** Start of the time judged: a request's start, or an availability window's. */
  readonly start: Date;
  /** End of the time judged (exclusive). */
  readonly end: Date;
}

/**
 * A fact that rule kinds read from the snapshot, and how to load it in a transaction. The
 * value should describe the resident over time (memberships with their validity), not one
 * instant: availability loads it once for a whole window and asks the rule slot by slot.
 */
export interface RuleFact<T = unknown, I extends string = string> {
  /** Unique id, `plugin.thing` (`pricing.memberships`): the key in `snapshot.facts`. */
  readonly id: I;
  /** Loads the fact inside the transaction; read-only (it also runs in queries). */
  load(cx: CommandContext, query: FactQuery): Promise<T>;
}

/** Facts loaded for a judgement, by fact id (`RuleSnapshot.facts`). */
export type RuleFacts = Readonly<Record<string, unknown>>;

/** Declares a rule fact with its value type and literal id inferred. */
export function defineRuleFact<T, const I extends string>(fact: RuleFact<T, I>): RuleFact<T, I> {
  return fact;
}

/**
 * The value of a fact in a snapshot, or undefined when it was not loaded (an app calling
 * `evaluateBooking` without it). The value is the one the fact's own loader returned.
 */
export function readFact<T>(snapshot: RuleSnapshot, fact: RuleFact<T>): T | undefined {
  // Only `fact.load` writes under `fact.id` (ids are checked unique by `checkRuleFacts`).
  return snapshot.facts?.[fact.id] as T | undefined;
}

/** The distinct facts the rules need (by id, first come first kept). */
export function factsNeeded(rules: readonly ResolvedRule[], kinds: RuleKinds): RuleFact[] {
  const out = new Map<string, RuleFact>();
  for (const rule of rules)
    for (const fact of kinds.get(rule.kind)?.facts ?? []) if (!out.has(fact.id)) out.set(fact.id, fact);
  return [...out.values()];
}

/** Loads every fact the rules need, in the caller's transaction. Empty when none is needed. */
export async function loadRuleFacts(
  cx: CommandContext,
  rules: readonly ResolvedRule[],
  kinds: RuleKinds,
  query: FactQuery,
): Promise<RuleFacts> {
  const facts: Record<string, unknown> = {};
  for (const fact of factsNeeded(rules, kinds)) facts[fact.id] = await fact.load(cx, query);
  return facts;
}

/** Throws `PLUGIN_CONFLICT` when two different facts of the registered kinds share an id. */
export function checkRuleFacts(kinds: RuleKinds): void {
  const seen = new Map<string, RuleFact>();
  for (const kind of kinds.values()) {
    for (const fact of kind.facts ?? []) {
      const other = seen.get(fact.id);
      if (other !== undefined && other !== fact)
        throw LinliError.from(coreErrors, "PLUGIN_CONFLICT", {
          reason: `two different rule facts have the id "${fact.id}"`,
        });
      seen.set(fact.id, fact);
    }
  }
}
