/**
 * Half-open time intervals `[start, end)` in epoch milliseconds, and the set operations the
 * rules and the availability sweep need. Lists are kept sorted and disjoint ("normalized").
 */

/** A half-open interval `[start, end)` in epoch milliseconds. */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

const byStart = (a: Interval, b: Interval) => a.start - b.start;

/**
 * Sorts and merges overlapping or touching intervals; drops empty ones. A list that is
 * already normalized (the common case: a rule's own output) is copied in one pass, without
 * a sort; no closure is made per call.
 */
export function normalizeIntervals(intervals: readonly Interval[]): Interval[] {
  if (isNormalized(intervals)) {
    const copy: Interval[] = [];
    for (let k = 0; k < intervals.length; k++)
      copy.push({ start: intervals[k]!.start, end: intervals[k]!.end });
    return copy;
  }
  const sorted: Interval[] = [];
  for (let k = 0; k < intervals.length; k++)
    if (intervals[k]!.end > intervals[k]!.start) sorted.push(intervals[k]!);
  sorted.sort(byStart);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    // Touching intervals merge: 22:00–24:00 and 00:00–02:00 make one range across midnight.
    if (last && i.start <= last.end) {
      if (i.end > last.end) out[out.length - 1] = { start: last.start, end: i.end };
    } else out.push({ start: i.start, end: i.end });
  }
  return out;
}

/** True when every interval is non-empty and starts after the one before ends (sorted, disjoint, not touching). */
function isNormalized(intervals: readonly Interval[]): boolean {
  let end = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < intervals.length; k++) {
    const i = intervals[k]!;
    if (!(i.start > end && i.end > i.start)) return false;
    end = i.end;
  }
  return true;
}

/** The intersection of two normalized lists (linear merge). */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

/** `a` minus `b`, both normalized. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < x.end) {
      const y = b[k]!;
      if (y.start > start) out.push({ start, end: y.start });
      start = Math.max(start, y.end);
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}

/** True when `[start, end)` lies entirely inside one interval of a normalized list. */
export function coveredBy(intervals: readonly Interval[], start: number, end: number): boolean {
  // Binary search for the last interval starting at or before `start`.
  let lo = 0;
  let hi = intervals.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (intervals[mid]!.start <= start) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found >= 0 && intervals[found]!.end >= end;
}
