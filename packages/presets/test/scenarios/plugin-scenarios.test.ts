import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryStorage } from "@linli/storage-memory";
import { postgresStorage } from "@linli/storage-postgres";
import { sqliteStorage } from "@linli/storage-sqlite";
import { afterAll, describe } from "vitest";
import { usePgServer } from "../../../storage-postgres/test/use-pg-server";
import { pluginScenarios } from "./plugin-scenarios";

// One suite, unchanged, on every storage adapter.
const dir = mkdtempSync(join(tmpdir(), "linli-scenarios-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const pg = usePgServer({ settings: { deadlock_timeout: "50ms" } });

describe("on memory", () => pluginScenarios(() => memoryStorage()));
describe("on SQLite", () =>
  pluginScenarios(() => sqliteStorage({ filename: join(dir, `scenario-${++n}.db`) })));
describe("on PostgreSQL", () =>
  pluginScenarios(() =>
    postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("scenario"), max: 10 }),
  ));
