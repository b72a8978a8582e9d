import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { lendingEvents } from "../events";
import type { LendingCx } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { agreementModel } from "../lending-models";

/** The borrower agreement version in force: the `borrower-agreement` policy's, or null. */
export function currentAgreement(cx: LendingCx): string | null {
  const policy = cx.options.policies.find((p) => p.kind === "borrower-agreement");
  return policy && typeof policy.version === "string" ? policy.version : null;
}

/**
 * `lending.acceptAgreement`: the resident accepts the borrower agreement in force (the desk
 * records it for a caller). Accepting again is harmless. Another version than the one in force
 * is `AGREEMENT_VERSION_MISMATCH`. Emits `AgreementAccepted` the first time.
 */
export const acceptAgreement = defineCommand({
  subject: "required",
  input: z.object({ version: z.string().min(1).max(50) }),
  run: async (cx: LendingCx & { subject: string }, input) => {
    const current = currentAgreement(cx);
    if (current === null) throw LinliError.from(lendingErrors, "NO_AGREEMENT");
    if (current !== input.version)
      throw LinliError.from(lendingErrors, "AGREEMENT_VERSION_MISMATCH", { current, version: input.version });
    const where = [
      { field: "residentId" as const, value: cx.subject },
      { field: "version" as const, value: current },
    ];
    const existing = await cx.tx.findOne(agreementModel, where);
    if (existing) return existing;
    const row = await cx.tx.create(agreementModel, {
      residentId: cx.subject,
      version: current,
      acceptedAt: cx.now,
    });
    await cx.emit(lendingEvents.AgreementAccepted, { residentId: cx.subject, version: current });
    return row;
  },
});
