import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { afterAll, describe } from "vitest";
import { lendingScenarios } from "../test/scenarios";

const dir = mkdtempSync(join(tmpdir(), "linli-lending-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe("the tool room on memory", () => lendingScenarios(() => memoryStorage()));
describe("the tool room on SQLite", () =>
  lendingScenarios(() => sqliteStorage({ filename: join(dir, `scenario-${++n}.db`) })));
