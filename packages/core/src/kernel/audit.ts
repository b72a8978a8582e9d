import * as z from "zod";
import { defineQuery } from "../command";
import { auditModel } from "../member-model";
import type { RowOf } from "../model";
import { recordIdSchema } from "../record-id";
import type { ModelWhere } from "../where";

/** An audit record. */
export type AuditRecord = RowOf<typeof auditModel>;

/** One page of audit records and the cursor of the next (absent on the last page). */
export interface AuditPage {
  /** The records, oldest first. */
  readonly records: AuditRecord[];
  /** Pass as `afterSeq` for the next page; absent when there is none. */
  readonly nextAfterSeq?: number;
}

/**
 * `core.audit.list`: the audit trail in order, a page at a time (staff, admin and system
 * only), optionally for one resident or one action. There is no command to change or delete
 * a record.
 */
export const listAudit = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({
    afterSeq: z.number().int().min(0).default(0),
    limit: z.number().int().positive().max(500).default(100),
    residentId: recordIdSchema.optional(),
    action: z.string().min(1).max(100).optional(),
  }),
  run: async (cx, { afterSeq, limit, residentId, action }): Promise<AuditPage> => {
    const where: ModelWhere<typeof auditModel>[] = [{ field: "seq", op: "gt", value: afterSeq }];
    if (residentId !== undefined) where.push({ field: "residentId", value: residentId });
    if (action !== undefined) where.push({ field: "action", value: action });
    const rows = await cx.tx.findMany(auditModel, { where, orderBy: [{ field: "seq" }], limit: limit + 1 });
    const records = rows.slice(0, limit);
    const last = records.at(-1);
    return rows.length > limit && last ? { records, nextAfterSeq: last.seq } : { records };
  },
});
