import * as z from "zod";
import { defineModel } from "./model";

/**
 * A staff member, admin, system account or volunteer, as recorded by the kernel's members
 * commands. A stored record takes precedence over the configuration's `members` entry with
 * the same id (that is how an admin deactivates a declared member or changes their roles).
 */
export const memberModel = defineModel("core_member", {
  /** The actor kind this id acts as: `staff`, `admin`, `system` or `volunteer`. */
  kind: z.string(),
  /** The member's roles, which `permissions` in the configuration refer to (`desk`, `admin`…). */
  roles: z.array(z.string()),
  /** A display name (optional). */
  name: z.string().nullable().default(null),
  /** Inactive members are refused like unknown ones (`UNKNOWN_ACTOR`). */
  active: z.boolean(),
  updatedAt: z.date(),
});

/**
 * An append-only record of a sensitive decision: who did what, when, about whom and why.
 * Written through `cx.audit(...)`; readable by staff through `core.audit.list`; no command
 * updates or deletes it.
 */
export const auditModel = defineModel(
  "core_audit",
  {
    /** Order of audit records: an increasing sequence per community. */
    seq: z.number().int(),
    at: z.date(),
    actorKind: z.string(),
    actorId: z.string(),
    /** The command that decided (`pricing.ledger.waive`). */
    command: z.string(),
    /** What was decided (`fee.waived`, `eligibility.granted`, `member.roles-changed`). */
    action: z.string(),
    /** The resident concerned, when there is one. */
    residentId: z.string().nullable().default(null),
    /** The object concerned (`booking:b-1`, `member:desk-2`), when there is one. */
    target: z.string().nullable().default(null),
    /** Why, in the actor's words, when given. */
    reason: z.string().nullable().default(null),
    /** Safe structured details (amounts, groups, roles before and after). */
    details: z.record(z.string(), z.unknown()),
  },
  { indexes: [{ fields: ["seq"] }, { fields: ["residentId", "seq"] }] },
);
