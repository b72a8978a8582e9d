import { type Violation, violation } from "@linli/core";
import * as z from "zod";
import { defineLoanPolicyKind } from "../policy-kind";

/** Params of `borrower-agreement`: the current version residents must have accepted. */
export const borrowerAgreementParams = z.object({
  /** The version in force (`2026-1`); a new version must be accepted again. */
  version: z
    .string()
    .min(1)
    .max(50)
    .describe("The version in force (`2026-1`); a new version must be accepted again."),
  /** Where the text is (a document id or URL). */
  textRef: z.string().max(500).optional().describe("Where the text is (a document id or URL)."),
});

/** `borrower-agreement`: a resident accepts the current version of the agreement before a loan. */
export const borrowerAgreementKind = defineLoanPolicyKind({
  kind: "borrower-agreement",
  description: {
    "zh-CN": "首次借用前（及协议更新后）须同意借用协议",
    en: "The borrower agreement is accepted before a first loan (and again when it changes)",
  },
  params: borrowerAgreementParams,
  check(params, report) {
    if (params.version.trim() !== params.version)
      report(["version"], "INVALID_VERSION", {
        "zh-CN": "协议版本号首尾不能有空格",
        en: "The agreement version has leading or trailing spaces",
      });
  },
  facts: () => ["acceptedAgreements"],
  evaluate(params, cx): Violation[] {
    if (cx.borrower.acceptedAgreements.includes(params.version)) return [];
    return [
      violation(
        "AGREEMENT_NOT_ACCEPTED",
        cx.policy.id,
        {
          "zh-CN": "请先同意借用协议（版本 {version}）",
          en: "The borrower agreement (version {version}) must be accepted first",
        },
        { version: params.version },
      ),
    ];
  },
});
