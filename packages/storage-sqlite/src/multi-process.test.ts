import type { ChildProcess } from "node:child_process";
import {
  inTx,
  processRace,
  type RaceReport,
  raceProblems,
  slotModel,
  testkitModels,
} from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { exited, spawnWorker } from "../test/spawn-worker";
import { tempDir } from "../test/temp-dir";
import { sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());

const WORKERS = 4;
const ATTEMPTS = 24;

type Report = RaceReport & { type: "done" };

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

      const storage = sqliteStorage({ filename });
      await storage.setup(testkitModels);
      const rows = await inTx(storage, (tx) => tx.findMany(slotModel), processRace.communityId);
      await storage.close();

      // Every success a worker reported is stored and nothing else; fixed slots are filled
      // exactly to capacity; the range slot never holds more than its capacity at any instant.
      expect(raceProblems(rows, reports, ATTEMPTS)).toEqual([]);

      const db = new Database(filename, { readonly: true });
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      db.close();
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
    }
  }, 60_000);
});
