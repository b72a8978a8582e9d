export * from "./memory-storage";
