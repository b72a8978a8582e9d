/**
 * The child of the crash test: writes reservations in a loop, one transaction each, until it
 * is killed. After each commit it appends the reservation's id to the progress file and
 * syncs it (fdatasync), then prints the number of commits on stdout so the parent can pick
 * a moment to kill it. A line in the progress file is therefore a promise: "this write was
 * committed".
 *
 * argv: <database file> <progress file> <run number>
 */
import { closeSync, fdatasyncSync, openSync, writeSync } from "node:fs";
import { isLinliError, sequentialIds } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import { slotModel, testkitModels } from "@linli/storage-testkit";
import { sqliteStorage } from "../../src/sqlite-storage";
import { CRASH_CAPACITY, crashReservation } from "./crash-plan";

const [filename, progressFile, runArg] = process.argv.slice(2);
const run = Number(runArg);

const storage = sqliteStorage({ filename: filename!, busyTimeoutMs: 20_000 });
await storage.setup(testkitModels);
const codec = new ValueCodec(storage.capabilities);
const ids = sequentialIds();
const progress = openSync(progressFile!, "a");

let committed = 0;
for (let i = 0; ; i++) {
  const r = crashReservation(run, i);
  try {
    const row = await storage.transaction((inner) =>
      createTx(inner, { communityId: "crash", ids, codec }).reserve(slotModel, {
        key: `slot:${r.slotId}`,
        capacity: CRASH_CAPACITY,
        scope: [{ field: "slotId", value: r.slotId }],
        interval: { startField: "start", endField: "end", start: r.start, end: r.end },
        data: r,
      }),
    );
    writeSync(progress, `${row.id}\n`);
    fdatasyncSync(progress);
    committed++;
    process.stdout.write(`${committed}\n`);
  } catch (error) {
    if (!isLinliError(error, "CAPACITY_EXCEEDED")) {
      closeSync(progress);
      throw error;
    }
  }
}
