import { readFileSync, writeFileSync } from "node:fs";
import { inTx, seededRandom, slotModel, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { exited, spawnWorker } from "../test/spawn-worker";
import { tempDir } from "../test/temp-dir";
import { CRASH_CAPACITY } from "../test/workers/crash-plan";
import { SCHEMA_VERSION } from "./schema-migrations";
import { sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());

const RUNS = 5;

/**
 * Runs the writer child until it has reported `target` commits on stdout, then kills it
 * with SIGKILL while it keeps writing (the kill lands anywhere in its loop: inside a
 * transaction, during the commit, between commit and report).
 */
async function killAfter(filename: string, progressFile: string, run: number, target: number) {
  const child = spawnWorker("crash-writer.ts", [filename, progressFile, String(run)], { pipe: true });
  let seen = 0;
  let buffered = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      if (lines.length > 0) seen = Number(lines[lines.length - 1]);
      if (seen >= target && child.signalCode === null) {
        child.kill("SIGKILL");
        resolve();
      }
    });
    child.once("exit", (code, signal) => {
      if (signal !== "SIGKILL") reject(new Error(`writer exited by itself (code ${code}, signal ${signal})`));
    });
  });
  const { signal } = await exited(child);
  return { signal, seen };
}

describe("crash", () => {
  test("a writer killed with SIGKILL at random moments, 5 times: the file opens, integrity_check is ok, every reported commit is there", async () => {
    const filename = dir.file("crash.db");
    const progressFile = dir.file("committed.txt");
    writeFileSync(progressFile, "");
    const seed = Number(process.env.LINLI_CRASH_SEED ?? Date.now() % 1_000_000);
    const random = seededRandom(seed);
    let reportedTotal = 0;
    let unreportedTotal = 0;
    for (let run = 0; run < RUNS; run++) {
      const target = 5 + Math.floor(random() * 120);
      const { signal } = await killAfter(filename, progressFile, run, target);
      expect(signal, `seed ${seed}`).toBe("SIGKILL");

      // A plain connection first: recovering the WAL must leave a sound database.
      const db = new Database(filename);
      expect(db.pragma("integrity_check", { simple: true }), `seed ${seed}, run ${run}`).toBe("ok");
      db.close();

      const reported = readFileSync(progressFile, "utf8").split("\n").filter(Boolean);
      expect(reported.length).toBeGreaterThan(reportedTotal);
      reportedTotal = reported.length;

      const storage = sqliteStorage({ filename });
      expect(storage.migratedFrom).toBe(SCHEMA_VERSION);
      await storage.setup(testkitModels);
      const rows = await inTx(storage, (tx) => tx.findMany(slotModel), "crash");
      await storage.close();
      const stored = new Set(rows.map((r) => r.id));
      const missing = reported.filter((id) => !stored.has(id));
      expect(missing, `seed ${seed}, run ${run}: reported as committed but missing`).toEqual([]);
      // At most the one transaction in flight at this kill committed without being reported
      // (earlier runs may each have left one such commit of their own).
      const unreported = rows.length - reported.length;
      expect(unreported - unreportedTotal, `seed ${seed}, run ${run}`).toBeLessThanOrEqual(1);
      expect(unreported).toBeGreaterThanOrEqual(unreportedTotal);
      unreportedTotal = unreported;
      const perSlot = new Map<string, number>();
      for (const r of rows) perSlot.set(r.slotId, (perSlot.get(r.slotId) ?? 0) + 1);
      for (const n of perSlot.values()) expect(n).toBeLessThanOrEqual(CRASH_CAPACITY);
    }
  }, 60_000);
});
