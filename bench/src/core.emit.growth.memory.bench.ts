import { memoryStorage } from "@linli/storage-memory";
import { emitGrowth } from "./lib/emit-growth";

// An event-emitting no-op command with 100k events and idempotency keys stored against none, memory adapter (lib/emit-growth.ts).
export default () => emitGrowth("memory", memoryStorage(), memoryStorage());
