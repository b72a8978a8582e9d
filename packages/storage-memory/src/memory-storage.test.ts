import { describeStorageConformance } from "@linli/storage-testkit";
import { describe, test } from "vitest";
import { memoryStorage } from "./memory-storage";

describeStorageConformance({ describe, test }, "memory", { create: async () => memoryStorage() });
