/**
 * A worker process of the multi-process test: opens the shared schema through its own pool,
 * waits for "go", then races the other workers to reserve slots through the kernel's
 * `reserve`, several transactions at once, and reports what it won.
 *
 * argv: <connection string> <schema> <worker index> <attempts>
 */
import { createTx, isLinliError, sequentialIds, ValueCodec } from "@linli/core";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import { postgresStorage } from "../../src/postgres-storage";
import { attemptOf } from "./reserve-plan";

const [connectionString, schema, indexArg, attemptsArg] = process.argv.slice(2);
const worker = Number(indexArg);
const attempts = Number(attemptsArg);

const storage = postgresStorage({ connectionString: connectionString!, schema: schema!, max: 4 });
await storage.setup(testkitModels);
const codec = new ValueCodec(storage.capabilities);
const ids = sequentialIds();

const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
process.send!({ type: "ready" });
await go;

const won: string[] = [];
let refused = 0;
const errors: string[] = [];
// Four transactions of this process in flight at a time, on four connections.
let next = 0;
await Promise.all(
  Array.from({ length: 4 }, async () => {
    while (next < attempts) {
      const attempt = attemptOf(worker, next++);
      try {
        const row = await storage.transaction((inner) =>
          createTx(inner, { communityId: "race", ids, codec }).reserve(slotModel, attempt),
        );
        won.push(row.id);
      } catch (error) {
        if (isLinliError(error, "CAPACITY_EXCEEDED")) refused++;
        else errors.push(String(error));
      }
    }
  }),
);
await storage.close();
process.send!({ type: "done", won, refused, errors }, () => process.disconnect());
