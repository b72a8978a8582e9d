import {
  inTx,
  processRace,
  type RaceReport,
  raceProblems,
  slotModel,
  testkitModels,
} from "@linli/storage-testkit";
import { describe, expect, test } from "vitest";
import { exited, nextMessage, spawnWorker } from "../test/spawn-worker";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";

const pg = usePgServer();

const WORKERS = 3;
const ATTEMPTS = 24;

type Report = RaceReport & { type: "done" };

describe("multi-process", () => {
  test("3 processes × 4 connections race to reserve capacity-limited slots: capacity is never exceeded and every reported success is stored", async () => {
    const schema = pg.schemaName("processes");
    const children = Array.from({ length: WORKERS }, (_, w) =>
      spawnWorker("reserve-worker.ts", [pg.server.url, schema, String(w), String(ATTEMPTS)]),
    );
    try {
      // Every worker sets up the (new) schema itself, all at once; then all start together.
      await Promise.all(children.map((c) => nextMessage(c, "ready")));
      const done = children.map((c) => nextMessage<Report>(c, "done"));
      for (const c of children) c.send({ type: "go" });
      const reports = await Promise.all(done);
      await Promise.all(children.map(exited));

      const storage = postgresStorage({ connectionString: pg.server.url, schema });
      await storage.setup(testkitModels);
      const rows = await inTx(storage, (tx) => tx.findMany(slotModel), processRace.communityId);
      await storage.close();

      // Every success a worker reported is stored and nothing else; fixed slots are filled
      // exactly to capacity; the range slot never holds more than its capacity at any instant.
      expect(raceProblems(rows, reports, ATTEMPTS)).toEqual([]);
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
      await pg.dropSchema(schema);
    }
  }, 60_000);
});
