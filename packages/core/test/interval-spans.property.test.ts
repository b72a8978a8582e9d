import { memoryStorage } from "@linli/storage-memory";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineModel, sequentialIds, type Tx } from "../src/index";
import { createTx, intervalSpanModel, ValueCodec } from "../src/adapter";

const HOUR = 3_600_000;
const MAX_SPAN = 48 * HOUR;

const holdModel = defineModel(
  "span_hold",
  { itemId: z.string(), from: z.date(), until: z.date() },
  {
    indexes: [{ fields: ["itemId", "until", "from"] }],
    intervals: [{ start: "from", end: "until", maxSpanMs: MAX_SPAN }],
  },
);

/** One step of a history: a new hold, a hold moved or stretched, or the kept span lost. */
type Step =
  | { kind: "create"; start: number; span: number }
  | { kind: "move"; index: number; start: number; span: number }
  | { kind: "stretch"; index: number; span: number }
  | { kind: "forget" };

const hours = (n: number) => fc.integer({ min: 0, max: n }).map((h) => h * HOUR);
const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("create" as const), start: hours(200), span: hours(48) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("move" as const),
      index: fc.nat(),
      start: hours(200),
      span: hours(48),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("stretch" as const), index: fc.nat(), span: hours(48) }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "forget" as const }) },
);
const windowArb = fc.record({ from: hours(260), length: hours(30) });

async function ids(tx: Tx, from: number, to: number): Promise<string[]> {
  const where = await tx.overlapWhere(holdModel, {
    startField: "from",
    endField: "until",
    from: new Date(from),
    to: new Date(to),
  });
  const rows = await tx.findMany(holdModel, {
    where: [{ field: "itemId", value: "i" }, ...where],
    select: ["id"],
  });
  return rows.map((r) => r.id).sort();
}

describe("the longest interval stored", () => {
  test("property: after any history of writes (and lost spans), overlap reads find exactly the overlapping rows", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(stepArb, { minLength: 1, maxLength: 25 }),
        fc.array(windowArb, { minLength: 1, maxLength: 6 }),
        async (steps, windows) => {
          const storage = memoryStorage();
          await storage.setup([intervalSpanModel, holdModel]);
          const codec = new ValueCodec(storage.capabilities);
          const idGen = sequentialIds();
          const inTx = <T>(fn: (tx: Tx) => Promise<T>, readOnly = false) =>
            storage.transaction((inner) => fn(createTx(inner, { communityId: "c", ids: idGen, codec })), {
              readOnly,
            });
          const created: string[] = [];
          for (const step of steps) {
            await inTx(async (tx) => {
              if (step.kind === "create") {
                const row = await tx.create(holdModel, {
                  itemId: "i",
                  from: new Date(step.start),
                  until: new Date(step.start + step.span),
                });
                created.push(row.id);
              } else if (step.kind === "forget") {
                await tx.delete(intervalSpanModel, []);
              } else if (created.length > 0) {
                const id = created[step.index % created.length]!;
                if (step.kind === "move")
                  await tx.updateById(holdModel, id, {
                    from: new Date(step.start),
                    until: new Date(step.start + step.span),
                  });
                else {
                  const row = await tx.get(holdModel, id);
                  await tx.updateById(holdModel, id, { until: new Date(row.from.getTime() + step.span) });
                }
              }
            });
          }
          const all = await inTx((tx) => tx.findMany(holdModel), true);
          for (const w of windows) {
            const from = w.from;
            const to = w.from + w.length;
            const expected = all
              .filter((r) => r.until.getTime() > from && r.from.getTime() < to)
              .map((r) => r.id)
              .sort();
            expect(await inTx((tx) => ids(tx, from, to), true)).toEqual(expected);
            expect(await inTx((tx) => ids(tx, from, to))).toEqual(expected);
          }
          // The kept span, when there is one, covers every row and never exceeds the declared one.
          const kept = await inTx((tx) => tx.findMany(intervalSpanModel), true);
          const longest = Math.max(-1, ...all.map((r) => r.until.getTime() - r.from.getTime()));
          for (const k of kept) {
            expect(k.longestMs).toBeGreaterThanOrEqual(longest);
            expect(k.longestMs).toBeLessThanOrEqual(MAX_SPAN);
          }
        },
      ),
      { seed: 20261201, numRuns: 150 },
    );
  });
});
