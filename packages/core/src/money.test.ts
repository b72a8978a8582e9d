import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isLinliError } from "./errors";
import {
  add,
  allocate,
  divideRounded,
  formatMoney,
  minorDigits,
  money,
  multiply,
  percentage,
  type RoundingMode,
  subtract,
  sum,
} from "./money";

const yuan = (fen: number) => money(fen, "CNY");

describe("money", () => {
  it("refuses fractional amounts, unknown currencies and mixed currencies", () => {
    expect(() => money(1.5, "CNY")).toThrow(expect.objectContaining({ code: "INVALID_AMOUNT" }));
    expect(() => money(100, "RMB")).toThrow(expect.objectContaining({ code: "INVALID_CURRENCY" }));
    try {
      add(yuan(1), money(1, "USD"));
      expect.unreachable();
    } catch (e) {
      expect(isLinliError(e, "CURRENCY_MISMATCH")).toBe(true);
      expect((e as { messages: { "zh-CN": string } }).messages["zh-CN"]).toContain("CNY");
    }
  });

  it("knows minor digits and formats exactly in the locale", () => {
    expect(minorDigits("CNY")).toBe(2);
    expect(minorDigits("JPY")).toBe(0);
    expect(formatMoney(yuan(2500), "zh-CN")).toBe("¥25.00");
    expect(formatMoney(yuan(100), "en")).toBe("CN¥1.00");
    expect(formatMoney(yuan(-5), "zh-CN")).toBe("-¥0.05");
    expect(formatMoney(money(1234, "JPY"), "ja-JP")).toBe("￥1,234");
  });

  it("prorates exactly: 16/30 of 2,500 fen and 14/31 of 10,000", () => {
    expect(multiply(yuan(2500), { numerator: 16, denominator: 30 }).amount).toBe(1333); // 1333.33
    expect(multiply(yuan(2500), { numerator: 16, denominator: 30 }, "up").amount).toBe(1334);
    expect(multiply(money(10_000, "CNY"), { numerator: 14, denominator: 31 }).amount).toBe(4516); // 4516.13
  });

  it("rounds halves by each mode", () => {
    const cases: Record<RoundingMode, [number, number, number, number]> = {
      // 2.5, 3.5, -2.5, 2.4
      "half-up": [3, 4, -3, 2],
      "half-even": [2, 4, -2, 2],
      "half-down": [2, 3, -2, 2],
      up: [3, 4, -3, 3],
      down: [2, 3, -2, 2],
      ceil: [3, 4, -2, 3],
      floor: [2, 3, -3, 2],
    };
    for (const [mode, expected] of Object.entries(cases) as [RoundingMode, number[]][]) {
      const got = [
        divideRounded(5n, 2n, mode),
        divideRounded(7n, 2n, mode),
        divideRounded(-5n, 2n, mode),
        divideRounded(12n, 5n, mode),
      ].map(Number);
      expect(got, mode).toEqual(expected);
    }
    expect(percentage(yuan(2500), 5000).amount).toBe(1250);
  });

  it("allocate never loses or invents a fen (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1_000_000, max: 1_000_000 }),
        fc
          .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 12 })
          .filter((r) => r.some((x) => x > 0)),
        (amount, ratios) => {
          const parts = allocate(yuan(amount), ratios);
          expect(sum(parts, "CNY").amount).toBe(amount);
          for (const p of parts) expect(Number.isInteger(p.amount)).toBe(true);
          ratios.forEach((r, i) => {
            if (r === 0) expect(parts[i]!.amount).toBe(0);
          });
        },
      ),
    );
  });

  it("add and subtract are inverse and integer (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: -1e9, max: 1e9 }), (a, b) => {
        expect(subtract(add(yuan(a), yuan(b)), yuan(b)).amount).toBe(a);
      }),
    );
  });

  it("multiply by a ratio stays within one minor unit of the exact value (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        (a, n, d) => {
          const got = multiply(yuan(a), { numerator: n, denominator: d }).amount;
          expect(Math.abs(got * d - a * n)).toBeLessThanOrEqual(d / 2);
        },
      ),
    );
  });
});
