import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { defineModel, isLinliError } from "@linli/core";
import { inTx, slotModel, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { tempDir } from "../test/temp-dir";
import { SCHEMA_VERSION } from "./schema-migrations";
import { sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());

const HOUR = 3_600_000;
const base = Date.UTC(2026, 5, 1, 9);

/**
 * A database exactly as schema version 1 wrote it (frozen here on purpose: a fixture must
 * not follow the code it tests): `linli_meta` with schema_version 1, and the testkit's slot
 * table with two reservations.
 */
function writeVersion1Fixture(filename: string): void {
  const db = new Database(filename);
  db.pragma("journal_mode = WAL");
  db.exec(`
    CREATE TABLE linli_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT, WITHOUT ROWID;
    INSERT INTO linli_meta (key, value) VALUES ('schema_version', '1'), ('migration.1', '2026-01-01T00:00:00.000Z');
    CREATE TABLE "testkit_slot" ("community_id" TEXT NOT NULL, "id" TEXT NOT NULL, "slot_id" TEXT NOT NULL,
      "holder" TEXT NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, "quantity" INTEGER NOT NULL,
      PRIMARY KEY ("community_id", "id")) STRICT, WITHOUT ROWID;
    CREATE INDEX "testkit_slot__slot_id__start" ON "testkit_slot" ("community_id", "slot_id", "start");
  `);
  const insert = db.prepare(`INSERT INTO testkit_slot VALUES (?, ?, ?, ?, ?, ?, ?)`);
  insert.run("testkit", "r1", "A", "wang", base, base + HOUR, 1);
  insert.run("testkit", "r2", "A", "li", base + HOUR, base + 2 * HOUR, 2);
  db.close();
}

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

describe("schema migrations", () => {
  test("a database written by schema version 1 is migrated on open, and its rows read back unchanged", async () => {
    const filename = dir.file("v1.db");
    writeVersion1Fixture(filename);
    const storage = sqliteStorage({ filename });
    expect(storage.migratedFrom).toBe(1);
    await storage.setup(testkitModels);
    const rows = await inTx(storage, (tx) => tx.findMany(slotModel, { orderBy: [{ field: "id" }] }));
    expect(rows).toEqual([
      {
        id: "r1",
        communityId: "testkit",
        slotId: "A",
        holder: "wang",
        start: new Date(base),
        end: new Date(base + HOUR),
        quantity: 1,
      },
      {
        id: "r2",
        communityId: "testkit",
        slotId: "A",
        holder: "li",
        start: new Date(base + HOUR),
        end: new Date(base + 2 * HOUR),
        quantity: 2,
      },
    ]);
    await storage.close();

    const db = new Database(filename, { readonly: true });
    const meta = Object.fromEntries(
      (db.prepare("SELECT key, value FROM linli_meta").all() as { key: string; value: string }[]).map((r) => [
        r.key,
        r.value,
      ]),
    );
    expect(meta.schema_version).toBe(String(SCHEMA_VERSION));
    expect(meta["migration.2"]).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(meta["migration.1"]).toBe("2026-01-01T00:00:00.000Z");
    const registry = JSON.parse(
      db.prepare("SELECT columns FROM linli_model WHERE name = 'testkit_slot'").pluck().get() as string,
    ) as { column: string; kind: string | null }[];
    expect(registry.find((c) => c.column === "start")?.kind).toBe("date");
    db.close();
    // Opening again migrates nothing.
    const again = sqliteStorage({ filename });
    expect(again.migratedFrom).toBe(SCHEMA_VERSION);
    await again.close();
  });

  test("the version-2 registry catches a field whose kind changed although its SQL type did not", async () => {
    const filename = dir.file("v1-kind.db");
    writeVersion1Fixture(filename);
    const storage = sqliteStorage({ filename });
    await storage.setup(testkitModels);
    const changed = defineModel("testkit_slot", {
      slotId: z.string(),
      holder: z.string(),
      start: z.number().int(),
      end: z.date(),
      quantity: z.number().int(),
    });
    const error = await storage.setup([changed]).catch((e: unknown) => e);
    expect(isLinliError(error, "SQLITE_MODEL_CONFLICT")).toBe(true);
    expect((error as Error).message).toContain("start");
    await storage.close();
  });

  test("a database written by a newer schema version is refused and left byte for byte unchanged", async () => {
    const filename = dir.file("newer.db");
    await sqliteStorage({ filename }).close();
    const db = new Database(filename);
    db.prepare("UPDATE linli_meta SET value = ? WHERE key = 'schema_version'").run(
      String(SCHEMA_VERSION + 1),
    );
    // A journal mode a newer release might prefer; opening must not switch it back to WAL.
    db.pragma("journal_mode = DELETE");
    db.close();
    const before = sha256(filename);

    let error: unknown;
    try {
      sqliteStorage({ filename });
    } catch (e) {
      error = e;
    }
    expect(isLinliError(error, "SQLITE_SCHEMA_TOO_NEW")).toBe(true);
    const messages = (error as { messages: { en: string; "zh-CN": string } }).messages;
    expect(messages.en).toContain(`schema version ${SCHEMA_VERSION + 1}`);
    expect(messages.en).toContain("upgrade @linli/storage-sqlite");
    expect(messages["zh-CN"]).toContain("更新版本");
    expect(sha256(filename)).toBe(before);

    const check = new Database(filename, { readonly: true });
    expect(check.pragma("journal_mode", { simple: true })).toBe("delete");
    expect(check.prepare("SELECT value FROM linli_meta WHERE key = 'schema_version'").pluck().get()).toBe(
      String(SCHEMA_VERSION + 1),
    );
    check.close();
  });
});
