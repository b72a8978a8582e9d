import type { StorageAdapter, StoredRow } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";

/** A memory adapter that records every update and delete by model, and reads stored rows directly. */
export function spyStorage() {
  const inner = memoryStorage();
  const writes: { op: "update" | "delete"; model: string }[] = [];
  const storage: StorageAdapter = {
    ...inner,
    transaction: (fn, options) =>
      inner.transaction(
        (tx) =>
          fn({
            ...tx,
            update: (model, where, patch) => {
              writes.push({ op: "update", model });
              return tx.update(model, where, patch);
            },
            delete: (model, where) => {
              writes.push({ op: "delete", model });
              return tx.delete(model, where);
            },
          }),
        options,
      ),
  };
  /** Every stored row of a model, straight from the adapter (no kernel in between). */
  const rows = (model: string): Promise<StoredRow[]> =>
    inner.transaction((tx) => tx.findMany(model, { orderBy: [{ field: "id" }] }));
  return { storage, writes, rows };
}
