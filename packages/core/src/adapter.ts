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
export { createTx, type FieldDecoder, type RowPlan, ValueCodec } from "./tx";
export {
  delegationModel,
  eligibilityGrantModel,
  eventModel,
  householdModel,
  idempotencyModel,
  intervalSpanModel,
  kernelModels,
  residentModel,
} from "./kernel-models";
export { auditModel, memberModel } from "./member-model";

export { storageFailureOptions } from "./storage-failure";
