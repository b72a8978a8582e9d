/**
 * A worker process of the multi-process test: opens the shared database file, waits for
 * "go", then races the other workers through the storage testkit's race plan and reports
 * what it won.
 *
 * argv: <filename> <worker index> <attempts>
 */
import { runRaceWorker, testkitModels } from "@linli/storage-testkit";
import { sqliteStorage } from "../../src/sqlite-storage";

const [filename, indexArg, attemptsArg] = process.argv.slice(2);

const storage = sqliteStorage({ filename: filename!, busyTimeoutMs: 20_000 });
await storage.setup(testkitModels);

const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
process.send!({ type: "ready" });
await go;

const report = await runRaceWorker(storage, Number(indexArg), Number(attemptsArg));
await storage.close();
process.send!({ type: "done", ...report }, () => process.disconnect());
