import { type Decision, decide, type Violation } from "@linli/core";
import type { AnyLoanPolicyKind, BorrowerFacts, LoanRequest, PolicyConfig } from "./policy-kind";

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
