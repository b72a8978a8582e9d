import { describe, expect, it } from "vitest";
import { rowMaker } from "./row-maker";

describe("rowMaker", () => {
  it("names each value by its column, in column order", () => {
    const make = rowMaker(["id", "start", "quantity", "noShowAt"]);
    const row = make(["b1", 1_780_000_000_000, 2, null]);
    expect(row).toEqual({ id: "b1", start: 1_780_000_000_000, quantity: 2, noShowAt: null });
    expect(Object.keys(row)).toEqual(["id", "start", "quantity", "noShowAt"]);
  });

  it("takes any column name as a plain key, quotes, backslashes and line breaks included", () => {
    const names = ['a"b', "c\\d", "e\nf", "g h", "1x", "constructor", "v"];
    const row = rowMaker(names)(names.map((_, j) => j));
    expect(Object.entries(row)).toEqual(names.map((n, j) => [n, j]));
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
  });

  it("keeps the last value of a repeated name, as assigning one by one does", () => {
    expect(rowMaker(["a", "b", "a"])([1, 2, 3])).toEqual({ a: 3, b: 2 });
  });

  it("treats `__proto__` as assigning it one by one does", () => {
    const names = ["id", "__proto__"];
    const values = ["x", null];
    const byKey: Record<string, unknown> = {};
    for (let j = 0; j < names.length; j++) byKey[names[j]!] = values[j];
    const row = rowMaker(names)(values);
    expect(Object.keys(row)).toEqual(Object.keys(byKey));
    expect(Object.getPrototypeOf(row)).toBe(Object.getPrototypeOf(byKey));
  });

  it("makes an empty row for no columns", () => {
    expect(rowMaker([])([])).toEqual({});
  });
});
