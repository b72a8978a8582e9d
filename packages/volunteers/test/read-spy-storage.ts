import type { StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";

/** A memory adapter that counts the rows every `findMany`/`findOne` returns, by model. */
export function readSpyStorage() {
  const inner = memoryStorage();
  const rowsRead = new Map<string, number>();
  const add = (model: string, n: number) => rowsRead.set(model, (rowsRead.get(model) ?? 0) + n);
  const storage: StorageAdapter = {
    ...inner,
    transaction: (fn, options) =>
      inner.transaction(
        (tx) =>
          fn({
            ...tx,
            findMany: async (model, query) => {
              const rows = await tx.findMany(model, query);
              add(model, rows.length);
              return rows;
            },
            findOne: async (model, where) => {
              const row = await tx.findOne(model, where);
              add(model, row ? 1 : 0);
              return row;
            },
          }),
        options,
      ),
  };
  return { storage, rowsRead, reset: () => rowsRead.clear() };
}
