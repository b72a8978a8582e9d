import type { ModelDef } from "./model";
import type { FindManyOptions, StoredValue, WhereClause } from "./where";

/** A row as an adapter stores it: field name to stored value (after the kernel's conversions). */
export type StoredRow = Record<string, StoredValue>;

/**
 * What an adapter stores natively. The kernel converts everything else once, so adapters
 * stay thin: a value of a kind the adapter lacks arrives already converted.
 */
export interface StorageCapabilities {
  /** How dates are stored: natively as `Date`, as ISO-8601 UTC strings, or as epoch milliseconds. */
  readonly dates: "native" | "iso-string" | "epoch-ms";
  /** JSON fields stored natively (objects in, objects out); otherwise as JSON text. */
  readonly json: boolean;
  /** Booleans stored natively; otherwise as 0/1 integers. */
  readonly booleans: boolean;
  /** Safe when several OS processes share the same storage (a file, a server). */
  readonly multiProcess: boolean;
  /** Committed writes survive a crash of the process. */
  readonly durable: boolean;
  /**
   * Every `Date` and JSON value in the rows the adapter returns is a new object made for
   * that read alone (as a driver parsing its result makes them), so the kernel hands them to
   * the caller without copying. Absent or false: the kernel copies them (an adapter that
   * returns the objects it keeps, such as an in-memory one).
   * @default false
   */
  readonly freshValues?: boolean;
}

/**
 * The operations of one transaction. Every call is scoped by the kernel: `where` always
 * contains a `communityId` clause and rows always carry `communityId`.
 *
 * **Lifetime.** A transaction object is usable only while its transaction is open, that is
 * until the function given to {@link StorageAdapter.transaction} has settled. Once the
 * transaction has finished (committed or rolled back), every operation of an object kept
 * beyond that point (a leaked reference, an un-awaited call that runs late) throws a
 * `LinliError` with code `TRANSACTION_FINISHED` and touches no data: it never writes
 * outside a transaction, nor into a later one.
 *
 * **Read-only transactions.** In a transaction started with `{ readOnly: true }` (see
 * {@link TransactionOptions}), `create`, `update`, `delete` and `lock` throw a `LinliError`
 * with code `READ_ONLY_TRANSACTION` and write nothing; the transaction stays usable for
 * reads.
 */
export interface AdapterTransaction {
  /**
   * Inserts a row. Throws a `LinliError` with code `DUPLICATE` when a row with the same
   * `(communityId, id)` exists, or a unique index is violated.
   */
  create(model: string, row: StoredRow): Promise<StoredRow>;
  /** The first row matching `where` (in no particular order), or null. */
  findOne(model: string, where: readonly WhereClause[]): Promise<StoredRow | null>;
  /** Rows matching the options' where, in their order, paged by limit/offset. */
  findMany(model: string, options: FindManyOptions): Promise<StoredRow[]>;
  /** Sets `patch` on every matching row; returns how many rows matched. */
  update(model: string, where: readonly WhereClause[], patch: StoredRow): Promise<number>;
  /** Deletes matching rows; returns how many. */
  delete(model: string, where: readonly WhereClause[]): Promise<number>;
  /** How many rows match. */
  count(model: string, where: readonly WhereClause[]): Promise<number>;
  /**
   * The atomic primitive behind every capacity check.
   *
   * **Guarantee.** After `lock(key)` resolves, no other transaction that calls `lock` with
   * the same key gets past that call until this transaction has committed or rolled back;
   * and every read this transaction makes after `lock` resolves sees every write committed
   * by earlier holders of the key. Locks are released only when the transaction ends.
   *
   * Together with the kernel's `Tx.reserve`, this means: read the current load, check
   * it against capacity, and insert, with no other caller able to do the same in between,
   * in any process that shares the storage (for adapters with `multiProcess`).
   *
   * An adapter whose transactions are already fully serialized (SQLite's `BEGIN IMMEDIATE`,
   * the memory adapter's global transaction queue) may implement it as a no-op.
   *
   * An adapter may also resolve `lock` before the lock is granted and send it with the
   * transaction's next operation (PostgreSQL does, to save a round trip), provided that every
   * later operation of the transaction, and its commit, runs only once the lock is granted
   * (so the guarantee above holds for everything the transaction reads and writes), and that
   * a failure to get the lock fails that next operation or the commit.
   *
   * In a read-only transaction `lock` is refused with `READ_ONLY_TRANSACTION`: a lock only
   * protects a read-check-write sequence, and a read-only transaction reads a snapshot, in
   * which the guarantee above (seeing what earlier holders committed) could not hold.
   */
  lock(key: string): Promise<void>;
  /**
   * Optional: appends numbered rows in one step, for the outbox (one round trip on a server).
   * `rows` (at least one) all belong to one community and carry `1, 2, … n` in `field`; each row is inserted
   * with that number increased by the greatest `field` among the community's existing rows
   * (0 when there are none), which the method returns. The caller holds the lock that
   * serializes the numbering. A row that `create` would refuse throws `DUPLICATE`, as
   * `create` does. Adapters without it get a read of the greatest value and one `create`
   * per row.
   */
  appendSequenced?(model: string, field: string, rows: readonly StoredRow[]): Promise<number>;
}

/** Options of {@link StorageAdapter.transaction}. */
export interface TransactionOptions {
  /**
   * Runs the transaction read-only, as the kernel does for queries. The contract:
   *
   * - **Reads.** Every read sees one consistent snapshot of committed data, taken at the
   *   start of the transaction or at its first read: it includes every transaction that
   *   committed before this one began, never an uncommitted write of a concurrent
   *   transaction, and no commit made after the snapshot was taken.
   * - **Writes are refused.** `create`, `update` and `delete` throw a `LinliError` with code
   *   `READ_ONLY_TRANSACTION` before anything reaches the storage, so nothing is written,
   *   and the transaction stays usable for reads (a caller may catch the error and go on).
   * - **`lock` is refused** with the same code rather than being a no-op: see
   *   {@link AdapterTransaction.lock}.
   * - **No write lock.** A read-only transaction does not take the adapter's write lock: it
   *   neither waits for open write transactions nor makes them wait, where the engine allows
   *   it (an adapter documents any exception, such as SQLite's private `:memory:` database).
   *
   * Errors thrown by the function are rethrown unchanged, as for any transaction.
   * @default false
   */
  readonly readOnly?: boolean;
}

/**
 * The contract a storage adapter implements. It is small on purpose: the kernel wraps it
 * once (ids, community scoping, conversions, validation, reservations), so adapters only
 * speak their engine.
 *
 * Transactions are required, not optional: every linli command is atomic. Conformance is
 * checked by `@linli/storage-testkit`.
 */
export interface StorageAdapter {
  /** Adapter name, for errors and logs (`memory`, `sqlite`). */
  readonly id: string;
  /** What the engine stores natively and guarantees. */
  readonly capabilities: StorageCapabilities;
  /**
   * Creates or migrates the structures for the given models (tables, indexes). Called once
   * by `createCommunity` with the kernel's and every plugin's models; must be idempotent.
   */
  setup(models: readonly ModelDef[]): Promise<void>;
  /**
   * Runs `fn` in a transaction: if it resolves, every write commits; if it throws, none
   * does, and the error is rethrown unchanged. Concurrent transactions are isolated so that
   * the `lock` of `AdapterTransaction` holds its guarantee.
   *
   * With `{ readOnly: true }` the transaction may only read; see `TransactionOptions`. The
   * transaction object passed to `fn` must not be used after `fn` has settled: it then throws
   * `TRANSACTION_FINISHED` (see `AdapterTransaction`).
   */
  transaction<T>(fn: (tx: AdapterTransaction) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** Releases connections and files. */
  close(): Promise<void>;
}
