export * from "./async-queue";
export * from "./memory-storage";
