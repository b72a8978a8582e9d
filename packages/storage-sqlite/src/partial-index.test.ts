import { defineModel, sequentialIds } from "@linli/core";
import { createTx, eventModel, intervalSpanModel, ValueCodec } from "@linli/core/adapter";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { tempDir } from "../test/temp-dir";
import { sqliteStorage } from "./sqlite-storage";
import { tableLayout } from "./table-layout";
import { compileFindMany } from "./where-sql";

// Partial indexes (`IndexDef.where`): created with their condition, holding only the rows
// that meet it, used by the reads that imply it; and an index the model no longer declares
// (the full one a partial one replaced) dropped at setup.

const shape = { seriesId: z.string().nullable().default(null), at: z.date() };
const before = defineModel("partial_booking", shape, {
  indexes: [{ fields: ["seriesId"] }, { fields: ["at"] }],
});
const after = defineModel("partial_booking", shape, {
  indexes: [{ fields: ["seriesId"], where: { field: "seriesId", is: "not-null" } }, { fields: ["at"] }],
});

const dir = tempDir();
afterAll(() => dir.remove());

function indexes(db: Database.Database, table: string): Record<string, string> {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as { name: string; sql: string }[];
  return Object.fromEntries(rows.map((r) => [r.name, r.sql]));
}

describe("partial indexes", () => {
  test("a model that makes an index partial: the full one is dropped, the partial one holds only its rows and serves reads by value", async () => {
    const filename = dir.file("partial.db");
    const ids = sequentialIds();
    const first = sqliteStorage({ filename });
    await first.setup([intervalSpanModel, before]);
    await first.transaction(async (inner) => {
      const tx = createTx(inner, { communityId: "c", ids, codec: new ValueCodec(first.capabilities) });
      for (let i = 0; i < 40; i++)
        await tx.create(before, { seriesId: i % 10 === 0 ? `s${i % 20}` : null, at: new Date(i * 1000) });
    });
    await first.close();
    // Somebody's own index on the table, not named as linli names its indexes: kept.
    const own = new Database(filename);
    own.exec(`CREATE INDEX app_report ON partial_booking (at)`);
    own.close();

    const second = sqliteStorage({ filename });
    await second.setup([intervalSpanModel, after]);
    const found = await second.transaction(async (inner) => {
      const tx = createTx(inner, { communityId: "c", ids, codec: new ValueCodec(second.capabilities) });
      return {
        series: await tx.findMany(after, { where: [{ field: "seriesId", value: "s0" }] }),
        none: await tx.findMany(after, { where: [{ field: "seriesId", value: null }] }),
      };
    });
    await second.close();
    // Reads answer as before: rows 0 and 20 are series s0, 36 rows have no series.
    expect(found.series.map((r) => r.at.getTime()).sort((a, b) => a - b)).toEqual([0, 20_000]);
    expect(found.none).toHaveLength(36);

    const db = new Database(filename);
    expect(indexes(db, "partial_booking")).toEqual({
      partial_booking__series_id__where_series_id_not_null:
        'CREATE INDEX "partial_booking__series_id__where_series_id_not_null" ON "partial_booking" ("community_id", "series_id") WHERE "series_id" IS NOT NULL',
      partial_booking__at: 'CREATE INDEX "partial_booking__at" ON "partial_booking" ("community_id", "at")',
      app_report: "CREATE INDEX app_report ON partial_booking (at)",
    });
    const byValue = compileFindMany(tableLayout(after), {
      where: [
        { field: "communityId", value: "c" },
        { field: "seriesId", value: "s0" },
      ],
    });
    const details = (
      db.prepare(`EXPLAIN QUERY PLAN ${byValue.sql()}`).all(...byValue.params) as { detail: string }[]
    ).map((r) => r.detail);
    expect(details.join("\n")).toMatch(
      /USING INDEX partial_booking__series_id__where_series_id_not_null \(community_id=\? AND series_id=\?\)/,
    );
    // ANALYZE counts each index's entries: the partial one holds the 4 rows of a series only.
    db.exec("ANALYZE partial_booking");
    const stat = db
      .prepare(
        `SELECT stat FROM sqlite_stat1 WHERE idx = 'partial_booking__series_id__where_series_id_not_null'`,
      )
      .pluck()
      .get() as string;
    expect(stat.split(" ")[0]).toBe("4");
    db.close();
  });

  test("the outbox's pending read uses the index of unacknowledged events, which acknowledged events leave", async () => {
    const filename = dir.file("pending.db");
    const storage = sqliteStorage({ filename });
    await storage.setup([intervalSpanModel, eventModel]);
    const ids = sequentialIds();
    await storage.transaction(async (inner) => {
      const tx = createTx(inner, { communityId: "c", ids, codec: new ValueCodec(storage.capabilities) });
      for (let i = 1; i <= 30; i++)
        await tx.create(eventModel, {
          type: "t",
          seq: i,
          payload: {},
          occurredAt: new Date(i),
          ackedAt: i <= 25 ? new Date(i) : null,
        });
    });
    await storage.close();
    const db = new Database(filename);
    expect(indexes(db, "core_event")).toEqual({
      core_event__seq__unique:
        'CREATE UNIQUE INDEX "core_event__seq__unique" ON "core_event" ("community_id", "seq")',
      core_event__seq__where_acked_at_null:
        'CREATE INDEX "core_event__seq__where_acked_at_null" ON "core_event" ("community_id", "seq") WHERE "acked_at" IS NULL',
    });
    // `listEvents({ pendingOnly: true })`'s clauses, as the kernel sends them.
    const pending = compileFindMany(tableLayout(eventModel), {
      where: [
        { field: "communityId", value: "c" },
        { field: "seq", op: "gt", value: 0 },
        { field: "ackedAt", op: "eq", value: null },
      ],
      orderBy: [{ field: "seq", direction: "asc" }],
      limit: 50,
    });
    const details = (
      db.prepare(`EXPLAIN QUERY PLAN ${pending.sql()}`).all(...pending.params) as { detail: string }[]
    ).map((r) => r.detail);
    expect(details).toEqual([
      "SEARCH core_event USING INDEX core_event__seq__where_acked_at_null (community_id=? AND seq>?)",
    ]);
    // ANALYZE counts each index's entries: the partial one holds the 5 pending events only.
    db.exec("ANALYZE core_event");
    const stat = db
      .prepare(`SELECT stat FROM sqlite_stat1 WHERE idx = 'core_event__seq__where_acked_at_null'`)
      .pluck()
      .get() as string;
    expect(stat.split(" ")[0]).toBe("5");
    db.close();
  });
});
