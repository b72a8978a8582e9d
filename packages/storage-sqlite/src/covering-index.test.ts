import { defineModel, sequentialIds } from "@linli/core";
import { createTx, intervalSpanModel, ValueCodec } from "@linli/core/adapter";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { tempDir } from "../test/temp-dir";
import { sqliteStorage } from "./sqlite-storage";
import { tableLayout } from "./table-layout";
import { compileFindMany } from "./where-sql";

// A covering index (`IndexDef.include`): a projected overlap read is answered from the index
// alone, and an older database holding the plain index on the same keys is migrated to it.

const DAY = 86_400_000;
const shape = {
  resourceId: z.string(),
  status: z.string(),
  start: z.date(),
  end: z.date(),
  quantity: z.number().int().positive().default(1),
  note: z.string().nullable().default(null),
};
const plainModel = defineModel("cover_slot", shape, {
  indexes: [{ fields: ["resourceId", "end", "start"] }],
  intervals: [{ start: "start", end: "end", maxSpanMs: 7 * DAY }],
});
const coveringModel = defineModel("cover_slot", shape, {
  indexes: [{ fields: ["resourceId", "end", "start"], include: ["status", "quantity", "id"] }],
  intervals: [{ start: "start", end: "end", maxSpanMs: 7 * DAY }],
});
const widerModel = defineModel("cover_slot", shape, {
  indexes: [{ fields: ["resourceId", "end", "start"], include: ["status", "quantity", "note"] }],
  intervals: [{ start: "start", end: "end", maxSpanMs: 7 * DAY }],
});

const dir = tempDir();
afterAll(() => dir.remove());

function indexes(filename: string): Record<string, string[]> {
  const db = new Database(filename, { readonly: true });
  try {
    const names = db
      .prepare(`SELECT name FROM pragma_index_list('cover_slot') WHERE origin = 'c' ORDER BY name`)
      .pluck()
      .all() as string[];
    return Object.fromEntries(
      names.map((n) => [
        n,
        db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).pluck().all(n) as string[],
      ]),
    );
  } finally {
    db.close();
  }
}

function plan(filename: string, model: typeof coveringModel, select: string[]): string[] {
  const t0 = Date.UTC(2026, 0, 1);
  const query = compileFindMany(tableLayout(model), {
    where: [
      { field: "communityId", value: "c" },
      { field: "resourceId", value: "r1" },
      { field: "end", op: "gt", value: t0 },
      { field: "end", op: "lt", value: t0 + 8 * DAY },
      { field: "start", op: "lt", value: t0 + DAY },
      { field: "status", op: "in", value: ["held", "confirmed"] },
    ],
    select,
  });
  const db = new Database(filename, { readonly: true });
  try {
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${query.sql()}`).all(query.params) as { detail: string }[];
    return rows.map((r) => r.detail);
  } finally {
    db.close();
  }
}

describe("covering indexes", () => {
  test("included fields are trailing index columns; a read of keys and included fields never visits the table", async () => {
    const filename = dir.file("covering.db");
    const storage = sqliteStorage({ filename });
    await storage.setup([coveringModel]);
    await storage.close();
    // `id` is in every index of a WITHOUT ROWID table already (the primary key).
    expect(indexes(filename)).toEqual({
      cover_slot__resource_id__end__start__covering: [
        "community_id",
        "resource_id",
        "end",
        "start",
        "status",
        "quantity",
      ],
    });
    const covered = plan(filename, coveringModel, ["id", "start", "end", "quantity", "status"]);
    expect(covered).toEqual([
      expect.stringMatching(
        /^SEARCH cover_slot USING COVERING INDEX cover_slot__resource_id__end__start__covering \(community_id=\? AND resource_id=\? AND end>\? AND end<\?\)$/,
      ),
    ]);
    // A field outside the index needs the table, through the same bounded range.
    expect(plan(filename, coveringModel, ["start", "end", "note"])).toEqual([
      expect.stringMatching(
        /^SEARCH cover_slot USING INDEX cover_slot__resource_id__end__start__covering \(community_id=\? AND resource_id=\? AND end>\? AND end<\?\)$/,
      ),
    ]);
  });

  test("an older database is migrated: the plain index is replaced, changed included fields rebuild the index, rows kept", async () => {
    const filename = dir.file("migrated.db");
    const ids = sequentialIds();
    const first = sqliteStorage({ filename });
    await first.setup([intervalSpanModel, plainModel]);
    const codec = new ValueCodec(first.capabilities);
    await first.transaction(async (inner) => {
      const tx = createTx(inner, { communityId: "c", ids, codec });
      const start = new Date(Date.UTC(2026, 0, 1));
      await tx.create(plainModel, {
        resourceId: "r1",
        status: "confirmed",
        start,
        end: new Date(start.getTime() + 3_600_000),
      });
    });
    await first.close();
    expect(Object.keys(indexes(filename))).toEqual(["cover_slot__resource_id__end__start"]);

    const second = sqliteStorage({ filename });
    await second.setup([coveringModel]);
    await second.close();
    expect(Object.keys(indexes(filename))).toEqual(["cover_slot__resource_id__end__start__covering"]);

    const third = sqliteStorage({ filename });
    await third.setup([widerModel]);
    await third.setup([widerModel]);
    const rows = await third.transaction((inner) =>
      createTx(inner, { communityId: "c", ids, codec }).findMany(widerModel, {
        where: [{ field: "resourceId", value: "r1" }],
        select: ["status", "note"],
      }),
    );
    await third.close();
    expect(rows).toEqual([{ status: "confirmed", note: null }]);
    expect(indexes(filename)).toEqual({
      cover_slot__resource_id__end__start__covering: [
        "community_id",
        "resource_id",
        "end",
        "start",
        "status",
        "quantity",
        "note",
      ],
    });
  });
});
