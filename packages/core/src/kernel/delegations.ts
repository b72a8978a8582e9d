import * as z from "zod";
import { recordIdSchema } from "../record-id";
import { defineCommand } from "../command";
import { delegationModel, residentModel } from "../kernel-models";
import { coreEvents } from "./kernel-events";

/** Lets `delegateId` act for the subject resident (by the resident themself or staff). */
export const grantDelegation = defineCommand({
  subject: "required",
  input: z.object({ delegateId: recordIdSchema }),
  run: async (cx, { delegateId }) => {
    // A delegate may act for the resident, but not hand that power on.
    if (cx.actor.id !== cx.subject) cx.requireStaff("core.delegations.grant");
    await cx.tx.get(residentModel, delegateId);
    const residentId = cx.subject;
    const delegation = await cx.tx.create(delegationModel, { residentId, delegateId, grantedAt: cx.now });
    await cx.emit(coreEvents.DelegationGranted, { residentId, delegateId });
    return delegation;
  },
});

/** Ends a delegation (the resident, the delegate or staff). */
export const revokeDelegation = defineCommand({
  subject: "none",
  input: z.object({ delegationId: recordIdSchema }),
  run: async (cx, { delegationId }) => {
    const d = await cx.tx.get(delegationModel, delegationId);
    if (cx.actor.id !== d.residentId && cx.actor.id !== d.delegateId)
      cx.requireStaff("core.delegations.revoke");
    const updated = await cx.tx.updateById(delegationModel, delegationId, { revokedAt: cx.now });
    await cx.emit(coreEvents.DelegationRevoked, { residentId: d.residentId, delegateId: d.delegateId });
    return updated;
  },
});
