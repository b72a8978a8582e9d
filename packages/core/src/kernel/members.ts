import * as z from "zod";
import { defineCommand, defineQuery } from "../command";
import { defaultRoles, idSchema, MEMBER_KINDS } from "../config-schema";
import { coreErrors } from "../core-errors";
import { LinliError } from "../errors";
import { residentModel } from "../kernel-models";
import { memberModel } from "../member-model";
import { declaredMembers, type EffectiveMember, findMember, requireAdmin } from "../members";
import { recordIdSchema } from "../record-id";
import type { CommandContext } from "../command";

const rolesInput = z.array(idSchema).min(1).max(20);

function unknownMember(id: string): LinliError {
  return LinliError.from(coreErrors, "NOT_FOUND", { model: "member", id });
}

async function memberOf(cx: CommandContext, id: string): Promise<EffectiveMember> {
  const member = await findMember(cx.tx, declaredMembers(cx.config), id);
  if (!member) throw unknownMember(id);
  return member;
}

/** Writes the member's stored record (the first change of a declared member creates it). */
async function store(
  cx: CommandContext,
  member: Pick<EffectiveMember, "id" | "kind" | "roles" | "name" | "active">,
  exists: boolean,
) {
  const row = { kind: member.kind, roles: [...member.roles], name: member.name, active: member.active };
  return exists
    ? cx.tx.updateById(memberModel, member.id, { ...row, updatedAt: cx.now })
    : cx.tx.create(memberModel, { id: member.id, ...row, updatedAt: cx.now });
}

/**
 * `core.members.add`: adds a staff member, admin, system account or volunteer (admin or
 * system only; a volunteer must be a registered resident). Adding an inactive member again
 * reactivates them. Audited.
 */
export const addMember = defineCommand({
  allow: ["admin", "system"],
  subject: "none",
  input: z.object({
    id: recordIdSchema,
    kind: z.enum(MEMBER_KINDS),
    roles: rolesInput.optional(),
    name: z.string().min(1).max(200).optional(),
    reason: z.string().max(1000).optional(),
  }),
  run: async (cx, input) => {
    requireAdmin(cx.actor, "core.members.add");
    const existing = await findMember(cx.tx, declaredMembers(cx.config), input.id);
    if (existing?.active) throw LinliError.from(coreErrors, "DUPLICATE", { model: "member", id: input.id });
    if (input.kind === "volunteer") await cx.tx.get(residentModel, input.id);
    const roles = input.roles ?? defaultRoles(input.kind);
    const row = await store(
      cx,
      { id: input.id, kind: input.kind, roles, name: input.name ?? null, active: true },
      existing?.source === "stored",
    );
    cx.audit({
      action: "member.added",
      target: `member:${input.id}`,
      reason: input.reason ?? null,
      details: { kind: input.kind, roles },
    });
    return row;
  },
});

/** `core.members.deactivate`: a member may no longer act (`UNKNOWN_ACTOR`); admin or system only. Audited. */
export const deactivateMember = defineCommand({
  allow: ["admin", "system"],
  subject: "none",
  input: z.object({ id: recordIdSchema, reason: z.string().max(1000).optional() }),
  run: async (cx, input) => {
    requireAdmin(cx.actor, "core.members.deactivate");
    const member = await memberOf(cx, input.id);
    if (!member.active) throw unknownMember(input.id);
    const row = await store(cx, { ...member, active: false }, member.source === "stored");
    cx.audit({
      action: "member.deactivated",
      target: `member:${input.id}`,
      reason: input.reason ?? null,
      details: { kind: member.kind, roles: [...member.roles] },
    });
    return row;
  },
});

/** `core.members.setRoles`: replaces an active member's roles; admin or system only. Audited with before and after. */
export const setMemberRoles = defineCommand({
  allow: ["admin", "system"],
  subject: "none",
  input: z.object({ id: recordIdSchema, roles: rolesInput, reason: z.string().max(1000).optional() }),
  run: async (cx, input) => {
    requireAdmin(cx.actor, "core.members.setRoles");
    const member = await memberOf(cx, input.id);
    if (!member.active) throw unknownMember(input.id);
    const row = await store(cx, { ...member, roles: input.roles }, member.source === "stored");
    cx.audit({
      action: "member.roles-changed",
      target: `member:${input.id}`,
      reason: input.reason ?? null,
      details: { before: [...member.roles], after: input.roles },
    });
    return row;
  },
});

/** `core.members.get`: a member as the kernel sees it (stored record, else declaration); staff only. */
export const getMember = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({ id: recordIdSchema }),
  run: (cx, { id }) => memberOf(cx, id),
});
