import { concurrencyTests } from "./concurrency-tests";
import { crudTests } from "./crud-tests";
import { intervalSpanTests } from "./interval-span-tests";
import { kernelTests } from "./kernel-tests";
import { partialIndexTests } from "./partial-index-tests";
import { projectionTests } from "./projection-tests";
import { readOnlyTests } from "./read-only-tests";
import { type StorageTest, type StorageTestOptions, skipReason } from "./storage-test";
import { testkitModels } from "./testkit-models";
import { transactionTests } from "./transaction-tests";
import { uniqueTests } from "./unique-tests";

/** Every conformance test, in a stable order. */
export const storageTests: readonly StorageTest[] = [
  ...crudTests,
  ...transactionTests,
  ...readOnlyTests,
  ...concurrencyTests,
  ...kernelTests,
  ...projectionTests,
  ...uniqueTests,
  ...partialIndexTests,
  ...intervalSpanTests,
];

/** The outcome of one test run by {@link runStorageTest}. */
export type StorageTestOutcome =
  | { status: "passed" }
  | { status: "skipped"; reason: string }
  | { status: "failed"; error: unknown };

/**
 * Runs one conformance test against a fresh adapter from `options.create()`: sets up the
 * testkit's models, runs the body, closes and destroys the adapter. Never throws; the
 * outcome says what happened.
 */
export async function runStorageTest(
  test: StorageTest,
  options: StorageTestOptions,
): Promise<StorageTestOutcome> {
  let adapter = await options.create();
  try {
    const reason = skipReason(test, adapter.capabilities, options);
    if (reason) return { status: "skipped", reason };
    await adapter.setup(testkitModels);
    await test.run({ adapter, options, replace: (next) => (adapter = next) });
    return { status: "passed" };
  } catch (error) {
    return { status: "failed", error };
  } finally {
    await adapter.close().catch(() => undefined);
    await options.destroy?.(adapter);
  }
}

/** The test-runner functions {@link describeStorageConformance} needs (vitest's or jest's). */
export interface TestRunnerApi {
  describe(name: string, fn: () => void): void;
  test(name: string, fn: (context: { skip(note?: string): void }) => Promise<void>): void;
}

/**
 * Registers the whole suite with a test runner, one test per named conformance test.
 * A test whose capability the adapter lacks is skipped at run time with the reason (the
 * runner's `context.skip(note)`), so the report shows which capability was missing.
 *
 * @example
 * ```ts
 * import { describe, test } from "vitest";
 * describeStorageConformance({ describe, test }, "sqlite", { create: async () => sqliteStorage({ filename: tmp() }) });
 * ```
 */
export function describeStorageConformance(
  runner: TestRunnerApi,
  name: string,
  options: StorageTestOptions,
): void {
  runner.describe(`storage conformance: ${name}`, () => {
    for (const t of storageTests) {
      runner.test(t.name, async (context) => {
        const outcome = await runStorageTest(t, options);
        if (outcome.status === "failed") throw outcome.error;
        if (outcome.status === "skipped") context.skip(outcome.reason);
      });
    }
  });
}
