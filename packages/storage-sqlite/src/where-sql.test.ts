import { defineModel, type WhereClause } from "@linli/core";
import { compareRows, matchesWhere, WHERE_OPERATORS } from "@linli/core/adapter";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { type SqliteStorage, sqliteStorage } from "./sqlite-storage";

// Property: for any rows and any where clause, SQL gives exactly the rows (and the order) of
// the kernel's reference semantics (`matchesWhere`, `compareRows`), nulls included.
const model = defineModel("prop_row", {
  label: z.string().nullable().default(null),
  amount: z.number().int().nullable().default(null),
  ratio: z.number().nullable().default(null),
});
type Row = {
  communityId: string;
  id: string;
  label: string | null;
  amount: number | null;
  ratio: number | null;
};

// Strings stay below U+D800: JavaScript orders UTF-16 code units and SQLite UTF-8 bytes,
// which agree there (and differ only between astral characters and U+E000–U+FFFF).
const label = fc.option(fc.constantFrom("", "a", "b", "ab", "ba", "abc", "A", "é", "中", "中文", "a%", "_"), {
  nil: null,
});
const amount = fc.option(fc.integer({ min: -3, max: 3 }), { nil: null });
const ratio = fc.option(fc.constantFrom(-1.5, 0, 0.25, 2, 1e10), { nil: null });
const rowsArb = fc.array(fc.record({ label, amount, ratio }), { maxLength: 12 });

const valueFor: Record<string, fc.Arbitrary<string | number | null>> = { label, amount, ratio };
const clauseArb: fc.Arbitrary<WhereClause> = fc
  .tuple(fc.constantFrom("label", "amount", "ratio"), fc.constantFrom(...WHERE_OPERATORS))
  .chain(([field, op]): fc.Arbitrary<WhereClause> => {
    if (op === "in" || op === "not_in")
      return fc.array(valueFor[field]!, { maxLength: 4 }).map((value) => ({ field, op, value }));
    if (op === "contains" || op === "starts_with" || op === "ends_with")
      return fc.constantFrom("", "a", "b", "中", "1").map((value) => ({ field, op, value }));
    return valueFor[field]!.map((value) => ({ field, op, value }));
  });

/** Thrown to roll the transaction back, carrying what it read. */
class Rollback {
  constructor(
    readonly found: Row[],
    readonly count: number,
  ) {}
}

let storage: SqliteStorage;
beforeAll(async () => {
  storage = sqliteStorage({ filename: ":memory:" });
  await storage.setup([model]);
});
afterAll(() => storage.close());

describe("where clauses in SQL match the reference semantics", () => {
  test("findMany and count, any rows, one or two clauses, ordered by any field", async () => {
    await fc.assert(
      fc.asyncProperty(
        rowsArb,
        fc.array(clauseArb, { minLength: 1, maxLength: 2 }),
        fc.constantFrom("label", "amount", "ratio"),
        fc.constantFrom("asc" as const, "desc" as const),
        async (values, where, field, direction) => {
          const rows: Row[] = values.map((v, i) => ({
            communityId: "p",
            id: `r${String(i).padStart(2, "0")}`,
            ...v,
          }));
          const orderBy = [{ field, direction }, { field: "id" }];
          const expected = rows
            .filter((r) => matchesWhere(r, where))
            .sort(compareRows(orderBy))
            .map((r) => r.id);
          const { found, count } = await storage
            .transaction(async (tx) => {
              for (const row of rows) await tx.create("prop_row", row);
              const found = await tx.findMany("prop_row", { where, orderBy });
              const count = await tx.count("prop_row", where);
              throw new Rollback(found as Row[], count);
            })
            .catch((error: unknown) => {
              if (error instanceof Rollback) return error;
              throw error;
            });
          expect(found.map((r) => r.id)).toEqual(expected);
          expect(count).toBe(expected.length);
        },
      ),
      { numRuns: 300 },
    );
  });
});
