import { postgresStorage, type PostgresStorage } from "@linli/storage-postgres";
import { afterEach, describe } from "vitest";
import { usePgServer } from "../../storage-postgres/test/use-pg-server";
import { lendingChargesScenarios } from "./lending-charges-scenarios";

// Loan fees, deposits and late fees through lending's events, on a throwaway PostgreSQL cluster.
const pg = usePgServer();
const opened: PostgresStorage[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.close();
    await pg.dropSchema(s.schema);
  }
});

describe("loans priced through lending's events, on PostgreSQL", () =>
  lendingChargesScenarios(() => {
    const s = postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("charges"), max: 5 });
    opened.push(s);
    return s;
  }));
