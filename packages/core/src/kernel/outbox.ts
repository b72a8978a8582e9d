import * as z from "zod";
import { recordIdSchema } from "../record-id";
import { defineCommand, defineQuery } from "../command";
import type { DomainEvent } from "../events";
import { eventModel } from "../kernel-models";
import { type Page, pageInput, readPage } from "../page";
import type { ModelWhere } from "../where";

/**
 * Events of the outbox in order (`seq`), for apps that send reminders and notifications, a
 * page at a time (`limit`, `after`; see {@link Page}; `afterSeq` also starts after a known
 * sequence number). Staff, admin and system only: payloads can name sensitive facts.
 */
export const listEvents = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({
    afterSeq: z.number().int().min(0).default(0),
    pendingOnly: z.boolean().default(false),
    types: z.array(z.string().max(100)).max(100).optional(),
    ...pageInput,
  }),
  run: async (cx, { afterSeq, pendingOnly, types, limit, after }): Promise<Page<DomainEvent>> => {
    const where: ModelWhere<typeof eventModel>[] = [{ field: "seq", op: "gt", value: afterSeq }];
    if (pendingOnly) where.push({ field: "ackedAt", op: "eq", value: null });
    if (types) where.push({ field: "type", op: "in", value: types });
    return readPage(cx.tx, eventModel, { where, order: { field: "seq" }, limit, after });
  },
});

/** Marks events as handled; returns how many were newly acknowledged. */
export const ackEvents = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ eventIds: z.array(recordIdSchema).min(1).max(10_000) }),
  run: (cx, { eventIds }) =>
    cx.tx.update(
      eventModel,
      [
        { field: "id", op: "in", value: eventIds },
        { field: "ackedAt", value: null },
      ],
      { ackedAt: cx.now },
    ),
});
