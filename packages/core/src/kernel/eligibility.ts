import { instantSchema } from "../instant-input";
import * as z from "zod";
import { recordIdSchema } from "../record-id";
import { defineCommand, defineQuery } from "../command";
import type { CommunityConfig } from "../plugin";
import { coreErrors } from "../core-errors";
import { LinliError } from "../errors";
import { eligibilityGrantModel } from "../kernel-models";
import type { RowOf } from "../model";
import { type Page, pageInput, readPage } from "../page";
import { groupsAt } from "../runtime";
import { coreEvents } from "./kernel-events";

const DAY_MS = 86_400_000;

function groupDef(config: CommunityConfig, groupId: string) {
  const group = config.groups.find((g) => g.id === groupId);
  if (!group) throw LinliError.from(coreErrors, "UNKNOWN_GROUP", { groupId });
  return group;
}

/**
 * Records that the subject resident belongs to an eligibility group, with who verified it,
 * the evidence reference and the validity period. Staff only, except for groups configured
 * as `self-declared`, which a resident may declare for themself. Emits `EligibilityGranted`.
 */
export const grantEligibility = defineCommand({
  subject: "required",
  input: z.object({
    groupId: recordIdSchema,
    evidenceRef: z.string().max(500).nullable().optional(),
    validFrom: instantSchema.optional(),
    validUntil: instantSchema.nullable().optional(),
  }),
  run: async (cx, input) => {
    const group = groupDef(cx.config, input.groupId);
    const selfDeclared = group.verification === "self-declared" && cx.actor.id === cx.subject;
    if (!selfDeclared) cx.requireStaff("core.eligibility.grant");
    const validFrom = input.validFrom ?? cx.now;
    const validUntil =
      input.validUntil !== undefined
        ? input.validUntil
        : group.validForDays !== undefined
          ? new Date(validFrom.getTime() + group.validForDays * DAY_MS)
          : null;
    if (validUntil !== null && validUntil.getTime() <= validFrom.getTime()) {
      throw LinliError.from(coreErrors, "VALIDATION_FAILED", {
        summary: "validUntil must be after validFrom",
      });
    }
    const grant = await cx.tx.create(eligibilityGrantModel, {
      residentId: cx.subject,
      groupId: input.groupId,
      verifiedBy: cx.actor.id,
      verifiedAt: cx.now,
      evidenceRef: input.evidenceRef ?? null,
      validFrom,
      validUntil,
    });
    cx.audit({
      action: "eligibility.granted",
      residentId: grant.residentId,
      target: `eligibility-grant:${grant.id}`,
      details: { groupId: grant.groupId, selfDeclared },
    });
    await cx.emit(coreEvents.EligibilityGranted, {
      grantId: grant.id,
      residentId: grant.residentId,
      groupId: grant.groupId,
    });
    return grant;
  },
});

/** Revokes a grant from now on (staff). Emits `EligibilityRevoked`. */
export const revokeEligibility = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ grantId: recordIdSchema, reason: z.string().max(1000).optional() }),
  run: async (cx, { grantId, reason }) => {
    const grant = await cx.tx.updateById(eligibilityGrantModel, grantId, {
      revokedAt: cx.now,
      revokedBy: cx.actor.id,
    });
    cx.audit({
      action: "eligibility.revoked",
      residentId: grant.residentId,
      target: `eligibility-grant:${grantId}`,
      reason: reason ?? null,
      details: { groupId: grant.groupId },
    });
    await cx.emit(coreEvents.EligibilityRevoked, {
      grantId,
      residentId: grant.residentId,
      groupId: grant.groupId,
    });
    return grant;
  },
});

/** The groups the subject resident is in at `at` (default now). Sensitive: staff, admin and system only. */
export const groupsOf = defineQuery({
  allow: "staff",
  subject: "required",
  input: z.object({ at: instantSchema.optional() }),
  run: (cx, { at }) => groupsAt(cx.tx, cx.subject, at ?? cx.now),
});

/**
 * The grants of the subject resident, past and present, with verifier and evidence, by
 * `validFrom`, a page at a time (`limit`, `after`; see {@link Page}) (staff only).
 */
export const grantsOf = defineQuery({
  allow: "staff",
  subject: "required",
  input: z.object(pageInput),
  run: (cx, { limit, after }): Promise<Page<RowOf<typeof eligibilityGrantModel>>> =>
    readPage(cx.tx, eligibilityGrantModel, {
      where: [{ field: "residentId", value: cx.subject }],
      order: { field: "validFrom" },
      limit,
      after,
    }),
});
