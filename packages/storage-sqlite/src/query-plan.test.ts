import { defineModel, type FindManyOptions, sequentialIds } from "@linli/core";
import {
  type AdapterTransaction,
  createTx,
  eligibilityGrantModel,
  eventModel,
  intervalSpanModel,
  ValueCodec,
} from "@linli/core/adapter";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { tempDir } from "../test/temp-dir";
import { sqliteStorage } from "./sqlite-storage";
import { tableLayout } from "./table-layout";
import { compileFindMany } from "./where-sql";

// The query plans of the reads every booking makes, as SQLite's EXPLAIN QUERY PLAN shows
// them for the exact SQL the adapter runs, with the exact options the kernel sends: the
// overlap read of `tx.reserve` and the outbox's next-sequence read.

const DAY = 86_400_000;

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

const dir = tempDir();
afterAll(() => dir.remove());

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

function plan(filename: string, read: Read, path: "auto" | "rows" = "auto"): string[] {
  const model = [slotModel, eventModel, eligibilityGrantModel].find((m) => m.name === read.model)!;
  const query = compileFindMany(tableLayout(model), read.options, path);
  const db = new Database(filename, { readonly: true });
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql()}`).all(query.params) as { detail: string }[];
    return rows.map((r) => r.detail);
  } finally {
    db.close();
  }
}

describe("sqlite query plans", () => {
  test("reserve's overlap read and the outbox's next sequence are index ranges bounded on both sides", async () => {
    const filename = dir.file("plans.db");
    const storage = sqliteStorage({ filename });
    await storage.setup([intervalSpanModel, slotModel, eventModel, eligibilityGrantModel]);
    const codec = new ValueCodec(storage.capabilities);
    const ids = sequentialIds();
    const t0 = Date.UTC(2026, 0, 1);
    // A year of history on the resource, and the outbox's events.
    await storage.transaction(async (inner) => {
      const tx = createTx(inner, { communityId: "c", ids, codec });
      for (let i = 0; i < 300; i++) {
        const start = new Date(t0 + i * DAY);
        await tx.create(slotModel, {
          resourceId: "r1",
          status: "confirmed",
          start,
          end: new Date(start.getTime() + 3_600_000),
        });
        await tx.create(eventModel, { type: "t", seq: i + 1, payload: {}, occurredAt: start });
      }
    });
    const reads: Read[] = [];
    await storage.transaction(async (inner) => {
      const tx = createTx(recording(inner, reads), { communityId: "c", ids, codec });
      const start = new Date(t0 + 400 * DAY);
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
      // An equality lookup on a secondary index (a resident's grants), whole rows.
      await tx.findMany(eligibilityGrantModel, { where: [{ field: "residentId", value: "wang" }] });
    });
    await storage.close();

    const [overlap, outbox, grants] = reads;
    expect(overlap?.options.select).toEqual(["start", "end", "quantity"]);
    const overlapPlan = plan(filename, overlap!);
    expect(overlapPlan).toHaveLength(1);
    // Both bounds of `end` are on the index; no scan, no sort.
    expect(overlapPlan[0]).toMatch(
      /^SEARCH plan_slot USING INDEX plan_slot__resource_id__end__start \(community_id=\? AND resource_id=\? AND end>\? AND end<\?\)$/,
    );
    // That plan is the columnar read's (one JSON array per column): the aggregate around the
    // read leaves its index range as the row path has it.
    const overlapQuery = compileFindMany(tableLayout(slotModel), overlap!.options);
    expect(overlapQuery.columnar).toBe(true);
    expect(overlapQuery.sql()).toMatch(/^SELECT json_group_array\("start"\) AS "start", /);
    expect(plan(filename, overlap!, "rows")).toEqual(overlapPlan);

    const outboxPlan = plan(filename, outbox!);
    expect(outboxPlan).toEqual([
      expect.stringMatching(
        /^SEARCH core_event USING (COVERING )?INDEX core_event__seq__unique \(community_id=\?\)$/,
      ),
    ]);
    expect(outboxPlan.join("\n")).not.toMatch(/TEMP B-TREE|SCAN/);
    // A first-row read ends in a literal `LIMIT 1` (about 1 µs), not `LIMIT ? OFFSET ?`
    // bound to 1 and 0 (about 4.5 µs): no limit or offset among its parameters.
    const outboxQuery = compileFindMany(tableLayout(eventModel), outbox!.options);
    expect(outboxQuery.sql()).toMatch(/ ORDER BY "seq" DESC, "community_id" ASC LIMIT 1$/);
    expect(outboxQuery.params).toEqual(["c"]);
    const page = compileFindMany(tableLayout(eventModel), { ...outbox!.options, offset: 2 });
    expect(page.sql()).toMatch(/ LIMIT \? OFFSET \?$/);
    expect(page.params).toEqual(["c", 1, 2]);
    expect(page.key).not.toBe(outboxQuery.key);

    // Every index is led by community_id: without the statistics setup writes, SQLite would
    // take the primary key and read the whole community.
    expect(plan(filename, grants!)).toEqual([
      "SEARCH core_eligibility_grant USING INDEX core_eligibility_grant__resident_id__group_id (community_id=? AND resident_id=?)",
    ]);
  });
});
