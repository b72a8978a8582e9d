/**
 * `@linli/core/adapter`: what a storage adapter's author needs besides the contract's types
 * (also on the root): the reference semantics of where clauses and ordering (adapters must
 * match them; the testkit compares against them), the async queue the embedded adapters
 * serialize transactions with, and the kernel pieces the conformance suite drives an adapter
 * through (the kernel's `Tx` over an adapter transaction, its models).
 *
 * @packageDocumentation
 */
export type {
  AdapterTransaction,
  StorageAdapter,
  StorageCapabilities,
  StoredRow,
  TransactionOptions,
} from "./storage-adapter";
export {
  compareRows,
  type FindManyOptions,
  matchesClause,
  matchesWhere,
  type OrderBy,
  type StoredValue,
  type UntypedWhere,
  WHERE_OPERATORS,
  type WhereClause,
  type WhereOperator,
} from "./where";
export { AsyncQueue } from "./async-queue";
export { createTx, ValueCodec } from "./tx";
export {
  delegationModel,
  eligibilityGrantModel,
  eventModel,
  householdModel,
  idempotencyModel,
  kernelModels,
  residentModel,
} from "./kernel-models";

import type { LinliErrorOptions } from "./errors";
import { coreErrors } from "./core-errors";

/**
 * Options for a `LinliError` about a storage failure whose text names server facts (a file
 * path, a server address, the engine's raw message): those go to `internal` for the logs,
 * and a client gets the same code with `STORAGE_FAILED`'s neutral text and only `details`
 * (facts that name nothing on the server, such as an SQLSTATE).
 */
export function storageFailureOptions(
  cause: unknown,
  internal: Record<string, unknown>,
  details: Record<string, unknown> = {},
): LinliErrorOptions {
  return { cause, details, internal, publicMessages: coreErrors.STORAGE_FAILED };
}
