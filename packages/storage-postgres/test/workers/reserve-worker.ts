/**
 * A worker process of the multi-process test: opens the shared schema through its own pool,
 * waits for "go", then races the other workers through the storage testkit's race plan,
 * four transactions at once on four connections, and reports what it won.
 *
 * argv: <connection string> <schema> <worker index> <attempts>
 */
import { runRaceWorker, testkitModels } from "@linli/storage-testkit";
import { postgresStorage } from "../../src/postgres-storage";

const [connectionString, schema, indexArg, attemptsArg] = process.argv.slice(2);

const storage = postgresStorage({ connectionString: connectionString!, schema: schema!, max: 4 });
await storage.setup(testkitModels);

const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
process.send!({ type: "ready" });
await go;

const report = await runRaceWorker(storage, Number(indexArg), Number(attemptsArg), 4);
await storage.close();
process.send!({ type: "done", ...report }, () => process.disconnect());
