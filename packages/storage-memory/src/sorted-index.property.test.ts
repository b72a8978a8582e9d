import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { SortedIndex } from "./sorted-index";

// `distance` (counted through the chunks' length tree) equals the entries a walk between the
// two positions yields, after any sequence of inserts and removals, across chunk splits and
// emptied chunks.
describe("sorted index distance", () => {
  test("equals the number of entries between two positions after random inserts and removals", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3000 })), {
          minLength: 1,
          maxLength: 3000,
        }),
        fc.array(fc.tuple(fc.integer({ min: -1, max: 3001 }), fc.integer({ min: -1, max: 3001 })), {
          minLength: 1,
          maxLength: 20,
        }),
        (writes, probes) => {
          const index = new SortedIndex<number>(
            (a, b) => a - b,
            () => {},
          );
          const present = new Set<number>();
          for (const [insert, value] of writes) {
            if (insert && !present.has(value)) {
              index.insert(value);
              present.add(value);
            } else if (!insert && present.has(value)) {
              expect(index.remove(value)).toBe(true);
              present.delete(value);
            }
          }
          expect(index.size).toBe(present.size);
          for (const [a, b] of probes) {
            const lo = Math.min(a, b);
            const hi = Math.max(a, b);
            const from = index.seek((e) => e < lo);
            const to = index.seek((e) => e < hi);
            expect(index.distance(from, to)).toBe([...index.range(from, to)].length);
            expect(index.distance(from, to)).toBe([...present].filter((v) => v >= lo && v < hi).length);
          }
        },
      ),
      { seed: 20261130, numRuns: 60 },
    );
  });
});
