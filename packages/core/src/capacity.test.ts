import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { peakLoad } from "./capacity";

describe("peakLoad", () => {
  it("treats intervals as half-open", () => {
    expect(
      peakLoad(
        [
          { start: 0, end: 10, quantity: 1 },
          { start: 10, end: 20, quantity: 1 },
        ],
        0,
        20,
      ),
    ).toBe(1);
    expect(
      peakLoad(
        [
          { start: 0, end: 10, quantity: 2 },
          { start: 5, end: 20, quantity: 3 },
        ],
        0,
        20,
      ),
    ).toBe(5);
    expect(
      peakLoad(
        [
          { start: 0, end: 10, quantity: 2 },
          { start: 5, end: 20, quantity: 3 },
        ],
        10,
        20,
      ),
    ).toBe(3);
  });

  it("equals the maximum of a per-minute count (property)", () => {
    const load = fc.record({
      start: fc.integer({ min: 0, max: 100 }),
      len: fc.integer({ min: 1, max: 40 }),
      quantity: fc.integer({ min: 1, max: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(load, { maxLength: 30 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 1, max: 60 }),
        (raw, from, len) => {
          const loads = raw.map((l) => ({ start: l.start, end: l.start + l.len, quantity: l.quantity }));
          let naive = 0;
          for (let t = from; t < from + len; t++) {
            naive = Math.max(
              naive,
              loads.filter((l) => l.start <= t && t < l.end).reduce((a, l) => a + l.quantity, 0),
            );
          }
          expect(peakLoad(loads, from, from + len)).toBe(naive);
        },
      ),
    );
  });
});
