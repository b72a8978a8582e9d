/**
 * A worker process of the cross-process read/write test: opens the shared database file and
 * holds a transaction open on command, so the parent can show what another process can do
 * meanwhile. Every step is driven by a message from the parent and answered with one; the
 * transaction stays open until the parent sends "end".
 *
 * - `{ type: "hold-read" }`: begins a read-only transaction, counts the counters and answers
 *   `{ type: "reading", count }`; on `{ type: "read" }` counts again in the same transaction
 *   and answers `{ type: "read", count }`; on `{ type: "end" }` ends it: `{ type: "ended" }`.
 * - `{ type: "hold-write", id }`: begins a write transaction, creates counter `id` and answers
 *   `{ type: "writing" }`; on `{ type: "end" }` commits: `{ type: "ended" }`.
 * - `{ type: "exit" }`: closes the storage and disconnects.
 *
 * A failure is answered with `{ type: "error", code, message }` and ends the worker.
 *
 * argv: <filename>
 */
import { inReadOnlyTx, inTx, counterModel, testkitModels } from "@linli/storage-testkit";
import { sqliteStorage } from "../../src/sqlite-storage";

type Message = { type: string; id?: string };

const [filename] = process.argv.slice(2);
const storage = sqliteStorage({ filename: filename!, busyTimeoutMs: 20_000 });
await storage.setup(testkitModels);

const inbox: Message[] = [];
const waiting: Array<(message: Message) => void> = [];
process.on("message", (message: Message) => {
  const next = waiting.shift();
  if (next) next(message);
  else inbox.push(message);
});
const receive = (): Promise<Message> => {
  const queued = inbox.shift();
  return queued ? Promise.resolve(queued) : new Promise((resolve) => waiting.push(resolve));
};
const expectMessage = async (type: string): Promise<Message> => {
  const message = await receive();
  if (message.type !== type) throw new Error(`expected "${type}", got "${message.type}"`);
  return message;
};

process.send!({ type: "ready" });
try {
  for (;;) {
    const command = await receive();
    if (command.type === "exit") break;
    if (command.type === "hold-read") {
      await inReadOnlyTx(storage, async (tx) => {
        process.send!({ type: "reading", count: await tx.count(counterModel) });
        await expectMessage("read");
        process.send!({ type: "read", count: await tx.count(counterModel) });
        await expectMessage("end");
      });
      process.send!({ type: "ended" });
    } else if (command.type === "hold-write") {
      await inTx(storage, async (tx) => {
        await tx.create(counterModel, { id: command.id!, value: 1 });
        process.send!({ type: "writing" });
        await expectMessage("end");
      });
      process.send!({ type: "ended" });
    } else {
      throw new Error(`unknown command "${command.type}"`);
    }
  }
  await storage.close();
  process.disconnect();
} catch (error) {
  const e = error as { code?: string; message?: string };
  process.send!({ type: "error", code: e.code ?? null, message: e.message ?? String(error) }, () =>
    process.exit(1),
  );
}
