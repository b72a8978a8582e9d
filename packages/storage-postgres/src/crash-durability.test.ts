import { isLinliError, sequentialIds } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import { inTx, slotModel, testkitModels } from "@linli/storage-testkit";
import { describe, expect, test } from "vitest";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";

// PostgreSQL's durable defaults (fsync, synchronous_commit, full_page_writes on).
const pg = usePgServer({ durable: true });

const HOUR = 3_600_000;
const BASE = Date.UTC(2026, 5, 1);
const CAPACITY = 2;
const WRITERS = 6;
const CRASH_AFTER = 60;

describe("crash", () => {
  test("the server is killed (immediate shutdown, no checkpoint) under 6 concurrent writers: after restart every acknowledged commit is there and capacity holds", async () => {
    const schema = pg.schemaName("crash");
    const storage = postgresStorage({ connectionString: pg.server.url, schema, max: WRITERS, retries: 0 });
    await storage.setup(testkitModels);
    const codec = new ValueCodec(storage.capabilities);
    const ids = sequentialIds();
    const acknowledged: string[] = [];
    const failures: unknown[] = [];
    let crashing: Promise<void> | undefined;
    let next = 0;
    // Three requests per hourly slot of capacity 2: one in three is refused.
    const writer = async () => {
      for (;;) {
        const k = next++;
        const slot = Math.floor(k / 3);
        const data = {
          id: `r${k}`,
          slotId: `slot-${slot}`,
          holder: `h${k}`,
          start: new Date(BASE + slot * HOUR),
          end: new Date(BASE + (slot + 1) * HOUR),
          quantity: 1,
        };
        try {
          const row = await storage.transaction((inner) =>
            createTx(inner, { communityId: "crash", ids, codec }).reserve(slotModel, {
              key: data.slotId,
              capacity: CAPACITY,
              scope: [{ field: "slotId", value: data.slotId }],
              data,
            }),
          );
          acknowledged.push(row.id);
          if (acknowledged.length === CRASH_AFTER) crashing = pg.server.crash();
        } catch (error) {
          if (isLinliError(error, "CAPACITY_EXCEEDED")) continue;
          failures.push(error);
          return;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    await crashing;
    await storage.close();
    // Every writer stopped on a clear LinliError about the lost server (during COMMIT: its
    // outcome is uncertain, so it is not counted as acknowledged), none hung.
    expect(failures).toHaveLength(WRITERS);
    for (const e of failures)
      expect([
        "POSTGRES_CONNECTION_LOST",
        "POSTGRES_CONNECTION_FAILED",
        "POSTGRES_COMMIT_UNCERTAIN",
      ]).toContain((e as { code: string }).code);

    await pg.server.restart();
    const reopened = postgresStorage({ connectionString: pg.server.url, schema });
    await reopened.setup(testkitModels);
    const rows = await inTx(reopened, (tx) => tx.findMany(slotModel), "crash");
    await reopened.close();
    const stored = new Set(rows.map((r) => r.id));
    for (const id of acknowledged) expect(stored.has(id), `acknowledged ${id} lost`).toBe(true);
    const perSlot = new Map<string, number>();
    for (const r of rows) perSlot.set(r.slotId, (perSlot.get(r.slotId) ?? 0) + 1);
    for (const n of perSlot.values()) expect(n).toBeLessThanOrEqual(CAPACITY);
    await pg.dropSchema(schema);
  }, 60_000);
});
