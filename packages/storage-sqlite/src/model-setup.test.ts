import { defineModel, isLinliError } from "@linli/core";
import { inTx, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { tempDir } from "../test/temp-dir";
import { columnName } from "./sql-identifier";
import { sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());
let n = 0;
const fresh = () => dir.file(`setup-${++n}.db`);

describe("tables from models", () => {
  test("column names are the snake_case of field names", () => {
    expect(columnName("householdId")).toBe("household_id");
    expect(columnName("communityId")).toBe("community_id");
    expect(columnName("start")).toBe("start");
    expect(columnName("already_snake")).toBe("already_snake");
    expect(columnName("verifiedAt")).toBe("verified_at");
  });

  test("a table has community_id first in its primary key, STRICT types, and indexes led by community_id", async () => {
    const filename = fresh();
    const storage = sqliteStorage({ filename });
    await storage.setup(testkitModels);
    await storage.close();
    const db = new Database(filename, { readonly: true });
    const pk = db
      .prepare(`SELECT name FROM pragma_table_info('testkit_slot') WHERE pk > 0 ORDER BY pk`)
      .pluck()
      .all();
    expect(pk).toEqual(["community_id", "id"]);
    const columns = db.prepare(`SELECT name, type FROM pragma_table_info('testkit_sample')`).all();
    expect(columns).toContainEqual({ name: "at", type: "INTEGER" });
    expect(columns).toContainEqual({ name: "score", type: "REAL" });
    expect(columns).toContainEqual({ name: "meta", type: "TEXT" });
    const sql = db
      .prepare(`SELECT sql FROM sqlite_master WHERE name = 'testkit_slot'`)
      .pluck()
      .get() as string;
    expect(sql).toMatch(/STRICT, WITHOUT ROWID$/);
    const indexes = db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'testkit_sample' AND sql IS NOT NULL`,
      )
      .pluck()
      .all() as string[];
    for (const index of indexes) {
      const first = db.prepare(`SELECT name FROM pragma_index_info(?) WHERE seqno = 0`).pluck().get(index);
      expect(first).toBe("community_id");
    }
    expect(indexes.sort()).toEqual([
      "testkit_sample__code__unique",
      "testkit_sample__note__where_note_not_null",
      "testkit_sample__rank",
    ]);
    db.close();
  });

  test("the overlap query of a reservation uses the (community_id, slot_id, start) index", async () => {
    const filename = fresh();
    const storage = sqliteStorage({ filename });
    await storage.setup(testkitModels);
    await storage.close();
    const db = new Database(filename, { readonly: true });
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT * FROM testkit_slot WHERE community_id = ? AND slot_id = ? AND start < ? AND "end" > ?`,
      )
      .all("c", "A", 2, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join("\n")).toContain("USING INDEX testkit_slot__slot_id__start");
    db.close();
  });

  test("a new field of an existing model becomes a nullable column; old rows read it as null", async () => {
    const filename = fresh();
    const v1 = defineModel("setup_item", { name: z.string() });
    const v2 = defineModel("setup_item", { name: z.string(), lentAt: z.date().nullable().default(null) });
    const first = sqliteStorage({ filename });
    await first.setup([v1]);
    await inTx(first, (tx) => tx.create(v1, { id: "old", name: "ladder" }));
    await first.close();
    const second = sqliteStorage({ filename });
    await second.setup([v2]);
    await inTx(second, (tx) => tx.create(v2, { id: "new", name: "drill", lentAt: new Date(5) }));
    const rows = await inTx(second, (tx) => tx.findMany(v2, { orderBy: [{ field: "id" }] }));
    expect(rows.map((r) => [r.id, r.lentAt])).toEqual([
      ["new", new Date(5)],
      ["old", null],
    ]);
    await second.close();
  });

  test("a field whose SQL type changed, two fields on one column, or a dropped required column: SQLITE_MODEL_CONFLICT, nothing changed", async () => {
    const filename = fresh();
    const storage = sqliteStorage({ filename });
    await storage.setup([defineModel("setup_thing", { size: z.number().int(), label: z.string() })]);
    const cases = [
      defineModel("setup_thing", { size: z.string(), label: z.string() }),
      defineModel("setup_thing", {
        size: z.number().int(),
        label: z.string(),
        sizeX: z.string(),
        size_x: z.string(),
      }),
      defineModel("setup_thing", { size: z.number().int() }),
    ];
    for (const model of cases) {
      const error = await storage.setup([model]).catch((e: unknown) => e);
      expect(isLinliError(error, "SQLITE_MODEL_CONFLICT"), String(error)).toBe(true);
    }
    await storage.close();
    const db = new Database(filename, { readonly: true });
    expect(db.prepare(`SELECT name FROM pragma_table_info('setup_thing')`).pluck().all()).toEqual([
      "community_id",
      "id",
      "size",
      "label",
    ]);
    db.close();
  });

  test("setup is all or nothing: a conflict in one model leaves the other models' tables uncreated", async () => {
    const filename = fresh();
    const storage = sqliteStorage({ filename });
    await storage.setup([defineModel("setup_a", { x: z.string() })]);
    const b = defineModel("setup_b", { y: z.string() });
    const error = await storage
      .setup([b, defineModel("setup_a", { x: z.number() })])
      .catch((e: unknown) => e);
    expect(isLinliError(error, "SQLITE_MODEL_CONFLICT")).toBe(true);
    await expect(inTx(storage, (tx) => tx.count(b))).rejects.toMatchObject({ code: "STORAGE_ERROR" });
    await storage.close();
    const db = new Database(filename, { readonly: true });
    expect(db.prepare(`SELECT count(*) FROM sqlite_master WHERE name = 'setup_b'`).pluck().get()).toBe(0);
    db.close();
  });
});
