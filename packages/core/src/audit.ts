import * as z from "zod";
import type { Actor } from "./actor";
import { validate } from "./config-problem";
import { coreErrors } from "./core-errors";
import { LinliError } from "./errors";
import { auditModel } from "./member-model";
import { recordIdSchema } from "./record-id";
import type { Tx } from "./tx";

/** What a command records with `cx.audit(...)`: what was decided, about whom, and why. */
export interface AuditEntry {
  /** What was decided, a stable dotted name (`fee.waived`, `booking.approved`). */
  readonly action: string;
  /** The resident concerned, when there is one. */
  readonly residentId?: string | null;
  /** The object concerned (`booking:b-1`), when there is one. */
  readonly target?: string | null;
  /** Why, in the actor's words. */
  readonly reason?: string | null;
  /** Safe structured details (amounts, groups, roles), JSON only, at most a few kB. */
  readonly details?: Readonly<Record<string, unknown>>;
}

/** The largest JSON of an audit record's details, in characters. */
const MAX_DETAILS = 4000;

const entrySchema = z.object({
  action: z.string().min(1).max(100),
  residentId: recordIdSchema.nullable().optional(),
  target: z.string().min(1).max(300).nullable().optional(),
  reason: z.string().max(1000).nullable().optional(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** An audit record waiting for the end of its command. */
export interface PendingAudit {
  readonly command: string;
  readonly actor: Actor;
  readonly at: Date;
  readonly entry: AuditEntry;
  readonly details: Record<string, unknown>;
}

/** Checks an audit entry (bounded, JSON details) and returns it ready to be written at the command's end. */
export function pendingAudit(command: string, actor: Actor, at: Date, entry: AuditEntry): PendingAudit {
  const checked = validate(entrySchema, entry);
  const json = checked.ok ? JSON.stringify(checked.value.details ?? {}) : "";
  if (!checked.ok || json.length > MAX_DETAILS) {
    const summary = checked.ok
      ? `details over ${MAX_DETAILS} characters`
      : checked.problems.map((p) => `${p.path}: ${p.message.en}`).join("; ");
    throw LinliError.from(coreErrors, "INVALID_AUDIT_ENTRY", { summary });
  }
  return { command, actor, at, entry: checked.value, details: JSON.parse(json) as Record<string, unknown> };
}

/**
 * Appends a command's audit records, numbered in order, at the end of its transaction (before
 * its events: the lock `core:audit-seq` is always taken just before `core:event-seq`, so the
 * two never form a lock-order cycle).
 */
export async function appendAudit(tx: Tx, records: readonly PendingAudit[]): Promise<void> {
  if (records.length === 0) return;
  await tx.lock("core:audit-seq");
  const [last] = await tx.findMany(auditModel, { orderBy: [{ field: "seq", direction: "desc" }], limit: 1 });
  let seq = last?.seq ?? 0;
  for (const { command, actor, at, entry, details } of records) {
    await tx.create(auditModel, {
      seq: ++seq,
      at,
      actorKind: actor.kind,
      actorId: actor.id,
      command,
      action: entry.action,
      residentId: entry.residentId ?? null,
      target: entry.target ?? null,
      reason: entry.reason ?? null,
      details,
    });
  }
}
