import { sequentialIds } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import { postgresStorage } from "@linli/storage-postgres";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import pg from "pg";
import { startPgServer } from "../../packages/storage-postgres/test/pg-server";
import { compare } from "./report";
import { reservationRequest } from "./reservation-request";

const BATCH = 200;
const CAPACITY = 3;
const POOL = 8;

/** The k-th reservation (see reservation-request.ts). */
const request = (k: number) => reservationRequest(k, CAPACITY);

// A throwaway local PostgreSQL with its durable defaults (fsync and synchronous_commit on):
// every commit waits for the WAL flush, on both sides.
const server = await startPgServer({ durable: true });

// Ours: the full kernel (validation, ids, conversions, advisory lock, overlap read, peak
// load, insert) over the adapter, one transaction per reservation; first one at a time,
// then `POOL` at a time on as many connections (three reservations share each slot, so
// some of them wait for each other's lock).
const storage = postgresStorage({ connectionString: server.url, schema: "bench", max: POOL });
await storage.setup(testkitModels);
const codec = new ValueCodec(storage.capabilities);
const ids = sequentialIds();
let kernelNext = 0;

/** Runs `BATCH` calls of `one`, `inFlight` at a time (each on its own pooled connection). */
async function batch(inFlight: number, one: () => Promise<void>): Promise<number> {
  let started = 0;
  let done = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (started < BATCH) {
        started++;
        await one();
        done++;
      }
    }),
  );
  return done;
}

async function kernelOne(): Promise<void> {
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

async function rawOne(): Promise<void> {
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
}

export default async () => {
  try {
    for (const inFlight of [1, POOL]) {
      await compare({
        id: inFlight === 1 ? "storage-postgres.commit" : `storage-postgres.commit.parallel-${inFlight}`,
        unit: "ops/s",
        opsPerRun: BATCH,
        params: {
          reservationsPerRun: BATCH,
          capacity: CAPACITY,
          pool: POOL,
          inFlight,
          server: "local PostgreSQL 15, throwaway cluster, durable defaults (fsync on)",
        },
        ours: { name: "kernel+postgres reserve", run: () => batch(inFlight, kernelOne) },
        baseline: { name: "raw pg insert", run: () => batch(inFlight, rawOne) },
        extra: { target: "ratio >= 0.5" },
      });
    }
  } finally {
    await storage.close();
    await raw.end();
    await server.stop();
  }
};
