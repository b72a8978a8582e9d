import type { StorageAdapter, StorageCapabilities } from "@linli/core";

/** A capability that a test needs; the test is skipped (with this reason) when the adapter lacks it. */
export type RequiredCapability = "durable" | "multiProcess";

/** How the conformance suite gets adapters. */
export interface StorageTestOptions {
  /** Returns a fresh, empty adapter (a new file, a new schema). */
  create(): Promise<StorageAdapter>;
  /**
   * Returns an adapter over the same data as `previous` after closing it (the same file or
   * database). Needed for the durability test; adapters that are not durable omit it.
   */
  reopen?(previous: StorageAdapter): Promise<StorageAdapter>;
  /** Cleans up after each test (delete files, drop schemas). The suite closes the adapter first. */
  destroy?(adapter: StorageAdapter): Promise<void>;
}

/** What a test body receives. */
export interface StorageTestContext {
  /** The adapter under test, already set up with the testkit's models. */
  adapter: StorageAdapter;
  /** The options given to the suite. */
  options: StorageTestOptions;
  /** Replaces the adapter (after reopen), so the suite closes the right one. */
  replace(adapter: StorageAdapter): void;
}

/** One named conformance test. */
export interface StorageTest {
  /** Stable name, e.g. `concurrency: capacity-3 slot, 20 callers, exactly 3 win`. */
  readonly name: string;
  /** Capabilities the test needs. */
  readonly requires?: readonly RequiredCapability[];
  /** The test body; throws an assertion error on failure. */
  run(ctx: StorageTestContext): Promise<void>;
}

/** Why a test is skipped for an adapter with these capabilities, or undefined to run it. */
export function skipReason(
  test: StorageTest,
  capabilities: StorageCapabilities,
  options: StorageTestOptions,
): string | undefined {
  for (const cap of test.requires ?? []) {
    if (!capabilities[cap]) return `adapter does not declare capability "${cap}"`;
    if (cap === "durable" && !options.reopen) return "no reopen() given for the durability test";
  }
  return undefined;
}
