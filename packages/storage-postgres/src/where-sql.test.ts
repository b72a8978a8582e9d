import { defineModel, type ModelOrderBy, type ModelWhere } from "@linli/core";
import { compareRows, matchesWhere } from "@linli/core/adapter";
import { inTx } from "@linli/storage-testkit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import * as z from "zod";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";
import { tableLayout } from "./table-layout";
import { compileTail, compileWhere } from "./where-sql";

const pg = usePgServer();

const itemModel = defineModel("where_item", {
  label: z.string().nullable().default(null),
  n: z.number().int().nullable().default(null),
  x: z.number(),
  on: z.boolean(),
  at: z.date().nullable().default(null),
});

let storage: PostgresStorage;
beforeAll(async () => {
  storage = postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("where"), max: 2 });
  await storage.setup([itemModel]);
});
afterAll(async () => {
  await storage.close();
  await pg.dropSchema(storage.schema);
});

describe("compiled SQL", () => {
  const layout = tableLayout("s", itemModel);

  test("every operator is parameterized; in/not_in bind one array; nulls are tested with IS NULL", () => {
    const w = compileWhere(layout, [
      { field: "communityId", value: "c" },
      { field: "label", op: "ne", value: null },
      { field: "n", op: "in", value: [1, null, 3] },
      { field: "n", op: "not_in", value: [2, null] },
      { field: "label", op: "contains", value: "50%_off" },
      { field: "label", op: "starts_with", value: "a" },
      { field: "label", op: "ends_with", value: "z" },
      { field: "x", op: "gte", value: 1.5 },
      { field: "at", op: "lt", value: null },
    ]);
    expect(w.sql()).toBe(
      `"community_id" = $1 AND "label" IS NOT NULL AND ("n" = ANY($2) OR "n" IS NULL) AND "n" <> ALL($3)` +
        ` AND position($4 in "label") > 0 AND starts_with("label", $5) AND right("label", char_length($6)) = $6` +
        ` AND "x" >= $7 AND FALSE`,
    );
    expect(w.params).toEqual(["c", [1, 3], [2], "50%_off", "a", "z", 1.5]);
  });

  test("the shape key ignores values but not shapes, so statements are reused across values", () => {
    const a = compileWhere(layout, [{ field: "n", op: "in", value: [1, 2, 3] }]);
    const b = compileWhere(layout, [{ field: "n", op: "in", value: [9] }]);
    const c = compileWhere(layout, [{ field: "n", op: "in", value: [9, null] }]);
    expect(a.key).toBe(b.key);
    expect(a.key).not.toBe(c.key);
  });

  test("order by spells out NULLS FIRST ascending and NULLS LAST descending, then (community_id, id)", () => {
    const tail = compileTail(
      layout,
      { orderBy: [{ field: "label" }, { field: "n", direction: "desc" }], limit: 5 },
      3,
    );
    expect(tail.sql()).toBe(
      ` ORDER BY "label" ASC NULLS FIRST, "n" DESC NULLS LAST, "community_id", "id" LIMIT $3 OFFSET $4`,
    );
    expect(tail.params).toEqual([5, 0]);
  });
});

// Strings with LIKE wildcards, backslashes, quotes, CJK and characters that sort differently
// by locale: the operators must treat them literally and compare by code point.
const text = fc.constantFrom(
  "",
  "a",
  "A",
  "b",
  "%",
  "_",
  "a%b",
  "a_b",
  "\\",
  "'",
  "王",
  "王家垅",
  "ä",
  "z",
  "Z%",
);
const label = fc.oneof(
  fc.constant(null),
  fc.array(text, { maxLength: 3 }).map((parts) => parts.join("")),
);
const row = fc.record({
  label,
  n: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
  x: fc.constantFrom(-1.5, 0, 0.1, 2, 1e9),
  on: fc.boolean(),
  at: fc.option(
    fc.integer({ min: 0, max: 4 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d, 8, 0, 0, 7))),
    { nil: null },
  ),
});
const clause: fc.Arbitrary<ModelWhere<typeof itemModel>> = fc
  .oneof(
    fc.record({
      field: fc.constant("label"),
      op: fc.constantFrom(
        "eq",
        "ne",
        "lt",
        "lte",
        "gt",
        "gte",
        "contains",
        "starts_with",
        "ends_with" as const,
      ),
      value: text,
    }),
    fc.record({
      field: fc.constantFrom("label", "n", "at"),
      op: fc.constantFrom("eq", "ne" as const),
      value: fc.constant(null),
    }),
    fc.record({
      field: fc.constant("n"),
      op: fc.constantFrom("eq", "ne", "lt", "lte", "gt", "gte" as const),
      value: fc.integer({ min: -3, max: 3 }),
    }),
    fc.record({
      field: fc.constant("n"),
      op: fc.constantFrom("in", "not_in" as const),
      value: fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }), { maxLength: 3 }),
    }),
    fc.record({
      field: fc.constant("x"),
      op: fc.constantFrom("lt", "gte", "eq" as const),
      value: fc.constantFrom(0, 0.1, 2),
    }),
    fc.record({ field: fc.constant("on"), op: fc.constantFrom("eq", "ne" as const), value: fc.boolean() }),
    fc.record({
      field: fc.constant("at"),
      op: fc.constantFrom("lt", "gte", "in" as const),
      value: fc.integer({ min: 0, max: 4 }).map((d) => new Date(Date.UTC(2026, 0, 1 + d, 8, 0, 0, 7))),
    }),
  )
  .map((c) =>
    // `in`/`not_in` take lists, the others a scalar.
    (c.op === "in" || c.op === "not_in") && !Array.isArray(c.value) ? { ...c, value: [c.value] } : c,
  ) as fc.Arbitrary<ModelWhere<typeof itemModel>>;
const orderBy: fc.Arbitrary<ModelOrderBy<typeof itemModel>[]> = fc.array(
  fc.record({
    field: fc.constantFrom("label", "n", "x", "on", "at"),
    direction: fc.constantFrom("asc", "desc" as const),
  }),
  { maxLength: 2 },
);

describe("against the reference semantics on real PostgreSQL", () => {
  test("random rows, where lists and orders give exactly what matchesWhere and compareRows give", async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.array(clause, { maxLength: 3 }),
        orderBy,
        async (rows, where, order) => {
          const communityId = `p${++run}`;
          const stored = await inTx(
            storage,
            async (tx) => {
              const out = [];
              for (const [i, r] of rows.entries())
                out.push(await tx.create(itemModel, { id: `i${i}`, ...r }));
              return out;
            },
            communityId,
          );
          const withId: ModelOrderBy<typeof itemModel>[] = [...order, { field: "id" }];
          const expected = (stored as unknown as Record<string, unknown>[])
            .filter((r) => matchesWhere(r, where))
            .sort(compareRows(withId))
            .map((r) => r.id);
          const found = await inTx(
            storage,
            (tx) => tx.findMany(itemModel, { where, orderBy: withId }),
            communityId,
          );
          expect(found.map((r) => r.id)).toEqual(expected);
          expect(await inTx(storage, (tx) => tx.count(itemModel, where), communityId)).toBe(expected.length);
        },
      ),
      { numRuns: 60, seed: 20260601 },
    );
  });
});
