/**
 * A sorted list of entries kept in chunks of at most {@link MAX_CHUNK} (the layout of Python's
 * `sortedcontainers`): finding a position is a binary search over the chunks' last entries,
 * then one inside a chunk, so O(log n) comparisons; an insert or a removal moves at most one
 * chunk's entries and, rarely, the chunk list (n / 512 slots).
 *
 * Positions are {@link Cursor}s (chunk, offset), valid until the next write.
 */

/** The largest chunk; a chunk that grows past it is split in two. */
const MAX_CHUNK = 512;

/** A position between entries: before `chunks[chunk][at]`. */
export interface Cursor {
  /** Index of the chunk. */
  readonly chunk: number;
  /** Offset inside the chunk. */
  readonly at: number;
}

/**
 * A total order on entries; 0 only for entries with the same sort key, which the memory
 * adapter makes unique per entry (a row's insertion number breaks ties).
 */
export type Compare<T> = (a: T, b: T) => number;

/** Entries sorted by a {@link Compare}; each entry examined calls `visit` once. */
export class SortedIndex<T> {
  private chunks: T[][] = [];
  private count = 0;
  /**
   * A Fenwick tree over the chunks' lengths (1-based): {@link distance} is O(log chunks)
   * instead of a walk over every chunk between two positions, which a query plan asks for
   * each index it considers (the range of a community-wide index spans the whole table).
   * Rebuilt when the chunk list changes (a split or an emptied chunk, once per hundreds of
   * writes), updated in O(log chunks) otherwise.
   */
  private lengths: number[] = [0];

  /**
   * @param compare - the order of entries.
   * @param visit - called once per entry read during a search or a scan (diagnostics).
   */
  constructor(
    private readonly compare: Compare<T>,
    private readonly visit: () => void,
  ) {}

  /** How many entries are stored. */
  get size(): number {
    return this.count;
  }

  /** The first position whose entry is not `before` it; `before` must be true then false. */
  seek(before: (entry: T) => boolean): Cursor {
    const chunks = this.chunks;
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid]!;
      this.visit();
      if (before(chunk[chunk.length - 1]!)) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return { chunk: lo, at: 0 };
    const chunk = chunks[lo]!;
    let a = 0;
    let b = chunk.length - 1; // the last entry is known not to be before
    while (a < b) {
      const mid = (a + b) >>> 1;
      this.visit();
      if (before(chunk[mid]!)) a = mid + 1;
      else b = mid;
    }
    return { chunk: lo, at: a };
  }

  /** The entry at a position, or undefined at the end. */
  at(cursor: Cursor): T | undefined {
    return this.chunks[cursor.chunk]?.[cursor.at];
  }

  /** How many entries lie between two positions (`from` not after `to`); reads no entry. */
  distance(from: Cursor, to: Cursor): number {
    if (from.chunk === to.chunk) return to.at - from.at;
    return this.before(to.chunk) + to.at - this.before(from.chunk) - from.at;
  }

  /** Entries in the chunks before chunk `c` (all of them when `c` is past the last). */
  private before(c: number): number {
    const tree = this.lengths;
    let n = 0;
    for (let i = Math.min(c, this.chunks.length); i > 0; i -= i & -i) n += tree[i]!;
    return n;
  }

  /** Adds `delta` to chunk `c`'s length in the tree. */
  private grew(c: number, delta: number): void {
    const tree = this.lengths;
    for (let i = c + 1; i < tree.length; i += i & -i) tree[i] = tree[i]! + delta;
  }

  /** Rebuilds the tree after the chunk list changed, in O(chunks). */
  private rebuild(): void {
    const chunks = this.chunks;
    const tree = new Array<number>(chunks.length + 1).fill(0);
    for (let i = 1; i <= chunks.length; i++) {
      tree[i] = tree[i]! + chunks[i - 1]!.length;
      const parent = i + (i & -i);
      if (parent <= chunks.length) tree[parent] = tree[parent]! + tree[i]!;
    }
    this.lengths = tree;
  }

  /** The entries from `from` (inclusive) to `to` (exclusive), in order or in reverse. */
  *range(from: Cursor, to: Cursor, reverse = false): Generator<T> {
    const chunks = this.chunks;
    if (!reverse) {
      for (let c = from.chunk; c <= to.chunk && c < chunks.length; c++) {
        const chunk = chunks[c]!;
        const end = c === to.chunk ? to.at : chunk.length;
        for (let i = c === from.chunk ? from.at : 0; i < end; i++) {
          this.visit();
          yield chunk[i]!;
        }
      }
      return;
    }
    for (let c = Math.min(to.chunk, chunks.length - 1); c >= from.chunk; c--) {
      const chunk = chunks[c]!;
      const start = c === from.chunk ? from.at : 0;
      for (let i = (c === to.chunk ? to.at : chunk.length) - 1; i >= start; i--) {
        this.visit();
        yield chunk[i]!;
      }
    }
  }

  /** Inserts an entry. */
  insert(entry: T): void {
    const cursor = this.seek((e) => this.compare(e, entry) < 0);
    if (this.chunks.length === 0) {
      this.chunks.push([entry]);
      this.rebuild();
    } else {
      // Past the last entry: append to the last chunk.
      const c = Math.min(cursor.chunk, this.chunks.length - 1);
      const chunk = this.chunks[c]!;
      chunk.splice(c === cursor.chunk ? cursor.at : chunk.length, 0, entry);
      if (chunk.length > MAX_CHUNK) {
        this.chunks.splice(c + 1, 0, chunk.splice(MAX_CHUNK >>> 1));
        this.rebuild();
      } else this.grew(c, 1);
    }
    this.count++;
  }

  /** Removes the entry comparing equal to `entry`; false when there is none. */
  remove(entry: T): boolean {
    const cursor = this.seek((e) => this.compare(e, entry) < 0);
    const chunk = this.chunks[cursor.chunk];
    if (!chunk || this.compare(chunk[cursor.at]!, entry) !== 0) return false;
    chunk.splice(cursor.at, 1);
    if (chunk.length === 0) {
      this.chunks.splice(cursor.chunk, 1);
      this.rebuild();
    } else this.grew(cursor.chunk, -1);
    this.count--;
    return true;
  }

  /** Replaces `old` by `next`: in place when they compare equal, else removes and inserts. */
  replace(old: T, next: T): void {
    if (this.compare(old, next) === 0) {
      const cursor = this.seek((e) => this.compare(e, old) < 0);
      const chunk = this.chunks[cursor.chunk];
      if (chunk && this.compare(chunk[cursor.at]!, old) === 0) {
        chunk[cursor.at] = next;
        return;
      }
    } else {
      this.remove(old);
    }
    this.insert(next);
  }
}
