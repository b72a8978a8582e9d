import { type Actor, isStaffLike } from "./actor";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { delegationModel, residentModel } from "./kernel-models";
import type { Tx } from "./tx";

/** The `ACCESS_DENIED` error for an actor and an action. */
export function accessDenied(
  actor: Actor,
  action: string,
  details: Record<string, unknown> = {},
): LinliError {
  return LinliError.from(
    coreErrors,
    "ACCESS_DENIED",
    { actorKind: actor.kind, action },
    { details: { actorId: actor.id, ...details } },
  );
}

/**
 * Whether `actor` may act for `residentId`: staff, admin and system act for anyone; a
 * resident or volunteer acts for themself and for residents who delegated to them.
 */
export async function mayActFor(tx: Tx, actor: Actor, residentId: string): Promise<boolean> {
  if (isStaffLike(actor)) return true;
  if (actor.id === residentId) return true;
  const delegation = await tx.findOne(delegationModel, [
    { field: "residentId", value: residentId },
    { field: "delegateId", value: actor.id },
    { field: "revokedAt", value: null },
  ]);
  return delegation !== null;
}

/** Throws `UNKNOWN_RESIDENT` unless the resident exists. */
export async function requireResident(tx: Tx, residentId: string): Promise<void> {
  const found = await tx.findById(residentModel, residentId);
  if (!found) throw LinliError.from(coreErrors, "UNKNOWN_RESIDENT", { residentId });
}
