import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { afterAll, describe } from "vitest";
import { pickupScenarios } from "../test/pickup-scenarios";

const dir = mkdtempSync(join(tmpdir(), "linli-pickups-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe("pickup appointments through booking, on memory", () => pickupScenarios(() => memoryStorage()));
describe("pickup appointments through booking, on SQLite", () =>
  pickupScenarios(() => sqliteStorage({ filename: join(dir, `pickups-${++n}.db`) })));
