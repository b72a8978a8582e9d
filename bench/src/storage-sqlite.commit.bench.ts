import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sequentialIds } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import { sqliteStorage } from "@linli/storage-sqlite";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import Database from "better-sqlite3";
import { compare } from "./report";
import { reservationRequest } from "./reservation-request";

const BATCH = 200;
const CAPACITY = 3;

/** The k-th reservation (see reservation-request.ts). */
const request = (k: number) => reservationRequest(k, CAPACITY);

const dir = mkdtempSync(join(tmpdir(), "linli-bench-sqlite-"));
process.once("exit", () => rmSync(dir, { recursive: true, force: true }));

// Ours: the full kernel (validation, ids, conversions, lock, overlap read, peak load, insert)
// over the adapter, one transaction per reservation; file database, WAL, synchronous NORMAL.
const storage = sqliteStorage({ filename: join(dir, "kernel.db"), synchronous: "NORMAL" });
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

// Baseline: raw better-sqlite3, the same table and settings, one single-row INSERT per
// transaction (BEGIN IMMEDIATE … COMMIT), no capacity check.
const raw = new Database(join(dir, "raw.db"));
raw.pragma("journal_mode = WAL");
raw.pragma("synchronous = NORMAL");
raw.exec(`CREATE TABLE testkit_slot (community_id TEXT NOT NULL, id TEXT NOT NULL, slot_id TEXT NOT NULL,
  holder TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL, quantity INTEGER NOT NULL,
  PRIMARY KEY (community_id, id)) STRICT, WITHOUT ROWID`);
raw.exec(`CREATE INDEX testkit_slot__slot_id__start ON testkit_slot (community_id, slot_id, start)`);
const begin = raw.prepare("BEGIN IMMEDIATE");
const commit = raw.prepare("COMMIT");
const insert = raw.prepare(`INSERT INTO testkit_slot VALUES (?, ?, ?, ?, ?, ?, ?)`);
let rawNext = 0;

function rawRun(): number {
  let won = 0;
  for (let i = 0; i < BATCH; i++) {
    const r = request(rawNext++);
    begin.run();
    insert.run("bench", r.id, r.slotId, r.holder, r.start.getTime(), r.end.getTime(), r.quantity);
    commit.run();
    won++;
  }
  return won;
}

export default async () => {
  await compare({
    id: "storage-sqlite.commit",
    unit: "ops/s",
    opsPerRun: BATCH,
    params: {
      reservationsPerRun: BATCH,
      capacity: CAPACITY,
      journal: "WAL",
      synchronous: "NORMAL",
      file: true,
    },
    ours: { name: "kernel+sqlite reserve", run: kernelRun },
    baseline: { name: "raw better-sqlite3 insert", run: rawRun },
    extra: { target: "ratio >= 0.5" },
  });
  await storage.close();
  raw.close();
};
