import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Interval, normalizeIntervals } from "./interval";

/** The definition: drop empty intervals, sort by start, merge overlapping or touching ones. */
function reference(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) {
      if (i.end > last.end) out[out.length - 1] = { start: last.start, end: i.end };
    } else out.push({ start: i.start, end: i.end });
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
