import type { ChildProcess } from "node:child_process";
import { inTx, slotModel, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { FIXED_CAPACITY, FIXED_SLOTS, RANGE_CAPACITY, RANGE_SLOT } from "../test/workers/reserve-plan";
import { exited, spawnWorker } from "../test/spawn-worker";
import { tempDir } from "../test/temp-dir";
import { sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());

const WORKERS = 4;
const ATTEMPTS = 24;

interface Report {
  type: "done";
  won: string[];
  refused: number;
  errors: string[];
}

function nextMessage<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: { type: string }) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      child.off("exit", onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`worker exited (${code}) before "${type}"`));
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

describe("multi-process", () => {
  test("4 processes race to reserve capacity-limited slots: capacity is never exceeded and every reported success is stored", async () => {
    const filename = dir.file("race.db");
    const parent = sqliteStorage({ filename });
    await parent.setup(testkitModels);
    await parent.close();

    const children = Array.from({ length: WORKERS }, (_, w) =>
      spawnWorker("reserve-worker.ts", [filename, String(w), String(ATTEMPTS)]),
    );
    try {
      // Everyone opens the file and sets up the models first; then all start at once.
      await Promise.all(children.map((c) => nextMessage(c, "ready")));
      const done = children.map((c) => nextMessage<Report>(c, "done"));
      for (const c of children) c.send({ type: "go" });
      const reports = await Promise.all(done);
      await Promise.all(children.map(exited));

      for (const r of reports) expect(r.errors).toEqual([]);
      const won = reports.flatMap((r) => r.won);
      expect(won.length + reports.reduce((a, r) => a + r.refused, 0)).toBe(WORKERS * ATTEMPTS);
      // Contention really happened across processes: the winners come from several workers.
      expect(new Set(won.map((id) => id.split("-")[0])).size).toBeGreaterThan(1);

      const storage = sqliteStorage({ filename });
      await storage.setup(testkitModels);
      const rows = await inTx(storage, (tx) => tx.findMany(slotModel), "race");
      await storage.close();

      // Every success a worker reported is in the database, and nothing else is.
      expect(rows.map((r) => r.id).sort()).toEqual([...won].sort());
      // Fixed slots: attempts far exceed capacity, so each is filled exactly to capacity.
      for (const slot of FIXED_SLOTS)
        expect(rows.filter((r) => r.slotId === slot)).toHaveLength(FIXED_CAPACITY);
      // The range slot: the load never exceeds capacity at any instant.
      const ranged = rows.filter((r) => r.slotId === RANGE_SLOT);
      expect(ranged.length).toBeGreaterThan(0);
      const instants = ranged.map((r) => r.start.getTime());
      for (const t of instants) {
        const load = ranged
          .filter((r) => r.start.getTime() <= t && t < r.end.getTime())
          .reduce((a, r) => a + r.quantity, 0);
        expect(load).toBeLessThanOrEqual(RANGE_CAPACITY);
      }

      const db = new Database(filename, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    }
  }, 60_000);
});
