import { type Decision, decide, type Violation } from "@linli/core";
import type {
  AnyLoanPolicyKind,
  BorrowerFactName,
  BorrowerFacts,
  LoanRequest,
  PolicyConfig,
} from "./policy-kind";

/** What {@link loanEligibility} decides on. */
export interface LoanEligibilityInput {
  /** The configured policies (`lending.policies`). */
  readonly policies: readonly PolicyConfig[];
  /** The registered policy kinds (built-in and contributed). */
  readonly kinds: readonly AnyLoanPolicyKind[];
  readonly request: LoanRequest;
  readonly borrower: BorrowerFacts;
  readonly now: Date;
  readonly timeZone: string;
}

/**
 * Whether a resident may borrow the units asked for: every configured loan policy (limits,
 * training, the borrower agreement, "no new loans while overdue", contributed kinds) is
 * evaluated, and every violation is returned with its zh-CN/en reason, never only the first.
 * Pure: the command loads the facts and calls this; an app may call it on its own data.
 */
export function loanEligibility(input: LoanEligibilityInput): Decision {
  const kinds = new Map(input.kinds.map((k) => [k.kind, k]));
  const violations: Violation[] = [];
  for (const policy of input.policies) {
    const kind = kinds.get(policy.kind);
    if (!kind) continue;
    const { id, kind: name, ...params } = policy;
    violations.push(
      ...kind.evaluate(params, {
        policy: { id, kind: name },
        request: input.request,
        borrower: input.borrower,
        now: input.now,
        timeZone: input.timeZone,
      }),
    );
  }
  return decide(violations);
}

const EVERY_FACT: readonly BorrowerFactName[] = ["activeLoans", "groups", "acceptedAgreements"];

/**
 * The borrower facts the configured policies read for this request (see
 * `LoanPolicyKind.facts`): a kind that does not say reads them all; a policy of a kind not
 * registered reads none (it is skipped by {@link loanEligibility}). Pure.
 */
export function borrowerFactsNeeded(
  policies: readonly PolicyConfig[],
  kinds: readonly AnyLoanPolicyKind[],
  request: LoanRequest,
): Set<BorrowerFactName> {
  const needed = new Set<BorrowerFactName>();
  for (const policy of policies) {
    const kind = kinds.find((k) => k.kind === policy.kind);
    if (!kind) continue;
    const { id: _id, kind: _kind, ...params } = policy;
    for (const fact of kind.facts ? kind.facts(params, request) : EVERY_FACT) needed.add(fact);
    if (needed.size === EVERY_FACT.length) break;
  }
  return needed;
}
