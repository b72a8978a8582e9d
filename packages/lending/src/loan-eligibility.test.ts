import { describe, expect, test } from "vitest";
import * as z from "zod";
import { borrowerFactsNeeded, loanEligibility } from "./loan-eligibility";
import { builtInPolicyKinds } from "./policies/built-in-policy-kinds";
import type { AnyLoanPolicyKind, BorrowerFacts, LoanRequest } from "./policy-kind";

const now = new Date("2026-09-22T02:00:00Z");
const policies = [
  { id: "five", kind: "max-loans", max: 5, categories: [] },
  { id: "one-power", kind: "max-loans", max: 1, categories: ["power-tools"] },
  { id: "overdue", kind: "no-loans-while-overdue", graceHours: 0 },
  { id: "training", kind: "training-required", allowStaffApproval: true },
  { id: "agreement", kind: "borrower-agreement", version: "2026-2" },
];
const drill = { itemTypeId: "drill", category: "power-tools", trainingGroup: "power-tool-trained" };
const borrower: BorrowerFacts = { activeLoans: [], groups: [], acceptedAgreements: ["2026-1"] };
const request: LoanRequest = {
  residentId: "wang",
  items: [drill],
  actorKind: "volunteer",
  staffApproval: false,
};
const decide = (r: Partial<LoanRequest> = {}, b: Partial<BorrowerFacts> = {}) =>
  loanEligibility({
    policies,
    kinds: builtInPolicyKinds,
    request: { ...request, ...r },
    borrower: { ...borrower, ...b },
    now,
    timeZone: "Asia/Shanghai",
  });

describe("loan eligibility", () => {
  test("every reason at once, each in zh-CN and en", () => {
    const d = decide(
      {},
      {
        activeLoans: [
          {
            loanId: "l1",
            itemTypeId: "saw",
            category: "power-tools",
            dueAt: new Date("2026-09-20T00:00:00Z"),
          },
        ],
      },
    );
    expect(d.violations.map((v) => [v.rule, v.code])).toEqual([
      ["one-power", "LOAN_LIMIT"],
      ["overdue", "OVERDUE_LOANS"],
      ["training", "TRAINING_REQUIRED"],
      ["agreement", "AGREEMENT_NOT_ACCEPTED"],
    ]);
    expect(d.violations[3]!.message).toEqual({
      "zh-CN": "请先同意借用协议（版本 2026-2）",
      en: "The borrower agreement (version 2026-2) must be accepted first",
    });
  });

  test("a new agreement version must be accepted again; training recorded as a group lets the drill go", () => {
    expect(decide({}, { groups: ["power-tool-trained"], acceptedAgreements: ["2026-1", "2026-2"] }).ok).toBe(
      true,
    );
  });

  test("staff approval stands in for the training; a volunteer's does not", () => {
    const b = { acceptedAgreements: ["2026-2"] };
    expect(decide({ actorKind: "staff", staffApproval: true }, b).ok).toBe(true);
    expect(decide({ actorKind: "volunteer", staffApproval: true }, b).violations.map((v) => v.code)).toEqual([
      "TRAINING_REQUIRED",
    ]);
  });
});

describe("the borrower facts a check-out reads", () => {
  const trowel = { itemTypeId: "trowel", category: "garden", trainingGroup: null };
  const needed = (r: Partial<LoanRequest>, kinds: readonly AnyLoanPolicyKind[] = builtInPolicyKinds) =>
    [...borrowerFactsNeeded(policies, kinds, { ...request, ...r })].sort();

  test("the groups only when an item needs a training that no staff approval covers", () => {
    expect(needed({ items: [drill] })).toEqual(["acceptedAgreements", "activeLoans", "groups"]);
    expect(needed({ items: [trowel] })).toEqual(["acceptedAgreements", "activeLoans"]);
    expect(needed({ items: [drill], actorKind: "staff", staffApproval: true })).toEqual([
      "acceptedAgreements",
      "activeLoans",
    ]);
  });

  test("a contributed kind that does not say what it reads gets every fact", () => {
    const custom = {
      kind: "max-loans",
      description: { "zh-CN": "", en: "" },
      params: z.object({}),
      evaluate: () => [],
    };
    expect(needed({ items: [trowel] }, [custom])).toEqual(["acceptedAgreements", "activeLoans", "groups"]);
  });
});
