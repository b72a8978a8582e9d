import { defineModel, type FindManyOptions, sequentialIds } from "@linli/core";
import {
  type AdapterTransaction,
  createTx,
  eventModel,
  intervalSpanModel,
  ValueCodec,
} from "@linli/core/adapter";
import pg_ from "pg";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";
import { tableLayout } from "./table-layout";
import { compileFindMany } from "./where-sql";

// The query plans of the reads every booking makes, as PostgreSQL's EXPLAIN (FORMAT JSON)
// shows them for the exact SQL the adapter runs, with the exact options the kernel sends,
// on an analyzed table with a long history: the overlap read of `tx.reserve` and the
// outbox's next-sequence read.

const DAY = 86_400_000;
const pg = usePgServer();

/** A model shaped like a booking: an interval bounded to 7 days, an index led by its end. */
const slotModel = defineModel(
  "plan_slot",
  {
    resourceId: z.string(),
    status: z.string(),
    start: z.date(),
    end: z.date(),
    quantity: z.number().int().positive().default(1),
  },
  {
    // The start index too, as older databases keep it: the planner must still take the end index.
    indexes: [{ fields: ["resourceId", "start"] }, { fields: ["resourceId", "end", "start"] }],
    intervals: [{ start: "start", end: "end", maxSpanMs: 7 * DAY }],
  },
);

interface Read {
  readonly model: string;
  readonly options: FindManyOptions;
}

/** The adapter transaction, recording the options of every `findMany` the kernel sends. */
function recording(inner: AdapterTransaction, reads: Read[]): AdapterTransaction {
  return {
    create: (model, row) => inner.create(model, row),
    findOne: (model, where) => inner.findOne(model, where),
    findMany: (model, options) => {
      reads.push({ model, options });
      return inner.findMany(model, options);
    },
    update: (model, where, patch) => inner.update(model, where, patch),
    delete: (model, where) => inner.delete(model, where),
    count: (model, where) => inner.count(model, where),
    lock: (key) => inner.lock(key),
  };
}

interface PlanNode {
  readonly "Node Type": string;
  readonly "Index Name"?: string;
  readonly "Index Cond"?: string;
  readonly "Scan Direction"?: string;
  readonly Plans?: readonly PlanNode[];
}

function nodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodes)];
}

async function plan(schema: string, read: Read): Promise<PlanNode[]> {
  const model = read.model === slotModel.name ? slotModel : eventModel;
  const query = compileFindMany(tableLayout(schema, model), read.options);
  const [row] = await pg.sql<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
    `EXPLAIN (FORMAT JSON) ${query.sql()}`,
    query.params,
  );
  return nodes(row!["QUERY PLAN"][0].Plan);
}

describe("postgres query plans", () => {
  test("reserve's overlap read and the outbox's next sequence are index ranges bounded on both sides", async () => {
    const schema = pg.schemaName("plans");
    const storage = postgresStorage({ connectionString: pg.server.url, schema, max: 2 });
    try {
      await storage.setup([intervalSpanModel, slotModel, eventModel]);
      // Three years of hourly history on two resources, and as many outbox events.
      const t0 = Date.UTC(2023, 0, 1);
      await pg.sql(
        `INSERT INTO "${schema}"."plan_slot" (community_id, id, resource_id, status, start, "end", quantity)
         SELECT 'c', 's' || i, 'r' || (i % 2), 'confirmed',
                to_timestamp(($1::bigint + i::bigint * 3600000) / 1000.0),
                to_timestamp(($1::bigint + i::bigint * 3600000 + 1800000) / 1000.0), 1
           FROM generate_series(1, 26000) AS i`,
        [t0],
      );
      await pg.sql(
        `INSERT INTO "${schema}"."core_event" (community_id, id, type, seq, payload, occurred_at)
         SELECT 'c', 'e' || i, 't', i, '{}'::jsonb, now() FROM generate_series(1, 26000) AS i`,
      );
      await pg.sql(`ANALYZE "${schema}"."plan_slot"`);
      await pg.sql(`ANALYZE "${schema}"."core_event"`);

      const reads: Read[] = [];
      const codec = new ValueCodec(storage.capabilities);
      await storage.transaction(async (inner) => {
        const tx = createTx(recording(inner, reads), { communityId: "c", ids: sequentialIds(), codec });
        const start = new Date(t0 + 26001 * 3_600_000);
        const end = new Date(start.getTime() + 3_600_000);
        await tx.reserve(slotModel, {
          key: "slot:r1",
          capacity: 1,
          scope: [
            { field: "resourceId", value: "r1" },
            { field: "status", op: "in", value: ["held", "confirmed"] },
          ],
          interval: { startField: "start", endField: "end", start, end },
          quantityField: "quantity",
          data: { resourceId: "r1", status: "confirmed", start, end },
        });
        // The outbox's next sequence, as `appendEvents` reads it.
        await tx.findMany(eventModel, {
          orderBy: [{ field: "seq", direction: "desc" }],
          limit: 1,
          select: ["seq"],
        });
      });

      // The rows came in by SQL, so no longest span was kept: the insert first learns it from
      // the stored rows (one read of the slots' intervals, once), which is not planned here.
      const [overlap] = reads;
      const outbox = reads.find((r) => r.model === eventModel.name);
      expect(overlap?.options.select).toEqual(["start", "end", "quantity"]);
      const overlapPlan = await plan(schema, overlap!);
      const types = overlapPlan.map((n) => n["Node Type"]);
      expect(
        types.some((t) => /Seq Scan|Sort/.test(t)),
        types.join(", "),
      ).toBe(false);
      const scan = overlapPlan.find((n) => n["Index Name"] !== undefined);
      expect(scan?.["Index Name"]).toBe("plan_slot__resource_id__end__start");
      // Both bounds of `end` are index conditions.
      expect(scan?.["Index Cond"]).toMatch(/"end" > /);
      expect(scan?.["Index Cond"]).toMatch(/"end" < /);

      const outboxPlan = await plan(schema, outbox!);
      const outboxTypes = outboxPlan.map((n) => n["Node Type"]);
      expect(
        outboxTypes.some((t) => /Seq Scan|Sort/.test(t)),
        outboxTypes.join(", "),
      ).toBe(false);
      const seqScan = outboxPlan.find((n) => n["Index Name"] !== undefined);
      expect(seqScan?.["Index Name"]).toBe("core_event__seq__unique");
      expect(seqScan?.["Scan Direction"]).toBe("Backward");
      expect(seqScan?.["Index Cond"]).toMatch(/community_id = /);
    } finally {
      await storage.close();
      await pg.dropSchema(schema);
    }
  }, 60_000);

  test("the one-statement outbox append reads the next sequence from the unique index, backward, without a sort", async () => {
    const schema = pg.schemaName("plans_append");
    // A pool whose connections keep the text and values of the append statement they send.
    const sent: { text: string; values: unknown[] }[] = [];
    const pool = new pg_.Pool({ connectionString: pg.server.url, max: 2 });
    pool.on("connect", (client) => {
      const target = client as unknown as { query: (...args: unknown[]) => unknown };
      const query = target.query.bind(client);
      target.query = (...args: unknown[]) => {
        const q = args[0] as string | { text?: string; values?: unknown[] };
        if (typeof q === "object" && q.text?.startsWith("WITH s AS"))
          sent.push({ text: q.text, values: [...(q.values ?? (args[1] as unknown[]) ?? [])] });
        return query(...args);
      };
    });
    const storage = postgresStorage({ pool, schema });
    try {
      await storage.setup([eventModel]);
      await pg.sql(
        `INSERT INTO "${schema}"."core_event" (community_id, id, type, seq, payload, occurred_at)
         SELECT 'c' || (i % 4), 'e' || i, 't', i / 4 + 1, '{}'::jsonb, now() FROM generate_series(0, 103999) AS i`,
      );
      await pg.sql(`ANALYZE "${schema}"."core_event"`);
      await storage.transaction(async (inner) => {
        expect(inner.appendSequenced).toBeDefined();
        await inner.appendSequenced?.("core_event", "seq", [
          {
            communityId: "c1",
            id: "probe",
            type: "t",
            seq: 1,
            payload: "{}",
            occurredAt: new Date(),
            actorKind: null,
            actorId: null,
            ackedAt: null,
          },
        ]);
      });
      expect(sent).toHaveLength(1);
      const [row] = await pg.sql<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(
        `EXPLAIN (FORMAT JSON) ${sent[0]!.text}`,
        sent[0]!.values,
      );
      const planNodes = nodes(row!["QUERY PLAN"][0].Plan);
      const types = planNodes.map((n) => n["Node Type"]);
      expect(
        types.some((t) => /Seq Scan|Sort/.test(t)),
        types.join(", "),
      ).toBe(false);
      const seqRead = planNodes.find((n) => n["Index Name"] === "core_event__seq__unique");
      expect(seqRead, types.join(", ")).toBeDefined();
      expect(seqRead?.["Scan Direction"]).toBe("Backward");
      expect(seqRead?.["Index Cond"]).toMatch(/community_id = /);
    } finally {
      await storage.close();
      await pool.end();
      await pg.dropSchema(schema);
    }
  }, 60_000);

  test("the outbox's pending read (listEvents pendingOnly) is a range on the index of unacknowledged events", async () => {
    const schema = pg.schemaName("plans_pending");
    const storage = postgresStorage({ connectionString: pg.server.url, schema, max: 2 });
    try {
      await storage.setup([eventModel]);
      // 104,000 events of 4 communities, all but the last 1,000 of each acknowledged.
      await pg.sql(
        `INSERT INTO "${schema}"."core_event" (community_id, id, type, seq, payload, occurred_at, acked_at)
         SELECT 'c' || (i % 4), 'e' || i, 't', i / 4 + 1, '{}'::jsonb, now(),
                CASE WHEN i / 4 < 25000 THEN now() END FROM generate_series(0, 103999) AS i`,
      );
      await pg.sql(`ANALYZE "${schema}"."core_event"`);
      // `listEvents({ pendingOnly: true })`'s clauses, as the kernel sends them.
      const planNodes = await plan(schema, {
        model: eventModel.name,
        options: {
          where: [
            { field: "communityId", value: "c1" },
            { field: "seq", op: "gt", value: 0 },
            { field: "ackedAt", op: "eq", value: null },
          ],
          orderBy: [{ field: "seq", direction: "asc" }],
          limit: 100,
        },
      });
      const types = planNodes.map((n) => n["Node Type"]);
      expect(
        types.some((t) => /Seq Scan|Sort/.test(t)),
        types.join(", "),
      ).toBe(false);
      const pending = planNodes.find((n) => n["Index Name"] === "core_event__seq__where_acked_at_null");
      expect(pending, JSON.stringify(planNodes)).toBeDefined();
      expect(pending?.["Index Cond"]).toMatch(/community_id = .*seq > /);
    } finally {
      await storage.close();
      await pg.dropSchema(schema);
    }
  }, 60_000);
});
