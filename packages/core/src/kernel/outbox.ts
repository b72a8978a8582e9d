import { z } from "zod";
import { recordIdSchema } from "../record-id";
import { defineCommand, defineQuery } from "../command";
import type { DomainEvent } from "../events";
import { eventModel } from "../kernel-models";
import type { ModelWhere } from "../where";

/**
 * Events of the outbox in order (`seq`), for apps that send reminders and notifications.
 * Staff, admin and system only: payloads can name sensitive facts.
 */
export const listEvents = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({
    afterSeq: z.number().int().min(0).default(0),
    pendingOnly: z.boolean().default(false),
    types: z.array(z.string().max(100)).max(100).optional(),
    limit: z.number().int().positive().max(10_000).default(100),
  }),
  run: async (cx, { afterSeq, pendingOnly, types, limit }): Promise<DomainEvent[]> => {
    const where: ModelWhere<typeof eventModel>[] = [{ field: "seq", op: "gt", value: afterSeq }];
    if (pendingOnly) where.push({ field: "ackedAt", op: "eq", value: null });
    if (types) where.push({ field: "type", op: "in", value: types });
    return cx.tx.findMany(eventModel, { where, orderBy: [{ field: "seq" }], limit });
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
