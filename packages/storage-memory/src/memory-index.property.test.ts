import { defineModel, type ModelOrderBy, type ModelWhere, sequentialIds, type Tx } from "@linli/core";
import { compareRows, createTx, matchesWhere, ValueCodec } from "@linli/core/adapter";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { memoryStorage } from "./memory-storage";

// The indexed memory adapter against a plain list with the reference semantics
// (`matchesWhere`, `compareRows`, ties in insertion order), under random writes, failed
// transactions, and a read-only transaction open across later commits.

const propModel = defineModel(
  "prop_row",
  {
    a: z.string(),
    b: z.number().int().nullable(),
    c: z.number().int(),
    u: z.string().nullable(),
  },
  {
    indexes: [
      { fields: ["a", "b"] },
      { fields: ["c"] },
      { fields: ["u"], unique: true },
      { fields: ["b", "c"] },
    ],
  },
);

type Row = { id: string; communityId: string; a: string; b: number | null; c: number; u: string | null };
type Where = ModelWhere<typeof propModel>;
/** A reference row: its insertion number orders what nothing else orders. */
type Ref = Row & { ord: number };

const A = ["x", "y", "z"];
const U = ["u1", "u2", "u3", "u4"];
const IDS = Array.from({ length: 10 }, (_, i) => `p${i}`);
const COMMUNITIES = ["c1", "c2"];

const b = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
const clause: fc.Arbitrary<Where> = fc.oneof(
  fc.record({
    field: fc.constant("a" as const),
    op: fc.constantFrom("eq" as const, "ne" as const),
    value: fc.constantFrom(...A),
  }),
  fc.record({ field: fc.constant("a" as const), op: fc.constant("in" as const), value: fc.subarray(A) }),
  fc.record({
    field: fc.constant("b" as const),
    op: fc.constantFrom("eq" as const, "ne" as const),
    value: b,
  }),
  fc.record({
    field: fc.constant("b" as const),
    op: fc.constantFrom("lt" as const, "lte" as const, "gt" as const, "gte" as const),
    value: fc.integer({ min: 0, max: 3 }),
  }),
  fc.record({
    field: fc.constant("c" as const),
    op: fc.constantFrom("eq" as const, "lt" as const, "lte" as const, "gt" as const, "gte" as const),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc.record({
    field: fc.constant("u" as const),
    op: fc.constant("eq" as const),
    value: fc.option(fc.constantFrom(...U), { nil: null }),
  }),
  fc.record({
    field: fc.constant("id" as const),
    op: fc.constant("eq" as const),
    value: fc.constantFrom(...IDS),
  }),
  fc.record({ field: fc.constant("id" as const), op: fc.constant("in" as const), value: fc.subarray(IDS) }),
);
const where = fc.array(clause, { maxLength: 3 });
/** Any fields, or exactly the fields an index yields its rows in. */
const orderFields: fc.Arbitrary<("a" | "b" | "c")[]> = fc.oneof(
  fc.shuffledSubarray(["a", "b", "c"] as const),
  fc.constantFrom<("a" | "b" | "c")[]>(["c"], ["a", "b"], ["b", "c"], ["b"]),
);
const orderBy: fc.Arbitrary<ModelOrderBy<typeof propModel>[]> = fc
  .tuple(orderFields, fc.constantFrom("asc" as const, "desc" as const), fc.boolean())
  .map(([fields, direction, mixed]) =>
    fields.map((field, i) => ({ field, direction: mixed && i === 1 ? "asc" : direction })),
  );
const community = fc.constantFrom(...COMMUNITIES);
const data = fc.record({
  id: fc.constantFrom(...IDS),
  a: fc.constantFrom(...A),
  b,
  c: fc.integer({ min: 0, max: 4 }),
  u: fc.option(fc.constantFrom(...U), { nil: null }),
});
const patch = fc.record(
  { b, c: fc.integer({ min: 0, max: 4 }), u: fc.option(fc.constantFrom(...U), { nil: null }) },
  { requiredKeys: [] },
);
const write = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("create" as const), community, data }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("update" as const), community, where, patch }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("delete" as const),
      community,
      where: fc.array(clause, { minLength: 1, maxLength: 3 }),
    }),
  },
);
const query = fc.record({
  community,
  where: fc.array(clause, { maxLength: 2 }),
  orderBy,
  limit: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  offset: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
});
const step = fc.oneof(
  { weight: 4, arbitrary: write },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("abort" as const), writes: fc.array(write, { maxLength: 4 }) }),
  },
);
type Write = typeof write extends fc.Arbitrary<infer T> ? T : never;
type Query = typeof query extends fc.Arbitrary<infer T> ? T : never;

/** The reference: applies a write to a list of rows, or returns "DUPLICATE" and changes nothing. */
function apply(rows: Ref[], w: Write, nextOrd: () => number): Ref[] | "DUPLICATE" {
  const mine = (r: Ref) => r.communityId === w.community;
  const clash = (next: Ref[], others: Ref[]) =>
    next.some(
      (r, i) =>
        r.u !== null &&
        (others.some((o) => o.communityId === r.communityId && o.u === r.u) ||
          next.slice(i + 1).some((o) => o.u === r.u)),
    );
  if (w.kind === "create") {
    const row: Ref = { ...w.data, communityId: w.community, ord: nextOrd() };
    if (rows.some((r) => mine(r) && r.id === row.id) || clash([row], rows)) return "DUPLICATE";
    return [...rows, row];
  }
  const hit = (r: Ref) => mine(r) && matchesWhere(r, w.where);
  if (w.kind === "delete") return rows.filter((r) => !hit(r));
  const defined = Object.fromEntries(Object.entries(w.patch).filter(([, v]) => v !== undefined));
  const next = rows.map((r) => (hit(r) ? { ...r, ...defined } : r));
  return clash(
    next.filter((_, i) => hit(rows[i]!)),
    rows.filter((r) => !hit(r)),
  )
    ? "DUPLICATE"
    : next;
}

/** What a query returns on the reference rows: ties in insertion order. */
function expected(rows: readonly Ref[], q: Query): string[] {
  const compare = compareRows(q.orderBy);
  const found = rows
    .filter((r) => r.communityId === q.community && matchesWhere(r, q.where))
    .sort((x, y) => compare(x, y) || x.ord - y.ord);
  const offset = q.offset ?? 0;
  return found.slice(offset, q.limit === undefined ? undefined : offset + q.limit).map((r) => r.id);
}

async function run(tx: Tx, w: Write): Promise<void> {
  if (w.kind === "create") await tx.create(propModel, w.data);
  else if (w.kind === "update") await tx.update(propModel, w.where, w.patch);
  else await tx.delete(propModel, w.where);
}

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe("indexed memory adapter matches the reference semantics", () => {
  test("random writes, refused duplicates, rolled-back transactions, and a snapshot kept across commits", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(step, { minLength: 5, maxLength: 40 }),
        fc.array(step, { maxLength: 15 }),
        fc.array(query, { minLength: 1, maxLength: 8 }),
        async (before, after, queries) => {
          const storage = memoryStorage();
          await storage.setup([propModel]);
          const codec = new ValueCodec(storage.capabilities);
          const inTx = <T>(c: string, fn: (tx: Tx) => Promise<T>) =>
            storage.transaction((inner) =>
              fn(createTx(inner, { communityId: c, ids: sequentialIds(), codec })),
            );
          let rows: Ref[] = [];
          let ord = 0;
          const nextOrd = () => ord++;
          const play = async (steps: typeof before) => {
            for (const s of steps) {
              if (s.kind === "abort") {
                // Every write of a failed transaction is undone, refused ones included.
                const abort = new Error("abort");
                await expect(
                  inTx("c1", async (tx) => {
                    for (const w of s.writes) await run(tx, w).catch(() => undefined);
                    throw abort;
                  }),
                ).rejects.toBe(abort);
                continue;
              }
              const next = apply(rows, s, nextOrd);
              const outcome = await inTx(s.community, (tx) => run(tx, s)).then(
                () => "ok",
                (e: { code?: string }) => e.code,
              );
              expect(outcome).toBe(next === "DUPLICATE" ? "DUPLICATE" : "ok");
              if (next !== "DUPLICATE") rows = next;
            }
          };
          const check = async (tx: Tx, q: Query, reference: readonly Ref[]) => {
            const found = await tx.findMany(propModel, q);
            expect(found.map((r) => r.id)).toEqual(expected(reference, q));
            const all = reference.filter((r) => r.communityId === q.community && matchesWhere(r, q.where));
            expect(await tx.count(propModel, q.where)).toBe(all.length);
          };
          await play(before);
          const snapshot = rows;
          const opened = deferred();
          const written = deferred();
          const reader = storage.transaction(
            async (inner) => {
              opened.resolve();
              await written.promise;
              for (const q of queries) {
                const tx = createTx(inner, { communityId: q.community, ids: sequentialIds(), codec });
                await check(tx, q, snapshot);
              }
            },
            { readOnly: true },
          );
          await opened.promise;
          await play(after);
          written.resolve();
          await reader;
          for (const q of queries) await inTx(q.community, (tx) => check(tx, q, rows));
        },
      ),
      { seed: 20261130, numRuns: 120 },
    );
  }, 120_000);
});
