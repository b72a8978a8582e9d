import { describeStorageConformance, testkitModels } from "@linli/storage-testkit";
import { describe, test } from "vitest";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";

// One real PostgreSQL server for this file, with its durable defaults (fsync on), since the
// suite includes the durability test; every test gets a fresh schema, dropped afterwards.
const pg = usePgServer({ durable: true });

describeStorageConformance({ describe, test }, "postgres", {
  create: async () =>
    postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("conformance"), max: 8 }),
  reopen: async (previous) => {
    const { schema } = previous as PostgresStorage;
    await previous.close();
    // As an app does on every start (createCommunity calls setup): a new pool, the same schema.
    const reopened = postgresStorage({ connectionString: pg.server.url, schema, max: 8 });
    await reopened.setup(testkitModels);
    return reopened;
  },
  destroy: async (adapter) => pg.dropSchema((adapter as PostgresStorage).schema),
});
