import { inTx, slotModel, testkitModels } from "@linli/storage-testkit";
import { describe, expect, test } from "vitest";
import { exited, nextMessage, spawnWorker } from "../test/spawn-worker";
import { usePgServer } from "../test/use-pg-server";
import { FIXED_CAPACITY, FIXED_SLOTS, RANGE_CAPACITY, RANGE_SLOT } from "../test/workers/reserve-plan";
import { postgresStorage } from "./postgres-storage";

const pg = usePgServer();

const WORKERS = 3;
const ATTEMPTS = 24;

interface Report {
  type: "done";
  won: string[];
  refused: number;
  errors: string[];
}

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

      for (const r of reports) expect(r.errors).toEqual([]);
      const won = reports.flatMap((r) => r.won);
      expect(won.length + reports.reduce((a, r) => a + r.refused, 0)).toBe(WORKERS * ATTEMPTS);
      expect(new Set(won.map((id) => id.split("-")[0])).size).toBeGreaterThan(1);

      const storage = postgresStorage({ connectionString: pg.server.url, schema });
      await storage.setup(testkitModels);
      const rows = await inTx(storage, (tx) => tx.findMany(slotModel), "race");
      await storage.close();

      // Every success a worker reported is in the database, and nothing else is.
      expect(rows.map((r) => r.id).sort()).toEqual([...won].sort());
      for (const slot of FIXED_SLOTS)
        expect(rows.filter((r) => r.slotId === slot)).toHaveLength(FIXED_CAPACITY);
      const ranged = rows.filter((r) => r.slotId === RANGE_SLOT);
      expect(ranged.length).toBeGreaterThan(0);
      for (const t of ranged.map((r) => r.start.getTime())) {
        const load = ranged
          .filter((r) => r.start.getTime() <= t && t < r.end.getTime())
          .reduce((a, r) => a + r.quantity, 0);
        expect(load).toBeLessThanOrEqual(RANGE_CAPACITY);
      }
    } finally {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill("SIGKILL");
      await pg.dropSchema(schema);
    }
  }, 60_000);
});
