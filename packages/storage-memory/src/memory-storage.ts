import {
  type AdapterTransaction,
  coreErrors,
  type FindManyOptions,
  LinliError,
  type StorageAdapter,
  type TransactionOptions,
} from "@linli/core";
import { AsyncQueue } from "@linli/core/adapter";
import { trackStats } from "./memory-stats";
import { type Entry, keyOf, rowOut, Table } from "./memory-table";
import { count, type Overlay, read } from "./query-plan";

/** Options of {@link memoryStorage}. */
export interface MemoryStorageOptions {
  /** Adapter id in errors and logs. @default "memory" */
  readonly id?: string;
}

/**
 * Entries by model and key as they were before some transaction changed them (`undefined`:
 * the row did not exist). A write transaction's undo log; also what a read-only transaction
 * keeps of the commits made after it began.
 */
type Before = Map<string, Map<string, Entry | undefined>>;

/**
 * The reference storage adapter: everything in memory, for tests, demos and browsers.
 *
 * **Indexed.** Rows are found by primary key `(communityId, id)` in O(1); each declared index
 * (`ModelDef.indexes`, behind `communityId`) is a sorted structure that serves equality on a
 * prefix of its fields plus a range on the next one in O(log n + k), and yields rows in its
 * order, so a `findMany` whose `orderBy` matches it stops at its `limit` (the outbox's next
 * sequence reads one row). A read uses the primary key, else the index with the fewest
 * candidates, else scans. Unique indexes are checked on every create and update in O(log n).
 *
 * **Stored values are immutable.** The adapter declares `dates: "epoch-ms"` and `json: false`,
 * so the kernel hands it numbers and JSON text: every stored value is a primitive, rows are
 * stored frozen, and a read returns a fresh shallow object (or only the `select`ed fields)
 * with no deep clone, which no caller can use to change what is stored.
 *
 * Write transactions run one at a time through a FIFO queue, so they are serializable under
 * any interleaving of concurrent async callers, and `lock` needs no further work. A failing
 * transaction is rolled back from its undo log (the first prior version of each row touched).
 *
 * Read-only transactions (`{ readOnly: true }`) do not queue: they run alongside the write
 * transaction in progress and each other, and read the snapshot of committed data taken when
 * they began. Stored rows are never changed in place (an update stores a new entry), so
 * the snapshot is the current rows, minus the uncommitted changes of the open write
 * transaction (read back from its undo log), minus the commits made since the read-only
 * transaction began (whose prior rows it is handed at each commit).
 *
 * A transaction object used after its transaction has finished throws
 * `TRANSACTION_FINISHED`. Data is lost when the process ends (`durable: false`) and cannot
 * be shared between processes (`multiProcess: false`).
 */
export function memoryStorage(options: MemoryStorageOptions = {}): StorageAdapter {
  const tables = new Map<string, Table>();
  const queue = new AsyncQueue();
  /** The undo log of the write transaction in progress, if any. */
  let pending: Before | undefined;
  /** Per open read-only transaction: the prior rows of what was committed since it began. */
  const snapshots = new Set<Before>();
  let closed = false;
  const stats = { rowsVisited: 0 };
  const visit = () => {
    stats.rowsVisited++;
  };

  const table = (model: string): Table => {
    const t = tables.get(model);
    if (!t) throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: `unknown model ${model}` });
    return t;
  };

  /** What a read-only transaction with these prior rows must see instead of the current rows. */
  const overlayOf = (model: string, since: Before): Overlay | undefined => {
    const committed = since.get(model);
    const uncommitted = pending?.get(model);
    if (!uncommitted?.size) return committed;
    if (!committed?.size) return uncommitted;
    const merged = new Map(uncommitted);
    for (const [key, entry] of committed) merged.set(key, entry);
    return merged;
  };

  const assertOpen = () => {
    if (closed) throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: "storage is closed" });
  };

  /**
   * One transaction's operations. `since` is the prior rows a read-only transaction sees
   * (undefined in a write transaction, which reads the current rows); `remember` records an
   * entry's prior state before a write, and is undefined in a read-only transaction.
   * `state.finished` is set when the transaction ends.
   */
  const operations = (
    since: Before | undefined,
    remember: ((model: string, key: string) => void) | undefined,
    state: { finished: boolean },
  ): AdapterTransaction => {
    const readable = () => {
      if (state.finished) throw LinliError.from(coreErrors, "TRANSACTION_FINISHED");
    };
    /** Throws unless the transaction is open and may write; returns `remember`. */
    const writable = (operation: string, subject: string) => {
      readable();
      if (!remember) throw LinliError.from(coreErrors, "READ_ONLY_TRANSACTION", { operation, subject });
      return remember;
    };
    const select = (model: string, o: FindManyOptions) =>
      read(table(model), o, since && overlayOf(model, since));
    return {
      async create(model, row) {
        const record = writable("create", model);
        const t = table(model);
        const key = keyOf(row.communityId, row.id);
        if (t.rows.has(key)) throw LinliError.from(coreErrors, "DUPLICATE", { model, id: String(row.id) });
        const entry = t.entry(row);
        t.assertUnique([entry], new Set());
        record(model, key);
        t.put(entry);
        return rowOut(entry);
      },
      async findOne(model, where) {
        readable();
        const [entry] = select(model, { where, limit: 1 });
        return entry ? rowOut(entry) : null;
      },
      async findMany(model, o: FindManyOptions) {
        readable();
        return select(model, o).map((entry) => rowOut(entry, o.select));
      },
      async update(model, where, patch) {
        const record = writable("update", model);
        const t = table(model);
        const found = select(model, { where });
        const next = found.map((entry) => t.patched(entry, patch));
        // Checked before anything changes: an update refused as DUPLICATE changes no row.
        t.assertUnique(next, new Set(found.map((e) => e.key)), Object.keys(patch));
        for (let i = 0; i < found.length; i++) {
          record(model, found[i]!.key);
          t.swap(found[i]!, next[i]!);
        }
        return found.length;
      },
      async delete(model, where) {
        const record = writable("delete", model);
        const t = table(model);
        const found = select(model, { where });
        for (const entry of found) {
          record(model, entry.key);
          t.take(entry);
        }
        return found.length;
      },
      async count(model, where) {
        readable();
        return count(table(model), where, since && overlayOf(model, since));
      },
      async lock(key) {
        // Write transactions are already serialized by the queue.
        writable("lock", key);
      },
    };
  };

  const readOnly = async <T>(fn: (tx: AdapterTransaction) => Promise<T>): Promise<T> => {
    assertOpen();
    const since: Before = new Map();
    const state = { finished: false };
    snapshots.add(since);
    try {
      return await fn(operations(since, undefined, state));
    } finally {
      state.finished = true;
      snapshots.delete(since);
    }
  };

  const readWrite = <T>(fn: (tx: AdapterTransaction) => Promise<T>): Promise<T> =>
    queue.run(async () => {
      assertOpen();
      // Undo log: for each touched row, its entry before the transaction (undefined = absent).
      const undo: Before = new Map();
      const remember = (model: string, key: string) => {
        let log = undo.get(model);
        if (!log) {
          log = new Map();
          undo.set(model, log);
        }
        if (!log.has(key)) log.set(key, table(model).rows.get(key));
      };
      const state = { finished: false };
      pending = undo;
      let result: T;
      try {
        result = await fn(operations(undefined, remember, state));
      } catch (error) {
        state.finished = true;
        pending = undefined;
        for (const [model, log] of undo) {
          const t = table(model);
          for (const [key, before] of log) t.restore(key, before);
        }
        throw error;
      }
      // Commit: every open read-only transaction keeps the rows as they were before.
      state.finished = true;
      pending = undefined;
      for (const since of snapshots) {
        for (const [model, log] of undo) {
          let kept = since.get(model);
          if (!kept) {
            kept = new Map();
            since.set(model, kept);
          }
          for (const [key, before] of log) if (!kept.has(key)) kept.set(key, before);
        }
      }
      return result;
    });

  const adapter: StorageAdapter = {
    id: options.id ?? "memory",
    capabilities: { dates: "epoch-ms", json: false, booleans: true, multiProcess: false, durable: false },
    async setup(defs) {
      // A model set up again with other indexes keeps its rows, indexed anew.
      for (const def of defs)
        if (tables.get(def.name)?.def !== def)
          tables.set(def.name, new Table(def, visit, tables.get(def.name)));
    },
    transaction<T>(fn: (tx: AdapterTransaction) => Promise<T>, txOptions?: TransactionOptions) {
      return txOptions?.readOnly ? readOnly(fn) : readWrite(fn);
    },
    async close() {
      closed = true;
    },
  };
  trackStats(adapter, stats);
  return adapter;
}
