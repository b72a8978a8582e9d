import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { postgresStorage } from "@linli/storage-postgres";
import pg from "pg";
import { startPgServer } from "../../packages/storage-postgres/test/pg-server";
import { cityCommunity } from "./lib/city";
import { emit } from "./report";

// 500 community objects (booking + pricing) in one process, each with its own
// `postgresStorage` over one shared pool and one schema: the heap each one costs and the time to
// create them all (the first one sets the schema up; the others share its setup). Run with
// a full garbage collection before each heap reading.
const COMMUNITIES = 500;
const TARGET_MB = 2;
const TARGET_CREATE_MS = 5_000;

// A full garbage collection before each heap reading, without a node flag on the command line.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const heapMb = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1_048_576;
};

export default async () => {
  const server = await startPgServer();
  const pool = new pg.Pool({ connectionString: server.url, max: 8 });
  try {
    // One community first, so that module-level costs (zod schemas, plugin code) are not counted.
    const storageOf = () => postgresStorage({ pool, schema: "city" });
    await cityCommunity(storageOf(), 999);
    const before = heapMb();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const communities: Awaited<ReturnType<typeof cityCommunity>>[] = [];
    for (let i = 0; i < COMMUNITIES; i++) communities.push(await cityCommunity(storageOf(), i));
    const createMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const perCommunity = (heapMb() - before) / COMMUNITIES;
    // Every community answers (and they are kept alive until measured).
    const answered = communities.filter((c, i) => c.id === `c${String(i).padStart(3, "0")}`).length;
    if (answered !== COMMUNITIES) throw new Error(`only ${answered} communities answered`);
    const value = Math.round(perCommunity * 1000) / 1000;
    emit({
      id: "storage-postgres.communities-500",
      value,
      unit: "MB",
      better: "lower",
      baseline: { name: "target-2MB", value: TARGET_MB },
      ratio: Math.round((TARGET_MB / Math.max(value, 0.001)) * 1000) / 1000,
      params: {
        communities: COMMUNITIES,
        plugins: ["booking", "pricing"],
        pool: 8,
        createMs: Math.round(createMs),
        // This process's CPU time for the 500 creations: what a machine not shared with other
        // work would need, at most (the server's work for the one setup runs in PostgreSQL).
        createCpuMs: Math.round((used.user + used.system) / 1000),
        createTargetMs: TARGET_CREATE_MS,
      },
      samples: 1,
    });
  } finally {
    await pool.end();
    await server.stop();
  }
};
