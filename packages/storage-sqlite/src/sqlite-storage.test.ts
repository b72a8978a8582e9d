import { describeStorageConformance, testkitModels } from "@linli/storage-testkit";
import { afterAll, describe, test } from "vitest";
import { tempDir } from "../test/temp-dir";
import { type SqliteStorage, sqliteStorage } from "./sqlite-storage";

const dir = tempDir();
afterAll(() => dir.remove());
let n = 0;

// The whole conformance suite against real database files (WAL, synchronous NORMAL),
// including the durability test, which closes and reopens the same file.
describeStorageConformance({ describe, test }, "sqlite file", {
  create: async () => sqliteStorage({ filename: dir.file(`conformance-${++n}.db`) }),
  reopen: async (previous) => {
    await previous.close();
    // As an app does on every start (createCommunity calls setup): open the file, set up the models.
    const reopened = sqliteStorage({ filename: (previous as SqliteStorage).filename });
    await reopened.setup(testkitModels);
    return reopened;
  },
});

// And against a private in-memory database (not durable: the durability test is skipped by capability).
describeStorageConformance({ describe, test }, "sqlite :memory:", {
  create: async () => sqliteStorage({ filename: ":memory:" }),
});
