import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minuteOfDay } from "./local-time";

describe("minuteOfDay", () => {
  it("reads the hours and minutes of any string as the two-substring definition does", () => {
    const digit = fc.constantFrom(..."0123456789");
    const char = fc.constantFrom(..."0123456789: +-.aZ");
    const time = fc.oneof(
      fc.tuple(digit, digit, digit, digit).map(([a, b, c, d]) => `${a}${b}:${c}${d}`),
      fc.array(char, { maxLength: 7 }).map((cs) => cs.join("")),
    );
    fc.assert(
      fc.property(time, (t) => {
        expect(minuteOfDay(t)).toBe(Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
      }),
      { numRuns: 1000, seed: 20261201 },
    );
  });
});
