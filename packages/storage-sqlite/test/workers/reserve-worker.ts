/**
 * A worker process of the multi-process test: opens the shared database file, waits for
 * "go", then races the other workers to reserve slots through the kernel's `reserve`,
 * one transaction per attempt, and reports what it won.
 *
 * argv: <filename> <worker index> <attempts>
 */
import { createTx, isLinliError, sequentialIds, ValueCodec } from "@linli/core";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import { sqliteStorage } from "../../src/sqlite-storage";
import { attemptOf } from "./reserve-plan";

const [filename, indexArg, attemptsArg] = process.argv.slice(2);
const worker = Number(indexArg);
const attempts = Number(attemptsArg);

const storage = sqliteStorage({ filename: filename!, busyTimeoutMs: 20_000 });
await storage.setup(testkitModels);
const codec = new ValueCodec(storage.capabilities);
const ids = sequentialIds();

const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
process.send!({ type: "ready" });
await go;

const won: string[] = [];
let refused = 0;
const errors: string[] = [];
for (let i = 0; i < attempts; i++) {
  const attempt = attemptOf(worker, i);
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
await storage.close();
process.send!({ type: "done", won, refused, errors }, () => process.disconnect());
