import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import { defineModel, overlapWhere, sequentialIds, type Tx } from "../src/index";
import { createTx, intervalSpanModel, ValueCodec } from "../src/adapter";

const HOUR = 3_600_000;

const holdModel = defineModel(
  "interval_hold",
  { itemId: z.string(), from: z.date(), until: z.date(), quantity: z.number().int().default(1) },
  {
    indexes: [{ fields: ["itemId", "until", "from"] }],
    intervals: [{ start: "from", end: "until", maxSpanMs: 4 * HOUR }],
  },
);

async function inTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const storage = memoryStorage();
  await storage.setup([intervalSpanModel, holdModel]);
  const codec = new ValueCodec(storage.capabilities);
  return storage.transaction((inner) =>
    fn(createTx(inner, { communityId: "c1", ids: sequentialIds(), codec })),
  );
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e as { code?: string; details?: { problems?: { path: string; code: string }[] } },
  );
  return { code: error?.code, problems: error?.details?.problems?.map((p) => `${p.path}:${p.code}`) };
}

const t0 = Date.UTC(2026, 6, 6, 8);
const at = (hours: number) => new Date(t0 + hours * HOUR);

describe("bounded intervals", () => {
  test("defineModel refuses an interval on a field that is not a date, or a bad bound", () => {
    expect(() =>
      defineModel(
        "interval_bad",
        { a: z.string(), b: z.date() },
        { intervals: [{ start: "a", end: "b", maxSpanMs: 1 }] },
      ),
    ).toThrow(/not a date field/);
    expect(() =>
      defineModel(
        "interval_bad",
        { a: z.date(), b: z.date() },
        { intervals: [{ start: "a", end: "b", maxSpanMs: 0 }] },
      ),
    ).toThrow(/positive safe integer/);
  });

  test("a row longer than the bound is refused on create, on update and by reserve, and nothing is written", async () => {
    const outcome = await inTx(async (tx) => {
      const tooLong = await failure(tx.create(holdModel, { itemId: "i", from: at(0), until: at(5) }));
      const ok = await tx.create(holdModel, { itemId: "i", from: at(0), until: at(4) });
      // Patching one side is checked against the other side of every matching row.
      const stretched = await failure(tx.updateById(holdModel, ok.id, { until: at(4.5) }));
      const both = await failure(tx.updateById(holdModel, ok.id, { from: at(10), until: at(15) }));
      const reserved = await failure(
        tx.reserve(holdModel, {
          key: "item:i",
          capacity: 5,
          scope: [{ field: "itemId", value: "i" }],
          interval: { startField: "from", endField: "until", start: at(20), end: at(30) },
          data: { itemId: "i", from: at(20), until: at(30) },
        }),
      );
      const moved = await tx.updateById(holdModel, ok.id, { until: at(3) });
      return { tooLong, stretched, both, reserved, moved, count: await tx.count(holdModel) };
    });
    const refused = { code: "VALIDATION_FAILED", problems: ["until:INTERVAL_TOO_LONG"] };
    expect(outcome.tooLong).toEqual(refused);
    expect(outcome.stretched).toEqual(refused);
    expect(outcome.both).toEqual(refused);
    expect(outcome.reserved).toEqual(refused);
    expect(outcome.moved.until).toEqual(at(3));
    expect(outcome.count).toBe(1);
  });

  test("overlapWhere finds exactly the overlapping rows, with both bounds on the end field", async () => {
    const where = overlapWhere(holdModel, {
      startField: "from",
      endField: "until",
      from: at(10),
      to: at(12),
    });
    expect(where).toEqual([
      { field: "until", op: "gt", value: at(10) },
      { field: "until", op: "lt", value: at(16) },
      { field: "from", op: "lt", value: at(12) },
    ]);
    const found = await inTx(async (tx) => {
      // Every 4-hour-or-shorter hold starting on the half hour from 02:00 to 17:30.
      for (let s = -6; s < 10; s += 0.5)
        for (const len of [0.5, 2, 4])
          await tx.create(holdModel, { itemId: "i", from: at(s + 6 + 2), until: at(s + 8 + len) });
      const rows = await tx.findMany(holdModel, { where, select: ["from", "until"] });
      const all = await tx.findMany(holdModel, { select: ["from", "until"] });
      return { rows, all };
    });
    const expected = found.all.filter((r) => r.from < at(12) && r.until > at(10));
    expect(found.rows).toHaveLength(expected.length);
    expect(new Set(found.rows.map((r) => `${r.from.getTime()}-${r.until.getTime()}`))).toEqual(
      new Set(expected.map((r) => `${r.from.getTime()}-${r.until.getTime()}`)),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(found.all.length);
  });

  test("only the declared pair of fields is bounded: other date fields get the one-sided read", async () => {
    const twoPairs = defineModel(
      "interval_two_pairs",
      { a: z.date(), b: z.date(), c: z.date(), d: z.date() },
      { intervals: [{ start: "a", end: "b", maxSpanMs: HOUR }] },
    );
    const range = { from: at(0), to: at(1) };
    expect(overlapWhere(twoPairs, { startField: "a", endField: "b", ...range })).toHaveLength(3);
    for (const [startField, endField] of [
      ["c", "d"],
      ["a", "d"],
      ["c", "b"],
    ] as const) {
      const where = overlapWhere(twoPairs, { startField, endField, ...range });
      expect(where).toEqual([
        { field: endField, op: "gt", value: at(0) },
        { field: startField, op: "lt", value: at(1) },
      ]);
      const storage = memoryStorage();
      await storage.setup([intervalSpanModel, twoPairs]);
      const codec = new ValueCodec(storage.capabilities);
      const kept = await storage.transaction((inner) =>
        createTx(inner, { communityId: "c1", ids: sequentialIds(), codec }).overlapWhere(twoPairs, {
          startField,
          endField,
          ...range,
        }),
      );
      expect(kept).toEqual(where);
    }
  });

  test("open and reversed intervals are stored; the kept span is exactly the longest, and absent while no row holds one", async () => {
    const openModel = defineModel(
      "interval_open",
      { from: z.date(), until: z.date().nullable().default(null) },
      { intervals: [{ start: "from", end: "until", maxSpanMs: 4 * HOUR }] },
    );
    const storage = memoryStorage();
    await storage.setup([intervalSpanModel, openModel]);
    const codec = new ValueCodec(storage.capabilities);
    const ids = sequentialIds();
    const inOpenTx = <T>(fn: (tx: Tx) => Promise<T>) =>
      storage.transaction((inner) => fn(createTx(inner, { communityId: "c1", ids, codec })));
    const kept = () => inOpenTx((tx) => tx.findById(intervalSpanModel, "interval_open:from:until"));
    // Left open, or ending before it starts: stored, and no span is kept for them.
    await inOpenTx((tx) => tx.create(openModel, { from: at(0) }));
    await inOpenTx((tx) => tx.create(openModel, { from: at(5), until: at(3) }));
    expect(await inOpenTx((tx) => tx.count(openModel))).toBe(2);
    expect(await kept()).toBeNull();
    // An empty interval: the kept span is 0, exactly.
    await inOpenTx((tx) => tx.create(openModel, { from: at(1), until: at(1) }));
    expect((await kept())?.longestMs).toBe(0);
    // A longer one raises it to its length; a shorter one leaves it.
    await inOpenTx((tx) => tx.create(openModel, { from: at(1), until: at(3) }));
    await inOpenTx((tx) => tx.create(openModel, { from: at(1), until: at(2) }));
    expect((await kept())?.longestMs).toBe(2 * HOUR);
  });
});
