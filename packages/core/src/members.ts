import { type Actor, isStaffLike } from "./actor";
import { accessDenied } from "./access";
import { defaultRoles, type MemberDecl } from "./config-schema";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { residentModel } from "./kernel-models";
import { memberModel } from "./member-model";
import type { CommunityConfig } from "./plugin";
import type { Tx } from "./tx";

/** The role every registered resident has, for `permissions`. */
export const RESIDENT_ROLE = "resident";

/** A member as the kernel sees it: the stored record, else the configuration's declaration. */
export interface EffectiveMember {
  /** The member's id (the actor id). */
  readonly id: string;
  /** The actor kind the id acts as. */
  readonly kind: string;
  /** Roles for `permissions`. */
  readonly roles: readonly string[];
  /** A display name, when known. */
  readonly name: string | null;
  /** False once deactivated. */
  readonly active: boolean;
  /** Where the member comes from. */
  readonly source: "config" | "stored";
}

/** The members declared in a configuration, by id. */
export function declaredMembers(config: CommunityConfig): ReadonlyMap<string, MemberDecl> {
  return new Map((config.members ?? []).map((m) => [m.id, m]));
}

/** A member by id: the stored record, else the declared one, else undefined. */
export async function findMember(
  tx: Tx,
  declared: ReadonlyMap<string, MemberDecl>,
  id: string,
): Promise<EffectiveMember | undefined> {
  const stored = await tx.findById(memberModel, id);
  if (stored) {
    const { kind, roles, name, active } = stored;
    return { id, kind, roles, name, active, source: "stored" };
  }
  const decl = declared.get(id);
  if (!decl) return undefined;
  return {
    id,
    kind: decl.kind,
    roles: decl.roles ?? defaultRoles(decl.kind),
    name: decl.name ?? null,
    active: true,
    source: "config",
  };
}

/**
 * Verifies that the acting id exists and is active, and returns its roles: a resident must be
 * registered; a staff member, admin, system account or volunteer must be an active member of
 * that kind. Anything else is `UNKNOWN_ACTOR`, the one answer whether the id is unknown,
 * inactive or of another kind (which of these is not told).
 */
export async function verifyActor(
  tx: Tx,
  declared: ReadonlyMap<string, MemberDecl>,
  actor: Actor,
): Promise<readonly string[]> {
  if (actor.kind === "resident") {
    if (await tx.findById(residentModel, actor.id)) return [RESIDENT_ROLE];
    throw unknownActor();
  }
  const member = await findMember(tx, declared, actor.id);
  if (!member?.active || member.kind !== actor.kind) throw unknownActor();
  return member.roles;
}

/** Throws `ACCESS_DENIED` when the configuration's `permissions` restrict `command` to roles the actor lacks. */
export function checkPermission(
  config: CommunityConfig,
  command: string,
  actor: Actor,
  roles: readonly string[],
): void {
  const allowed = config.permissions?.[command];
  if (allowed === undefined) return;
  if (!roles.some((role) => allowed.includes(role))) throw accessDenied(actor, command);
}

/** Throws `ACCESS_DENIED` unless the actor is an admin or the system (managing members). */
export function requireAdmin(actor: Actor, action: string): void {
  if (!isStaffLike(actor) || actor.kind === "staff") throw accessDenied(actor, action);
}

function unknownActor(): LinliError {
  return LinliError.from(coreErrors, "UNKNOWN_ACTOR", {});
}

/**
 * Enrols `id` as an active volunteer member, for plugins that register volunteers (such as
 * `@linli/volunteers`): from then on `{ kind: "volunteer", id }` passes the kernel's actor
 * check. A stored record of another kind is left as it is (an id acts as one kind), and an
 * inactive volunteer record is not reactivated here: that is an admin's decision
 * (`core.members.setRoles` / `add`). Runs in the caller's transaction.
 */
export async function enrolVolunteer(
  tx: Tx,
  id: string,
  at: Date,
  name: string | null = null,
): Promise<void> {
  if (await tx.findById(memberModel, id)) return;
  await tx.create(memberModel, {
    id,
    kind: "volunteer",
    roles: defaultRoles("volunteer"),
    name,
    active: true,
    updatedAt: at,
  });
}
