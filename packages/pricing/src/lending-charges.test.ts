import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { afterAll, describe } from "vitest";
import { lendingChargesScenarios } from "../test/lending-charges-scenarios";

const dir = mkdtempSync(join(tmpdir(), "linli-loan-charges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

describe("loans priced through lending's events, on memory", () =>
  lendingChargesScenarios(() => memoryStorage()));
describe("loans priced through lending's events, on SQLite", () =>
  lendingChargesScenarios(() => sqliteStorage({ filename: join(dir, `charges-${++n}.db`) })));
