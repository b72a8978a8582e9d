import { createTx, sequentialIds, ValueCodec } from "@linli/core";
import { postgresStorage } from "@linli/storage-postgres";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import pg from "pg";
import { startPgServer } from "../../packages/storage-postgres/test/pg-server";
import { compare } from "./report";

const BATCH = 200;
const CAPACITY = 3;
const HOUR = 3_600_000;
const POOL = 4;
const start = Date.UTC(2026, 5, 1, 0);

/** The k-th reservation: hourly slots with `CAPACITY` reservations each, so every one fits. */
function request(k: number) {
  const slot = Math.floor(k / CAPACITY);
  return {
    id: `r${k}`,
    slotId: `slot-${slot}`,
    holder: `h${k % 97}`,
    start: new Date(start + slot * HOUR),
    end: new Date(start + (slot + 1) * HOUR),
    quantity: 1,
  };
}

// A throwaway local PostgreSQL with its durable defaults (fsync and synchronous_commit on):
// every commit waits for the WAL flush, on both sides.
const server = await startPgServer({ durable: true });

// Ours: the full kernel (validation, ids, conversions, advisory lock, overlap read, peak
// load, insert) over the adapter, one transaction per reservation, one after the other.
const storage = postgresStorage({ connectionString: server.url, schema: "bench", max: POOL });
await storage.setup(testkitModels);
const codec = new ValueCodec(storage.capabilities);
const ids = sequentialIds();
let kernelNext = 0;

async function kernelRun(): Promise<number> {
  let won = 0;
  for (let i = 0; i < BATCH; i++) {
    const r = request(kernelNext++);
    await storage.transaction((inner) =>
      createTx(inner, { communityId: "bench", ids, codec }).reserve(slotModel, {
        key: r.slotId,
        capacity: CAPACITY,
        scope: [{ field: "slotId", value: r.slotId }],
        interval: { startField: "start", endField: "end", start: r.start, end: r.end },
        data: r,
      }),
    );
    won++;
  }
  return won;
}

// Baseline: raw pg, a pool of the same size on the same server, the same table and index,
// one single-row INSERT per transaction (BEGIN … COMMIT on a checked-out client), a
// prepared statement, no lock and no capacity check.
const raw = new pg.Pool({ connectionString: server.url, max: POOL });
await raw.query(`CREATE SCHEMA raw`);
await raw.query(`CREATE TABLE raw.testkit_slot (community_id text COLLATE "C" NOT NULL, id text COLLATE "C" NOT NULL,
  slot_id text COLLATE "C" NOT NULL, holder text COLLATE "C" NOT NULL, start timestamptz NOT NULL,
  "end" timestamptz NOT NULL, quantity bigint NOT NULL, PRIMARY KEY (community_id, id))`);
await raw.query(`CREATE INDEX ON raw.testkit_slot (community_id, slot_id, start)`);
const insert = {
  name: "raw_insert",
  text: `INSERT INTO raw.testkit_slot VALUES ($1, $2, $3, $4, $5, $6, $7)`,
};
let rawNext = 0;

async function rawRun(): Promise<number> {
  let won = 0;
  for (let i = 0; i < BATCH; i++) {
    const r = request(rawNext++);
    const client = await raw.connect();
    try {
      await client.query("BEGIN");
      await client.query({
        ...insert,
        values: ["bench", r.id, r.slotId, r.holder, r.start, r.end, r.quantity],
      });
      await client.query("COMMIT");
    } finally {
      client.release();
    }
    won++;
  }
  return won;
}

export default async () => {
  try {
    await compare({
      id: "storage-postgres.commit",
      unit: "ops/s",
      opsPerRun: BATCH,
      params: {
        reservationsPerRun: BATCH,
        capacity: CAPACITY,
        pool: POOL,
        inFlight: 1,
        server: "local PostgreSQL 15, throwaway cluster, durable defaults (fsync on)",
      },
      ours: { name: "kernel+postgres reserve", run: kernelRun },
      baseline: { name: "raw pg insert", run: rawRun },
      extra: { target: "ratio >= 0.5" },
    });
  } finally {
    await storage.close();
    await raw.end();
    await server.stop();
  }
};
