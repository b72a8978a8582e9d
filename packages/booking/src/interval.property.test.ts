import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Interval, normalizeIntervals } from "./interval";

/**
 * The definition, by the points covered: every unit cell `[x, x + 1)` some interval covers,
 * then each maximal run of covered cells as one interval (so overlapping and touching ones
 * merge, empty ones cover nothing). The arbitraries below stay on integers in `[-50, 70]`.
 */
function reference(intervals: readonly Interval[]): Interval[] {
  const covered = new Set<number>();
  for (const i of intervals) for (let x = i.start; x < i.end; x++) covered.add(x);
  const out: Interval[] = [];
  for (let x = -50; x <= 70; x++) {
    if (!covered.has(x)) continue;
    const last = out[out.length - 1];
    if (last && last.end === x) out[out.length - 1] = { start: last.start, end: x + 1 };
    else out.push({ start: x, end: x + 1 });
  }
  return out;
}

const interval = fc
  .record({ start: fc.integer({ min: -50, max: 50 }), length: fc.integer({ min: -5, max: 20 }) })
  .map(({ start, length }) => ({ start, end: start + length }));

describe("normalizeIntervals", () => {
  it("sorts, merges and drops empty intervals, whether the list comes normalized or not", () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), fc.boolean(), (list, normalizedFirst) => {
        const input = normalizedFirst ? reference(list) : list;
        const out = normalizeIntervals(input);
        expect(out).toEqual(reference(input));
        // Fresh objects holding only the bounds, never the caller's.
        for (const i of out) expect(input).not.toContain(i);
      }),
      { numRuns: 500, seed: 20261201 },
    );
  });

  it("keeps only the bounds of what it is given", () => {
    const labelled = [{ start: 1, end: 2, label: "x" }];
    expect(normalizeIntervals(labelled)).toEqual([{ start: 1, end: 2 }]);
  });
});
