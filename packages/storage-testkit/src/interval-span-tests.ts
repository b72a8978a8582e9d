import assert from "node:assert/strict";
import { isLinliError, overlapWhere, type Tx } from "@linli/core";
import { intervalSpanModel } from "@linli/core/adapter";
import { inReadOnlyTx, inTx, seededRandom } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { holdModel, MAX_HOLD_SPAN_MS } from "./testkit-models";

const MINUTE = 60_000;
const DAY = 86_400_000;
const base = Date.UTC(2026, 5, 1, 0);
const SPAN_ID = "testkit_hold:start:end";

type Hold = { id: string; start: Date; end: Date };

/** The ids of `holds` overlapping `[from, to)`, by definition, sorted. */
function overlapping(holds: readonly Hold[], from: number, to: number): string[] {
  return holds
    .filter((h) => h.end.getTime() > from && h.start.getTime() < to)
    .map((h) => h.id)
    .sort();
}

/** The ids `tx.overlapWhere` finds for item `i1` over `[from, to)`, sorted. */
async function found(tx: Tx, from: number, to: number): Promise<string[]> {
  const where = await tx.overlapWhere(holdModel, {
    startField: "start",
    endField: "end",
    from: new Date(from),
    to: new Date(to),
  });
  const rows = await tx.findMany(holdModel, {
    where: [{ field: "itemId", value: "i1" }, ...where],
    select: ["id"],
  });
  return rows.map((r) => r.id).sort();
}

/** The upper bound `tx.overlapWhere` puts on the end field for a range ending at `to`. */
async function endBound(tx: Tx, to: number): Promise<number> {
  const where = await tx.overlapWhere(holdModel, {
    startField: "start",
    endField: "end",
    from: new Date(to - DAY),
    to: new Date(to),
  });
  const lt = where.find((c) => c.field === "end" && c.op === "lt");
  assert.ok(lt, "the end field is bounded above");
  return (lt.value as Date).getTime() - to;
}

/** The kernel's interval spans: overlap reads bounded by the longest interval stored. */
export const intervalSpanTests: StorageTest[] = [
  {
    name: "interval spans: overlap reads bounded by the longest stored interval find exactly the overlapping rows",
    async run({ adapter }) {
      const next = seededRandom(7);
      const holds: Hold[] = [];
      await inTx(adapter, async (tx) => {
        for (let i = 0; i < 80; i++) {
          const start = base + Math.floor(next() * 60) * DAY + Math.floor(next() * 96) * 15 * MINUTE;
          // Mostly short holds, a few of several days, one of zero length.
          const span = i === 5 ? 0 : next() < 0.9 ? (1 + Math.floor(next() * 8)) * 15 * MINUTE : 3 * DAY;
          const row = await tx.create(holdModel, {
            itemId: "i1",
            start: new Date(start),
            end: new Date(start + span),
          });
          holds.push(row);
        }
      });
      const longest = () => Math.max(...holds.map((h) => h.end.getTime() - h.start.getTime()));
      assert.equal(await inTx(adapter, (tx) => endBound(tx, base)), longest());
      // Stretch one hold by its end alone (checked against its stored start), move another
      // by both ends: the longest span follows.
      await inTx(adapter, async (tx) => {
        const stretched = await tx.updateById(holdModel, holds[3]!.id, {
          end: new Date(holds[3]!.start.getTime() + 9 * DAY),
        });
        holds[3] = stretched;
        const moved = await tx.updateById(holdModel, holds[4]!.id, {
          start: new Date(base + 70 * DAY),
          end: new Date(base + 70 * DAY + 12 * DAY),
        });
        holds[4] = moved;
      });
      assert.equal(longest(), 12 * DAY);
      assert.equal(await inTx(adapter, (tx) => endBound(tx, base)), 12 * DAY);
      for (let w = 0; w < 40; w++) {
        const from = base - 5 * DAY + Math.floor(next() * 90 * 96) * 15 * MINUTE;
        const to = from + (1 + Math.floor(next() * 4 * 96)) * 15 * MINUTE;
        const read = await inReadOnlyTx(adapter, (tx) => found(tx, from, to));
        assert.deepEqual(read, overlapping(holds, from, to), `window ${new Date(from).toISOString()}`);
        // The same through a writing transaction, and through the declared bound.
        assert.deepEqual(await inTx(adapter, (tx) => found(tx, from, to)), read);
        const declared = await inTx(adapter, (tx) =>
          tx.findMany(holdModel, {
            where: [
              { field: "itemId", value: "i1" },
              ...overlapWhere(holdModel, {
                startField: "start",
                endField: "end",
                from: new Date(from),
                to: new Date(to),
              }),
            ],
            select: ["id"],
          }),
        );
        assert.deepEqual(declared.map((r) => r.id).sort(), read);
      }
    },
  },
  {
    name: "interval spans: rows stored before the span was kept are found, and the first write learns their longest span",
    async run({ adapter }) {
      const long = { id: "long", itemId: "i1", start: new Date(base), end: new Date(base + 20 * DAY) };
      const short = {
        id: "short",
        itemId: "i1",
        start: new Date(base + DAY),
        end: new Date(base + DAY + 30 * MINUTE),
      };
      const kept = await inTx(adapter, async (tx) => {
        const a = await tx.create(holdModel, long);
        const b = await tx.create(holdModel, short);
        // As a database written before the kernel kept spans: no span row.
        await tx.delete(intervalSpanModel, [{ field: "id", value: SPAN_ID }]);
        return [a.id, b.id].sort();
      });
      // Unknown span: the declared maximum bounds the read, and the long hold is found.
      const window = [base + 19 * DAY, base + 19 * DAY + 15 * MINUTE] as const;
      assert.equal(await inReadOnlyTx(adapter, (tx) => endBound(tx, base)), MAX_HOLD_SPAN_MS);
      assert.deepEqual(await inReadOnlyTx(adapter, (tx) => found(tx, ...window)), [kept[0]!]);
      // A short write learns the longest span of the rows already stored.
      await inTx(adapter, (tx) =>
        tx.create(holdModel, {
          id: "later",
          itemId: "i2",
          start: new Date(base),
          end: new Date(base + 15 * MINUTE),
        }),
      );
      const stored = await inTx(adapter, (tx) => tx.findById(intervalSpanModel, SPAN_ID));
      assert.equal(stored?.longestMs, 20 * DAY);
      assert.equal(await inReadOnlyTx(adapter, (tx) => endBound(tx, base)), 20 * DAY);
      assert.deepEqual(await inReadOnlyTx(adapter, (tx) => found(tx, ...window)), [kept[0]!]);
    },
  },
  {
    name: "interval spans: concurrent reservations of long and short holds, each read ahead of its lock, never overlap",
    async run({ adapter }) {
      const next = seededRandom(11);
      // 24 callers, capacity 1: half ask for a few days, half for an hour, all around the
      // same fortnight. Each first reads the item's holds (as availability before a booking
      // does), so its span was read before its lock and must be read again under it.
      const asks = Array.from({ length: 24 }, (_, i) => {
        const start = base + Math.floor(next() * 7 * 24) * 60 * MINUTE;
        return { id: `h${i}`, start, end: start + (i % 2 === 0 ? (2 + (i % 5)) * DAY : 60 * MINUTE) };
      });
      // The span is known and short before they start: one hour, from a hold long past.
      await inTx(adapter, (tx) =>
        tx.create(holdModel, {
          id: "past",
          itemId: "i1",
          start: new Date(base - 300 * DAY),
          end: new Date(base - 300 * DAY + 60 * MINUTE),
        }),
      );
      const results = await Promise.allSettled(
        asks.map((ask) =>
          inTx(adapter, async (tx) => {
            await found(tx, ask.start, ask.end);
            return tx.reserve(holdModel, {
              key: "hold:i1",
              capacity: 1,
              scope: [{ field: "itemId", value: "i1" }],
              interval: {
                startField: "start",
                endField: "end",
                start: new Date(ask.start),
                end: new Date(ask.end),
              },
              data: { id: ask.id, itemId: "i1", start: new Date(ask.start), end: new Date(ask.end) },
            });
          }),
        ),
      );
      for (const r of results)
        if (r.status === "rejected")
          assert.ok(isLinliError(r.reason, "CAPACITY_EXCEEDED"), `unexpected ${String(r.reason)}`);
      const rows = await inTx(adapter, (tx) =>
        tx.findMany(holdModel, { where: [{ field: "itemId", value: "i1" }] }),
      );
      assert.ok(rows.length > 0);
      const sorted = rows
        .map((r) => [r.start.getTime(), r.end.getTime()] as const)
        .sort((a, b) => a[0] - b[0]);
      for (let i = 1; i < sorted.length; i++)
        assert.ok(sorted[i]![0] >= sorted[i - 1]![1], `holds ${i - 1} and ${i} overlap`);
      const stored = await inTx(adapter, (tx) => tx.findById(intervalSpanModel, SPAN_ID));
      const longest = Math.max(...sorted.map(([s, e]) => e - s));
      assert.ok(stored !== null && stored.longestMs >= longest, "the kept span covers every hold");
    },
  },
];
