import { sqliteStorage } from "@linli/storage-sqlite";
import { emitGrowth } from "./lib/emit-growth";
import { scratchFile } from "./lib/storage-cache";

// An event-emitting no-op command with 100k events and idempotency keys stored against none, SQLite files (lib/emit-growth.ts).
export default () =>
  emitGrowth(
    "sqlite",
    sqliteStorage({ filename: scratchFile("emit-0.db") }),
    sqliteStorage({ filename: scratchFile("emit-100k.db") }),
  );
