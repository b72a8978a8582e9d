/**
 * Pure capacity arithmetic over time intervals. An interval is half-open: `[start, end)`,
 * so a booking ending at 10:00 and one starting at 10:00 do not overlap.
 */

/** A load of `quantity` units over `[start, end)` (epoch milliseconds). */
export interface Load {
  readonly start: number;
  readonly end: number;
  readonly quantity: number;
}

/**
 * The highest total quantity in use at any instant of `[start, end)`, by a sweep over the
 * interval boundaries (O(n log n)).
 */
export function peakLoad(loads: readonly Load[], start: number, end: number): number {
  const points: Array<[number, number]> = [];
  for (const load of loads) {
    const s = Math.max(load.start, start);
    const e = Math.min(load.end, end);
    if (s >= e || load.quantity === 0) continue;
    points.push([s, load.quantity], [e, -load.quantity]);
  }
  // Ends sort before starts at the same instant: half-open intervals.
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let current = 0;
  let peak = 0;
  for (const [, delta] of points) {
    current += delta;
    if (current > peak) peak = current;
  }
  return peak;
}
