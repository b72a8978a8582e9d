import { borrowerAgreementKind } from "./borrower-agreement";
import { maxLoansKind } from "./max-loans";
import { noLoansWhileOverdueKind } from "./no-loans-while-overdue";
import { trainingRequiredKind } from "./training-required";

/** The loan policy kinds the lending plugin contributes itself. */
export const builtInPolicyKinds = [
  maxLoansKind,
  noLoansWhileOverdueKind,
  trainingRequiredKind,
  borrowerAgreementKind,
] as const;
