export * from "./concurrency-tests";
export * from "./crud-tests";
export * from "./fixtures";
export * from "./kernel-tests";
export * from "./storage-test";
export * from "./suite";
export * from "./testkit-models";
export * from "./transaction-tests";
