import {
  AsyncQueue,
  type AdapterTransaction,
  compareRows,
  coreErrors,
  type FindManyOptions,
  LinliError,
  matchesWhere,
  type ModelDef,
  type StorageAdapter,
  type StoredRow,
  type WhereClause,
} from "@linli/core";

/** Options of {@link memoryStorage}. */
export interface MemoryStorageOptions {
  /** Adapter id in errors and logs. @default "memory" */
  readonly id?: string;
}

type Table = Map<string, StoredRow>;

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
 * Transactions run one at a time through a FIFO queue, so they are serializable under any
 * interleaving of concurrent async callers, and `lock` needs no further work. A failing
 * transaction is rolled back from its undo log. Data is lost when the process ends
 * (`durable: false`) and cannot be shared between processes (`multiProcess: false`).
 */
export function memoryStorage(options: MemoryStorageOptions = {}): StorageAdapter {
  const tables = new Map<string, Table>();
  const models = new Map<string, ModelDef>();
  const queue = new AsyncQueue();
  let closed = false;

  const table = (model: string): Table => {
    const t = tables.get(model);
    if (!t) throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: `unknown model ${model}` });
    return t;
  };

  const select = (model: string, where: readonly WhereClause[]) =>
    [...table(model).values()].filter((row) => matchesWhere(row, where));

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

  return {
    id: options.id ?? "memory",
    capabilities: { dates: "native", json: true, booleans: true, multiProcess: false, durable: false },
    async setup(defs) {
      for (const def of defs) {
        models.set(def.name, def);
        if (!tables.has(def.name)) tables.set(def.name, new Map());
      }
    },
    transaction(fn) {
      return queue.run(async () => {
        if (closed) throw LinliError.from(coreErrors, "STORAGE_ERROR", { reason: "storage is closed" });
        // Undo log: for each touched row, its state before the transaction (undefined = absent).
        const undo = new Map<string, Map<string, StoredRow | undefined>>();
        const remember = (model: string, key: string) => {
          let log = undo.get(model);
          if (!log) {
            log = new Map();
            undo.set(model, log);
          }
          if (!log.has(key)) log.set(key, table(model).get(key));
        };
        const tx: AdapterTransaction = {
          async create(model, row) {
            const key = keyOf(row);
            if (table(model).has(key))
              throw LinliError.from(coreErrors, "DUPLICATE", { model, id: String(row.id) });
            checkUnique(model, row);
            remember(model, key);
            table(model).set(key, copy(row));
            return copy(row);
          },
          async findOne(model, where) {
            const found = [...table(model).values()].find((row) => matchesWhere(row, where));
            return found ? copy(found) : null;
          },
          async findMany(model, o: FindManyOptions) {
            let rows = select(model, o.where ?? []);
            if (o.orderBy?.length) rows.sort(compareRows(o.orderBy));
            const offset = o.offset ?? 0;
            rows = rows.slice(offset, o.limit === undefined ? undefined : offset + o.limit);
            return rows.map(copy);
          },
          async update(model, where, patch) {
            const rows = select(model, where);
            for (const row of rows) {
              const key = keyOf(row);
              const next = { ...row, ...copy(patch) };
              checkUnique(model, next, key);
              remember(model, key);
              table(model).set(key, next);
            }
            return rows.length;
          },
          async delete(model, where) {
            const rows = select(model, where);
            for (const row of rows) {
              const key = keyOf(row);
              remember(model, key);
              table(model).delete(key);
            }
            return rows.length;
          },
          async count(model, where) {
            return select(model, where).length;
          },
          async lock() {
            // Transactions are already serialized by the queue.
          },
        };
        try {
          return await fn(tx);
        } catch (error) {
          for (const [model, log] of undo) {
            const t = table(model);
            for (const [key, before] of log) {
              if (before === undefined) t.delete(key);
              else t.set(key, before);
            }
          }
          throw error;
        }
      });
    },
    async close() {
      closed = true;
    },
  };
}
