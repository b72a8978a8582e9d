export * from "./memory-storage";
export { type MemoryStorageStats, memoryStorageStats } from "./memory-stats";
