import {
  type AdapterTransaction,
  coreErrors,
  type FindManyOptions,
  LinliError,
  type ModelDef,
  type StorageAdapter,
  type StoredRow,
  type TransactionOptions,
  type WhereClause,
} from "@linli/core";
import { AsyncQueue, compareRows, matchesWhere } from "@linli/core/adapter";

/** Options of {@link memoryStorage}. */
export interface MemoryStorageOptions {
  /** Adapter id in errors and logs. @default "memory" */
  readonly id?: string;
}

type Table = Map<string, StoredRow>;

/**
 * Rows by model and key as they were before some transaction changed them (`undefined`: the
 * row did not exist). A write transaction's undo log; also what a read-only transaction
 * keeps of the commits made after it began.
 */
type Before = Map<string, Map<string, StoredRow | undefined>>;

const keyOf = (row: StoredRow) => `${String(row.communityId)}\u0000${String(row.id)}`;

function copy(row: StoredRow): StoredRow {
  const out: StoredRow = {};
  for (const [k, v] of Object.entries(row))
    out[k] = v instanceof Date ? new Date(v.getTime()) : (structuredClone(v) as never);
  return out;
}

/**
 * The reference storage adapter: everything in memory, for tests, demos and browsers.
 *
 * Write transactions run one at a time through a FIFO queue, so they are serializable under
 * any interleaving of concurrent async callers, and `lock` needs no further work. A failing
 * transaction is rolled back from its undo log.
 *
 * Read-only transactions (`{ readOnly: true }`) do not queue: they run alongside the write
 * transaction in progress and each other, and read the snapshot of committed data taken when
 * they began. Stored rows are never changed in place (an update stores a new object), so
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
  const models = new Map<string, ModelDef>();
  const queue = new AsyncQueue();
  /** The undo log of the write transaction in progress, if any. */
  let pending: Before | undefined;
  /** Per open read-only transaction: the prior rows of what was committed since it began. */
  const snapshots = new Set<Before>();
  let closed = false;

  const table = (model: string): Table => {
    const t = tables.get(model);
    if (!t) throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: `unknown model ${model}` });
    return t;
  };

  /** The rows of a model as a read-only transaction with these prior rows sees them. */
  const snapshotRows = (model: string, since: Before): Iterable<StoredRow> => {
    const t = table(model);
    const committed = since.get(model);
    const uncommitted = pending?.get(model);
    if (!committed?.size && !uncommitted?.size) return t.values();
    const rows: StoredRow[] = [];
    for (const [key, row] of t) if (!committed?.has(key) && !uncommitted?.has(key)) rows.push(row);
    for (const row of committed?.values() ?? []) if (row) rows.push(row);
    for (const [key, row] of uncommitted ?? []) if (row && !committed?.has(key)) rows.push(row);
    return rows;
  };

  const checkUnique = (model: string, row: StoredRow, ignoreKey?: string) => {
    const def = models.get(model);
    for (const index of def?.indexes ?? []) {
      if (!index.unique) continue;
      for (const [key, other] of table(model)) {
        if (key === ignoreKey || other.communityId !== row.communityId) continue;
        // As in SQL, NULLs never collide in a unique index.
        if (index.fields.some((f) => row[f] === null || row[f] === undefined)) continue;
        if (index.fields.every((f) => other[f] === row[f])) {
          throw LinliError.from(coreErrors, "DUPLICATE", {
            model,
            id: index.fields.map((f) => String(row[f])).join(","),
          });
        }
      }
    }
  };

  const assertOpen = () => {
    if (closed) throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: "storage is closed" });
  };

  /**
   * One transaction's operations. `rows` is what it reads; `remember` records a row's prior
   * state before a write, and is undefined in a read-only transaction. `state.finished` is
   * set when the transaction ends.
   */
  const operations = (
    rows: (model: string) => Iterable<StoredRow>,
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
    const select = (model: string, where: readonly WhereClause[]) => {
      const found: StoredRow[] = [];
      for (const row of rows(model)) if (matchesWhere(row, where)) found.push(row);
      return found;
    };
    return {
      async create(model, row) {
        const record = writable("create", model);
        const key = keyOf(row);
        if (table(model).has(key))
          throw LinliError.from(coreErrors, "DUPLICATE", { model, id: String(row.id) });
        checkUnique(model, row);
        record(model, key);
        table(model).set(key, copy(row));
        return copy(row);
      },
      async findOne(model, where) {
        readable();
        for (const row of rows(model)) if (matchesWhere(row, where)) return copy(row);
        return null;
      },
      async findMany(model, o: FindManyOptions) {
        readable();
        let found = select(model, o.where ?? []);
        if (o.orderBy?.length) found.sort(compareRows(o.orderBy));
        const offset = o.offset ?? 0;
        found = found.slice(offset, o.limit === undefined ? undefined : offset + o.limit);
        return found.map(copy);
      },
      async update(model, where, patch) {
        const record = writable("update", model);
        const found = select(model, where);
        for (const row of found) {
          const key = keyOf(row);
          const next = { ...row, ...copy(patch) };
          checkUnique(model, next, key);
          record(model, key);
          table(model).set(key, next);
        }
        return found.length;
      },
      async delete(model, where) {
        const record = writable("delete", model);
        const found = select(model, where);
        for (const row of found) {
          const key = keyOf(row);
          record(model, key);
          table(model).delete(key);
        }
        return found.length;
      },
      async count(model, where) {
        readable();
        return select(model, where).length;
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
      return await fn(operations((model) => snapshotRows(model, since), undefined, state));
    } finally {
      state.finished = true;
      snapshots.delete(since);
    }
  };

  const readWrite = <T>(fn: (tx: AdapterTransaction) => Promise<T>): Promise<T> =>
    queue.run(async () => {
      assertOpen();
      // Undo log: for each touched row, its state before the transaction (undefined = absent).
      const undo: Before = new Map();
      const remember = (model: string, key: string) => {
        let log = undo.get(model);
        if (!log) {
          log = new Map();
          undo.set(model, log);
        }
        if (!log.has(key)) log.set(key, table(model).get(key));
      };
      const state = { finished: false };
      pending = undo;
      let result: T;
      try {
        result = await fn(operations((model) => table(model).values(), remember, state));
      } catch (error) {
        state.finished = true;
        pending = undefined;
        for (const [model, log] of undo) {
          const t = table(model);
          for (const [key, before] of log) {
            if (before === undefined) t.delete(key);
            else t.set(key, before);
          }
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

  return {
    id: options.id ?? "memory",
    capabilities: { dates: "native", json: true, booleans: true, multiProcess: false, durable: false },
    async setup(defs) {
      for (const def of defs) {
        models.set(def.name, def);
        if (!tables.has(def.name)) tables.set(def.name, new Map());
      }
    },
    transaction<T>(fn: (tx: AdapterTransaction) => Promise<T>, txOptions?: TransactionOptions) {
      return txOptions?.readOnly ? readOnly(fn) : readWrite(fn);
    },
    async close() {
      closed = true;
    },
  };
}
