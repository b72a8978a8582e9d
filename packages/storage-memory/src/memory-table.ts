import { coreErrors, LinliError, type ModelDef, type StoredRow, type StoredValue } from "@linli/core";
import { SortedIndex } from "./sorted-index";

/**
 * One stored row. Immutable: an update stores a new entry with the same `key` and `ord`, so
 * undo logs and read-only snapshots can keep entries as they were.
 */
export interface Entry {
  /** `communityId` and `id`, the primary key. */
  readonly key: string;
  /** Insertion number: the order of rows that nothing else orders, and the index tie-break. */
  readonly ord: number;
  /** The stored values, frozen. */
  readonly row: Readonly<StoredRow>;
  /** Some value is an object (a caller that ignored the adapter's capabilities): copy on read. */
  readonly deep: boolean;
}

/** The type of value a field's index can order: the stored form of its kind. */
export type IndexableType = "string" | "number" | "boolean";

/** A declared index as the table keeps it: `communityId` first, then the declared fields. */
export interface TableIndex {
  /** `communityId` then the declared fields. */
  readonly fields: readonly string[];
  /** The stored type per field; a clause with another operand type is not served by the index. */
  readonly types: readonly (IndexableType | undefined)[];
  /** A unique index (rows with a null in its fields never collide, as in SQL). */
  readonly unique: boolean;
  /** The entries, ordered by `fields`, then `ord`. */
  readonly sorted: SortedIndex<Entry>;
}

/** A position after every entry. */
const END = { chunk: Number.POSITIVE_INFINITY, at: 0 };

/** The primary key of a row. */
export const keyOf = (communityId: unknown, id: unknown) => `${String(communityId)}\u0000${String(id)}`;

/** Orders two stored values as `compareRows` does: nulls first, then `<`. */
export function compareValues(x: StoredValue | undefined, y: StoredValue | undefined): number {
  const a = x ?? null;
  const b = y ?? null;
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Compares an entry's first `values.length` index fields with `values`. */
export function comparePrefix(
  entry: Entry,
  fields: readonly string[],
  values: readonly StoredValue[],
): number {
  for (let i = 0; i < values.length; i++) {
    const c = compareValues(entry.row[fields[i]!], values[i]!);
    if (c !== 0) return c;
  }
  return 0;
}

/** Date fields are stored as epoch milliseconds (the adapter declares `dates: "epoch-ms"`). */
const TYPE_OF_KIND: Record<string, IndexableType> = {
  string: "string",
  integer: "number",
  number: "number",
  date: "number",
  boolean: "boolean",
};

function typeOf(def: ModelDef, field: string): IndexableType | undefined {
  if (field === "id" || field === "communityId") return "string";
  const kind = def.fields[field]?.kind;
  return kind === undefined ? undefined : TYPE_OF_KIND[kind];
}

/** A copy of a stored value that a caller cannot use to change the stored one. */
function copyValue(value: StoredValue): StoredValue {
  if (value instanceof Date) return new Date(value.getTime());
  return value !== null && typeof value === "object" ? structuredClone(value) : value;
}

/** Freezes a row to store; objects (not expected: see `Entry.deep`) are copied. */
export function storedRow(row: StoredRow): { row: StoredRow; deep: boolean } {
  const out: StoredRow = {};
  let deep = false;
  for (const k of Object.keys(row)) {
    const v = row[k] as StoredValue;
    if (v !== null && typeof v === "object") {
      deep = true;
      out[k] = copyValue(v);
    } else out[k] = v;
  }
  return { row: Object.freeze(out), deep };
}

/**
 * A fresh object for a caller: a shallow copy (every stored value is immutable), or only the
 * `select`ed fields (null for a field the row lacks).
 */
export function rowOut(entry: Entry, select?: readonly string[]): StoredRow {
  const row = entry.row;
  if (select) {
    const out: StoredRow = {};
    for (const f of select) out[f] = entry.deep ? copyValue(row[f] ?? null) : (row[f] ?? null);
    return out;
  }
  if (!entry.deep) return { ...row };
  const out: StoredRow = {};
  for (const k of Object.keys(row)) out[k] = copyValue(row[k]!);
  return out;
}

/** The rows of one model with their primary key map and declared indexes. */
export class Table {
  /** Entries by primary key, in insertion order. */
  readonly rows = new Map<string, Entry>();
  /** The declared indexes. */
  readonly indexes: TableIndex[];
  private ord = 0;

  /**
   * @param def - the model.
   * @param visit - counts one row read (diagnostics).
   * @param previous - the table of an earlier setup of the model, whose rows this one takes.
   */
  constructor(
    readonly def: ModelDef,
    readonly visit: () => void,
    previous?: Table,
  ) {
    this.indexes = def.indexes.map((index) => {
      const fields = ["communityId", ...index.fields];
      const compare = (a: Entry, b: Entry) => {
        for (const f of fields) {
          const c = compareValues(a.row[f], b.row[f]);
          if (c !== 0) return c;
        }
        return a.ord - b.ord;
      };
      return {
        fields,
        types: fields.map((f) => typeOf(def, f)),
        unique: index.unique === true,
        sorted: new SortedIndex(compare, visit),
      };
    });
    if (previous) {
      this.ord = previous.ord;
      for (const entry of previous.rows.values()) this.put(entry);
    }
  }

  /** A new entry for a row that is not stored yet. */
  entry(row: StoredRow): Entry {
    const stored = storedRow(row);
    return { key: keyOf(row.communityId, row.id), ord: this.ord++, ...stored };
  }

  /** The entry replacing `old` with `patch` applied. */
  patched(old: Entry, patch: StoredRow): Entry {
    const stored = storedRow({ ...old.row, ...patch });
    return { key: old.key, ord: old.ord, row: stored.row, deep: stored.deep || old.deep };
  }

  /** Stores an entry (no checks). */
  put(entry: Entry): void {
    this.rows.set(entry.key, entry);
    for (const index of this.indexes) index.sorted.insert(entry);
  }

  /** Replaces a stored entry by the next version of the same row (no checks). */
  swap(old: Entry, next: Entry): void {
    this.rows.set(next.key, next);
    for (const index of this.indexes) index.sorted.replace(old, next);
  }

  /** Removes a stored entry. */
  take(entry: Entry): void {
    this.rows.delete(entry.key);
    for (const index of this.indexes) index.sorted.remove(entry);
  }

  /** Sets the row stored under `key` to `entry` (undefined: absent), whatever it is now. */
  restore(key: string, entry: Entry | undefined): void {
    const current = this.rows.get(key);
    if (current && entry) this.swap(current, entry);
    else if (current) this.take(current);
    else if (entry) this.put(entry);
  }

  /**
   * Throws `DUPLICATE` when storing `next` would break a unique index: against stored rows
   * other than those in `leaving` (the rows being replaced), and among `next` themselves.
   * Only the indexes with a field in `changed` are checked (all when absent).
   */
  assertUnique(next: readonly Entry[], leaving: ReadonlySet<string>, changed?: readonly string[]): void {
    for (const index of this.indexes) {
      if (!index.unique) continue;
      if (changed && !index.fields.some((f) => changed.includes(f))) continue;
      const seen = new Set<string>();
      for (const entry of next) {
        const values = index.fields.map((f) => entry.row[f] ?? null);
        // As in SQL, NULLs never collide in a unique index.
        if (values.some((v) => v === null)) continue;
        let clash = false;
        if (next.length > 1) {
          const signature = JSON.stringify(values);
          clash = seen.has(signature);
          seen.add(signature);
        }
        const from = index.sorted.seek((e) => comparePrefix(e, index.fields, values) < 0);
        for (const other of index.sorted.range(from, END)) {
          if (comparePrefix(other, index.fields, values) !== 0) break;
          if (!leaving.has(other.key)) clash = true;
        }
        if (clash) {
          throw LinliError.from(coreErrors, "DUPLICATE", {
            model: this.def.name,
            id: index.fields
              .slice(1)
              .map((f) => String(entry.row[f]))
              .join(","),
          });
        }
      }
    }
  }
}
