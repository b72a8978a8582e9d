import type { IntervalDef, ModelDef } from "./model";

/** The id of the span row of a model's declared interval: `<model>:<start field>:<end field>`. */
export function spanId(model: ModelDef, interval: IntervalDef): string {
  return `${model.name}:${interval.start}:${interval.end}`;
}

/**
 * The longest span among `rows` of one interval (ms), or -1 when no row holds both of its
 * dates (a nullable interval left open).
 */
export function longestSpanIn(
  interval: IntervalDef,
  rows: readonly Readonly<Record<string, unknown>>[],
): number {
  let longest = -1;
  for (const row of rows) {
    const start = row[interval.start];
    const end = row[interval.end];
    if (!(start instanceof Date) || !(end instanceof Date)) continue;
    const span = end.getTime() - start.getTime();
    if (span > longest) longest = span;
  }
  return longest;
}

/** The storage the span book-keeping reads and writes through (the kernel's transaction). */
export interface SpanStore {
  /** The stored longest span of a span row, or null when there is no such row. */
  read(id: string): Promise<number | null>;
  /** Stores a span row (`exists`: update it rather than create it). */
  write(id: string, longestMs: number, exists: boolean): Promise<void>;
  /** Takes the transaction's exclusive lock on `key`. */
  lock(key: string): Promise<void>;
  /** The longest span among the community's stored rows of `model` (-1 when none). */
  scan(model: ModelDef, interval: IntervalDef): Promise<number>;
}

/**
 * The longest interval the community's rows hold, for each interval a model declares, kept
 * by the kernel on every write in the write's own transaction. Overlap reads bound the end
 * field by it (`Tx.overlapWhere`) rather than by the declared maximum: a room booked in
 * half hours is read over `[from, to + half an hour)`, not `[from, to + 366 days)`.
 *
 * Soundness:
 * - The stored value only grows, and it grows in the same transaction as the row that is
 *   longer, under the lock `core:interval-span:<id>`: a reader that sees a row sees a bound
 *   that covers it (one snapshot for reads on SQLite and in PostgreSQL's read-only
 *   transactions).
 * - A value read before a lock is forgotten when the lock is taken: in a transaction that
 *   reads committed data (PostgreSQL's writers), the lock can reveal rows written since, and
 *   their spans are read again.
 * - A span row that does not exist (a database written before the kernel kept them) means
 *   "unknown": reads use the declared maximum, and the first write computes the true
 *   longest span from the stored rows before it stores one.
 */
export class IntervalSpans {
  private readonly known = new Map<string, number | null>();

  constructor(private readonly store: SpanStore) {}

  /** Forgets every span read so far (a lock was taken: newer commits may be visible). */
  forget(): void {
    this.known.clear();
  }

  private async longest(id: string): Promise<number | null> {
    const cached = this.known.get(id);
    if (cached !== undefined) return cached;
    const stored = await this.store.read(id);
    this.known.set(id, stored);
    return stored;
  }

  /** The bound overlap reads of this interval may use: the longest stored span, or the declared one. */
  async bound(model: ModelDef, interval: IntervalDef): Promise<number> {
    const longest = await this.longest(spanId(model, interval));
    return longest === null ? interval.maxSpanMs : Math.min(longest, interval.maxSpanMs);
  }

  /** Records that a row holding an interval of `span` ms is being written. */
  async note(model: ModelDef, interval: IntervalDef, span: number): Promise<void> {
    if (span < 0) return;
    const id = spanId(model, interval);
    const seen = await this.longest(id);
    if (seen !== null && span <= seen) return;
    await this.store.lock(`core:interval-span:${id}`);
    // Read again under the lock: another writer may have stored a longer span meanwhile.
    const current = await this.store.read(id);
    const longest = Math.max(span, current ?? (await this.store.scan(model, interval)));
    if (current === null || longest > current) await this.store.write(id, longest, current !== null);
    this.known.set(id, longest);
  }
}
