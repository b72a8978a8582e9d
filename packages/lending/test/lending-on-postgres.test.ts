import { postgresStorage, type PostgresStorage } from "@linli/storage-postgres";
import { afterEach, describe, expect, test } from "vitest";
import { usePgServer } from "../../storage-postgres/test/use-pg-server";
import { pickupScenarios } from "./pickup-scenarios";
import { lendingScenarios } from "./scenarios";
import { desk, toolRoom, volunteer } from "./tool-room-fixture";

// @linli/lending's scenarios, unchanged, on a throwaway PostgreSQL cluster (one schema each).
const pg = usePgServer({ settings: { deadlock_timeout: "50ms" } });
const opened: PostgresStorage[] = [];

function storage(): PostgresStorage {
  const s = postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("lending"), max: 10 });
  opened.push(s);
  return s;
}

afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.close();
    await pg.dropSchema(s.schema);
  }
});

describe("the tool room on PostgreSQL", () => {
  lendingScenarios(storage);

  test("two desks check out the last ladder at the same moment: exactly one succeeds", async () => {
    const s = storage();
    const { community, lend } = await toolRoom({ storage: s });
    const results = await Promise.allSettled([
      lend.checkOut({ actor: desk, residentId: "wang", items: [{ itemTypeId: "ladder" }] }),
      lend.checkOut({ actor: volunteer, residentId: "li", items: [{ itemTypeId: "ladder" }] }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled" && r.value.ok)).toHaveLength(1);
    const rows = await pg.sql(`SELECT id FROM "${s.schema}".lending_loan WHERE returned_at IS NULL`);
    expect(rows).toHaveLength(1);
    await community.close();
  });
});

describe("pickup appointments through booking on PostgreSQL", () => pickupScenarios(storage));
