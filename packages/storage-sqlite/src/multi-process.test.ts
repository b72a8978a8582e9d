import type { ChildProcess } from "node:child_process";
import { isLinliError } from "@linli/core";
import {
  counterModel,
  inReadOnlyTx,
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
    const onMessage = (message: { type: string; message?: string }) => {
      if (message.type === "error" && type !== "error") {
        child.off("message", onMessage);
        child.off("exit", onExit);
        reject(new Error(`worker failed before "${type}": ${message.message}`));
        return;
      }
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

  describe("read-only transactions across processes (a worker holds a transaction open until told to end it)", () => {
    /** Sends a command to the worker and waits for its answer of `type`. */
    const ask = <T = { type: string }>(child: ChildProcess, command: object, type: string) => {
      const answer = nextMessage<T>(child, type);
      child.send(command);
      return answer;
    };

    test("a long read-only transaction in one process does not block a write in another, and keeps its snapshot", async () => {
      const filename = dir.file("read-beside-write.db");
      // A short busy timeout: a write blocked by the reader fails fast with SQLITE_BUSY.
      const parent = sqliteStorage({ filename, busyTimeoutMs: 1000 });
      await parent.setup(testkitModels);
      await inTx(parent, (tx) => tx.create(counterModel, { id: "a", value: 1 }));
      const child = spawnWorker("tx-holder.ts", [filename]);
      try {
        await nextMessage(child, "ready");
        const reading = await ask<{ count: number }>(child, { type: "hold-read" }, "reading");
        expect(reading.count).toBe(1);
        // The worker's read-only transaction is open (it waits for "end"); this process writes.
        await inTx(parent, (tx) => tx.create(counterModel, { id: "b", value: 1 }));
        expect(await inReadOnlyTx(parent, (tx) => tx.count(counterModel))).toBe(2);
        // Still in its transaction, the worker reads its snapshot from before the write.
        const again = await ask<{ count: number }>(child, { type: "read" }, "read");
        expect(again.count).toBe(1);
        await ask(child, { type: "end" }, "ended");
        child.send({ type: "exit" });
        expect(await exited(child)).toEqual({ code: 0, signal: null });
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        await parent.close();
      }
    }, 60_000);

    test("a write transaction held open in one process does not block a read-only transaction in another", async () => {
      const filename = dir.file("write-beside-read.db");
      const parent = sqliteStorage({ filename });
      await parent.setup(testkitModels);
      await inTx(parent, (tx) => tx.create(counterModel, { id: "a", value: 1 }));
      // With no busy timeout at all, to show that the worker really holds the write lock.
      const impatient = sqliteStorage({ filename, busyTimeoutMs: 0 });
      const child = spawnWorker("tx-holder.ts", [filename]);
      try {
        await nextMessage(child, "ready");
        await ask(child, { type: "hold-write", id: "c" }, "writing");
        // The worker's write transaction is open with an uncommitted row: this process reads
        // the committed data at once, without waiting for the write lock.
        expect(await inReadOnlyTx(parent, (tx) => tx.findMany(counterModel))).toEqual([
          { id: "a", communityId: "testkit", value: 1 },
        ]);
        // The write lock is still held by the worker: a write of this process cannot begin.
        const busy = await inTx(impatient, (tx) => tx.count(counterModel)).catch((e: unknown) => e);
        expect(isLinliError(busy, "SQLITE_BUSY"), String(busy)).toBe(true);
        await ask(child, { type: "end" }, "ended");
        expect(await inReadOnlyTx(parent, (tx) => tx.count(counterModel))).toBe(2);
        child.send({ type: "exit" });
        expect(await exited(child)).toEqual({ code: 0, signal: null });
      } finally {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
        await impatient.close();
        await parent.close();
      }
    }, 60_000);
  });
});
