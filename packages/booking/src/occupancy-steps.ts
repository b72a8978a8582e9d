import type { BookingFacts } from "./rule-kind";

/**
 * What the occupancy reads of a booking: its blocked range (`blockStart`/`blockEnd`, else
 * `start`/`end`), its units and its zone. A {@link BookingFacts} is one; so is a stored
 * booking read with only `zoneId`, `blockStart`, `blockEnd` and `quantity`. The zone only
 * filters the bookings when one zone's occupancy is asked for, so a read for the whole
 * resource may leave it out.
 */
export type OccupancyFacts = Pick<BookingFacts, "quantity"> & {
  readonly zoneId?: BookingFacts["zoneId"];
} & (
    | { readonly blockStart: Date; readonly blockEnd: Date }
    | Pick<BookingFacts, "start" | "end" | "blockStart" | "blockEnd">
  );

/**
 * The occupancy of a resource as a step function, in flat typed arrays (no object per
 * booking or per boundary): `levels[i]` units are in use on `[times[i], times[i + 1])` for
 * `i < size`, `times[0]` is `-Infinity` with level 0, and the last level holds to `+Infinity`.
 */
export interface OccupancySteps {
  /** Boundaries, ascending and distinct (epoch ms); the first is `-Infinity`. */
  readonly times: Float64Array;
  /** Units in use from each boundary to the next. */
  readonly levels: Float64Array;
  /** Number of steps (`times` and `levels` are longer). */
  readonly size: number;
}

/**
 * Reusable working memory for {@link occupancySteps}: typed arrays grown to the largest
 * booking list seen, so that a call allocates nothing in the common case (a typed array of
 * more than a few elements lives outside the JavaScript heap and costs far more to create
 * than to fill). The steps it returns are valid until its next use.
 */
export class OccupancyBuffers {
  private room = 0;
  private starts = new Float64Array(0);
  private ends = new Float64Array(0);
  private quantities = new Float64Array(0);
  private endQuantities = new Float64Array(0);
  private bounds = new Float64Array(0);
  private keys = new Float64Array(0);
  private spareEnds = new Float64Array(0);
  private spareQuantities = new Float64Array(0);
  private times = new Float64Array(1);
  private levels = new Float64Array(1);

  private grow(n: number): void {
    if (n <= this.room) return;
    const room = Math.max(n, 2 * this.room, 64);
    this.room = room;
    this.starts = new Float64Array(room);
    this.ends = new Float64Array(room);
    this.quantities = new Float64Array(room);
    this.endQuantities = new Float64Array(room);
    this.bounds = new Float64Array(2 * room);
    this.keys = new Float64Array(room);
    this.spareEnds = new Float64Array(room);
    this.spareQuantities = new Float64Array(room);
    this.times = new Float64Array(2 * room + 1);
    this.levels = new Float64Array(2 * room + 1);
  }

  /**
   * The step function of the bookings (their blocked ranges, buffers included) of one zone
   * (`null`: every booking) that overlap `[from, to)`. The starts (with their quantities) and
   * the ends (with theirs) are each put in order by insertion sort, which is linear on the
   * nearly ordered lists that reads return and cheap on short ones, then merged: a boundary
   * per distinct instant, its level the running sum. When the lists are far from ordered
   * (insertion sort would pass its budget), the boundaries are sorted natively instead and each
   * booking's quantity is added at its start and taken off at its end, then summed.
   */
  occupancySteps(
    bookings: readonly OccupancyFacts[],
    zoneId: string | null,
    from: number,
    to: number,
  ): OccupancySteps {
    // One more than the bookings: the merge below ends each list with a sentinel.
    this.grow(bookings.length + 1);
    const { times, levels } = this;
    let { starts, ends, quantities } = this;
    let k = 0;
    let least = Number.POSITIVE_INFINITY;
    let most = Number.NEGATIVE_INFINITY;
    let descents = 0;
    for (let i = 0; i < bookings.length; i++) {
      const b = bookings[i]!;
      if (zoneId !== null && b.zoneId !== zoneId) continue;
      const s = (b.blockStart ?? (b as BookingFacts).start).getTime();
      const e = (b.blockEnd ?? (b as BookingFacts).end).getTime();
      if (e <= from || s >= to) continue;
      if (k > 0 && s < starts[k - 1]!) descents++;
      if (s < least) least = s;
      if (s > most) most = s;
      starts[k] = s;
      ends[k] = e;
      quantities[k] = b.quantity;
      k++;
    }
    times[0] = Number.NEGATIVE_INFINITY;
    levels[0] = 0;
    const budget = 16 * k + 1024;
    let shift = 1;
    while (shift < k) shift *= 2;
    // Far from ordered (a list in no particular order): the starts are ordered as packed keys,
    // one array moved instead of three. Nearly ordered, or starts too far apart to pack: in place.
    if (8 * descents > k && (most - least + 1) * shift <= Number.MAX_SAFE_INTEGER) {
      this.orderByStart(k, least, shift, budget);
      ({ starts, ends, quantities } = this);
    } else if (!sortByStart(starts, ends, quantities, k, budget))
      return { times, levels, size: this.bySorting(k, quantities) };
    let uniform = true;
    for (let i = 1; i < k && uniform; i++) uniform = quantities[i] === quantities[0];
    let endQuantities = this.endQuantities;
    if (uniform) {
      // Every booking holds the same units (one each, most often): the ends are ordered alone,
      // and any end takes the quantity beside it.
      endQuantities = quantities;
      if (!sortKeys(ends, k, budget)) return { times, levels, size: this.bySorting(k, quantities) };
    } else {
      for (let i = 0; i < k; i++) endQuantities[i] = quantities[i]!;
      // The ends now move with their own quantities, no longer beside their starts'.
      if (!sortPairs(ends, endQuantities, k, budget))
        return { times, levels, size: this.bySorting(k, endQuantities) };
    }
    starts[k] = Number.POSITIVE_INFINITY;
    ends[k] = Number.POSITIVE_INFINITY;
    let size = 1;
    let level = 0;
    let i = 0;
    let j = 0;
    let start = starts[0]!;
    let end = ends[0]!;
    while (start < Number.POSITIVE_INFINITY || end < Number.POSITIVE_INFINITY) {
      // Not `Math.min`: an invalid instant (NaN) must not stop both lists from moving on.
      let t = end;
      if (start < end) t = start;
      while (start === t) {
        level += quantities[i]!;
        start = starts[++i]!;
      }
      while (end === t) {
        level -= endQuantities[j]!;
        end = ends[++j]!;
      }
      times[size] = t;
      levels[size] = level;
      size++;
    }
    return { times, levels, size };
  }

  /**
   * Orders the `k` bookings gathered by start, as the in-place insertion sort would (ties keep
   * their order), through one array of packed keys `(start - base) × shift + index`: exact, as
   * the caller checked that every key stays below 2^53 and `shift` is a power of two at least
   * `k`. The keys are insertion-sorted within `budget` moves, else sorted natively; the ends
   * and quantities are then gathered in that order (into the spare arrays, swapped in).
   */
  private orderByStart(k: number, base: number, shift: number, budget: number): void {
    const { starts, ends, quantities, keys, spareEnds, spareQuantities } = this;
    for (let i = 0; i < k; i++) keys[i] = (starts[i]! - base) * shift + i;
    if (!sortKeys(keys, k, budget)) keys.subarray(0, k).sort();
    const unit = 1 / shift;
    for (let i = 0; i < k; i++) {
      const key = keys[i]!;
      const offset = Math.floor(key * unit);
      const at = key - offset * shift;
      starts[i] = base + offset;
      spareEnds[i] = ends[at]!;
      spareQuantities[i] = quantities[at]!;
    }
    this.ends = spareEnds;
    this.spareEnds = ends;
    this.quantities = spareQuantities;
    this.spareQuantities = quantities;
  }

  /**
   * The steps of the `k` bookings gathered (in any order) by a native sort; the size. Each
   * start takes the quantity beside it in `quantities`, each end the one beside it in
   * `endQuantities` (the same array unless the ends were reordered on their own).
   */
  private bySorting(k: number, endQuantities: Float64Array): number {
    const { starts, ends, quantities, times, levels } = this;
    const bounds = this.bounds.subarray(0, 2 * k);
    bounds.set(starts.subarray(0, k));
    bounds.set(ends.subarray(0, k), k);
    bounds.sort();
    let size = 1;
    for (let i = 0; i < bounds.length; i++) {
      const t = bounds[i]!;
      if (t !== times[size - 1]) {
        times[size] = t;
        levels[size] = 0;
        size++;
      }
    }
    for (let i = 0; i < k; i++) {
      const at = indexOf(times, size, starts[i]!);
      levels[at] = levels[at]! + quantities[i]!;
      const until = indexOf(times, size, ends[i]!);
      levels[until] = levels[until]! - endQuantities[i]!;
    }
    for (let i = 1; i < size; i++) levels[i] = levels[i]! + levels[i - 1]!;
    return size;
  }
}

/**
 * Insertion sort of the bookings `[0..k)` by start, their ends and quantities moved along.
 * False when it gave up after `budget` moves (the bookings are then still whole, in some order).
 */
function sortByStart(
  starts: Float64Array,
  ends: Float64Array,
  quantities: Float64Array,
  k: number,
  budget: number,
): boolean {
  let moves = 0;
  for (let i = 1; i < k; i++) {
    const start = starts[i]!;
    if (starts[i - 1]! <= start) continue;
    const end = ends[i]!;
    const quantity = quantities[i]!;
    let j = i - 1;
    while (j >= 0 && starts[j]! > start) {
      starts[j + 1] = starts[j]!;
      ends[j + 1] = ends[j]!;
      quantities[j + 1] = quantities[j]!;
      j--;
    }
    starts[j + 1] = start;
    ends[j + 1] = end;
    quantities[j + 1] = quantity;
    moves += i - j;
    if (moves > budget) return false;
  }
  return true;
}

/**
 * Insertion sort of `keys[0..k)` ascending, `values` moved along. False when it gave up after
 * `budget` moves (the pairs are then still pairs, in some order).
 */
function sortPairs(keys: Float64Array, values: Float64Array, k: number, budget: number): boolean {
  let moves = 0;
  for (let i = 1; i < k; i++) {
    const key = keys[i]!;
    if (keys[i - 1]! <= key) continue;
    const value = values[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      values[j + 1] = values[j]!;
      j--;
    }
    keys[j + 1] = key;
    values[j + 1] = value;
    moves += i - j;
    if (moves > budget) return false;
  }
  return true;
}

/**
 * Insertion sort of `keys[0..k)` ascending. False when it gave up after `budget` moves (the
 * keys are then all still there, in some order).
 */
function sortKeys(keys: Float64Array, k: number, budget: number): boolean {
  let moves = 0;
  for (let i = 1; i < k; i++) {
    const key = keys[i]!;
    if (keys[i - 1]! <= key) continue;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
    moves += i - j;
    if (moves > budget) return false;
  }
  return true;
}

/** Index of `value` in the ascending `times[1..size)` (it is there). */
function indexOf(times: Float64Array, size: number, value: number): number {
  let lo = 1;
  let hi = size - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
