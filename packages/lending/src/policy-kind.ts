import type { ActorKind, LocalizedText, ReportProblem, Violation } from "@linli/core";
import { defineRegistry } from "@linli/core";
import type * as z from "zod";

/** One unit asked for in a loan, as the policies see it. */
export interface LoanItemFacts {
  readonly itemTypeId: string;
  readonly category: string;
  /** The eligibility group recording the training this type needs; null for none. */
  readonly trainingGroup: string | null;
}

/** A loan the resident already has, as the policies see it. */
export interface ActiveLoanFacts {
  readonly loanId: string;
  readonly itemTypeId: string;
  readonly category: string;
  readonly dueAt: Date;
}

/** What is asked: the units of one check-out, for whom, by whom. */
export interface LoanRequest {
  readonly residentId: string;
  readonly items: readonly LoanItemFacts[];
  /** Who lends: staff, or a volunteer on duty. */
  readonly actorKind: ActorKind;
  /** Staff approve restricted items for a resident without the training. */
  readonly staffApproval: boolean;
}

/** What the policies know about the borrower, loaded in the command's transaction. */
export interface BorrowerFacts {
  /** The resident's loans not yet returned. */
  readonly activeLoans: readonly ActiveLoanFacts[];
  /** The resident's eligibility groups now (training is recorded as a group). */
  readonly groups: readonly string[];
  /** Every version of the borrower agreement the resident accepted. */
  readonly acceptedAgreements: readonly string[];
}

/** The name of one of the {@link BorrowerFacts}: what a policy kind says it reads. */
export type BorrowerFactName = keyof BorrowerFacts;

/** A configured policy: its id, kind and the kind's params. */
export interface PolicyConfig {
  readonly id: string;
  readonly kind: string;
  readonly [param: string]: unknown;
}

/** What a policy kind's `evaluate` receives. */
export interface PolicyContext {
  /** The configured policy (what violations name). */
  readonly policy: { readonly id: string; readonly kind: string };
  readonly request: LoanRequest;
  readonly borrower: BorrowerFacts;
  /** The instant of the decision. */
  readonly now: Date;
  /** The community's IANA zone. */
  readonly timeZone: string;
}

/**
 * A kind of loan policy: a zod schema for its params, a pure `evaluate` that returns every
 * violation with zh-CN/en reasons, and an optional semantic `check` run at config load. The
 * lending plugin runs every configured policy of every registered kind the same way; a
 * community plugin adds a kind by contributing one to {@link lendingPolicyKinds}.
 */
export interface LoanPolicyKind<S extends z.ZodObject = z.ZodObject, K extends string = string> {
  /** The kind's name as written in the config (`kind: "max-loans"`). */
  readonly kind: K;
  /** What the kind does, for documentation and config editors. */
  readonly description: LocalizedText;
  /** The schema of the policy's params (besides `id` and `kind`). */
  readonly params: S;
  /** Every violation of this policy by the request; empty when allowed. Pure. */
  evaluate(params: z.output<S>, cx: PolicyContext): Violation[];
  /**
   * The borrower facts `evaluate` reads for this request. A check-out loads only the facts some
   * configured policy reads (one statement each) and gives the others empty. Omitted: the kind
   * reads every fact. Pure.
   */
  facts?(params: z.output<S>, request: LoanRequest): readonly BorrowerFactName[];
  /**
   * Contradictions within one configured policy that its schema does not express; report
   * each with a path relative to the policy, a stable code and zh-CN/en messages. Pure; run at
   * config load for every configured policy of this kind.
   */
  check?(params: z.output<S>, report: ReportProblem): void;
}

/** Any loan policy kind. */
export type AnyLoanPolicyKind = LoanPolicyKind<any, string>;

/** The registry of loan policy kinds: lending contributes the built-in ones, other plugins add theirs. */
export const lendingPolicyKinds = defineRegistry<AnyLoanPolicyKind>("lending.policy-kinds");

/** Declares a loan policy kind with its params type and literal name inferred. */
export function defineLoanPolicyKind<S extends z.ZodObject, const K extends string>(
  kind: LoanPolicyKind<S, K>,
): LoanPolicyKind<S, K> {
  return kind;
}
