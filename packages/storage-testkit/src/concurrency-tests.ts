import assert from "node:assert/strict";
import { isLinliError } from "@linli/core";
import { inTx } from "./fixtures";
import type { StorageTest } from "./storage-test";
import { counterModel, slotModel } from "./testkit-models";

const HOUR = 3_600_000;
const base = Date.UTC(2026, 5, 1, 9);

async function settle<T>(promises: Promise<T>[]) {
  const results = await Promise.allSettled(promises);
  const won = results.filter((r) => r.status === "fulfilled").length;
  const errors = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
  return { won, errors };
}

/** The capacity guarantee and lost-update freedom under concurrent callers. */
export const concurrencyTests: StorageTest[] = [
  {
    name: "concurrency: capacity-3 slot, 20 concurrent callers, exactly 3 win and the rest get CAPACITY_EXCEEDED",
    async run({ adapter }) {
      const callers = Array.from({ length: 20 }, (_, i) =>
        inTx(adapter, (tx) =>
          tx.reserve(slotModel, {
            key: "slot:A",
            capacity: 3,
            scope: [{ field: "slotId", value: "A" }],
            data: {
              id: `r${i}`,
              slotId: "A",
              holder: `h${i}`,
              start: new Date(base),
              end: new Date(base + HOUR),
              quantity: 1,
            },
          }),
        ),
      );
      const { won, errors } = await settle(callers);
      assert.equal(won, 3);
      assert.equal(errors.length, 17);
      for (const e of errors)
        assert.ok(isLinliError(e, "CAPACITY_EXCEEDED"), `expected CAPACITY_EXCEEDED, got ${String(e)}`);
      assert.equal(await inTx(adapter, (tx) => tx.count(slotModel, [{ field: "slotId", value: "A" }])), 3);
    },
  },
  {
    name: "concurrency: overlapping time ranges never exceed capacity at any instant",
    async run({ adapter }) {
      // 30 callers ask for 1–3 units over ranges that overlap in many ways; capacity 4.
      const ranges = Array.from({ length: 30 }, (_, i) => ({
        start: base + (i % 6) * HOUR,
        end: base + ((i % 6) + 1 + (i % 3)) * HOUR,
        quantity: 1 + (i % 3),
      }));
      await settle(
        ranges.map((r, i) =>
          inTx(adapter, (tx) =>
            tx.reserve(slotModel, {
              key: "slot:B",
              capacity: 4,
              scope: [{ field: "slotId", value: "B" }],
              interval: {
                startField: "start",
                endField: "end",
                start: new Date(r.start),
                end: new Date(r.end),
              },
              quantityField: "quantity",
              quantity: r.quantity,
              data: {
                id: `b${i}`,
                slotId: "B",
                holder: `h${i}`,
                start: new Date(r.start),
                end: new Date(r.end),
                quantity: r.quantity,
              },
            }),
          ),
        ),
      );
      const rows = await inTx(adapter, (tx) =>
        tx.findMany(slotModel, { where: [{ field: "slotId", value: "B" }] }),
      );
      assert.ok(rows.length > 0);
      for (let t = base; t < base + 10 * HOUR; t += HOUR / 2) {
        const load = rows
          .filter((r) => r.start.getTime() <= t && t < r.end.getTime())
          .reduce((a, r) => a + r.quantity, 0);
        assert.ok(load <= 4, `load ${load} at ${new Date(t).toISOString()} exceeds capacity 4`);
      }
    },
  },
  {
    name: "concurrency: 50 concurrent read-modify-write increments under lock lose no write",
    async run({ adapter }) {
      await inTx(adapter, (tx) => tx.create(counterModel, { id: "c", value: 0 }));
      await Promise.all(
        Array.from({ length: 50 }, () =>
          inTx(adapter, async (tx) => {
            await tx.lock("counter:c");
            const row = await tx.get(counterModel, "c");
            await tx.updateById(counterModel, "c", { value: row.value + 1 });
          }),
        ),
      );
      const row = await inTx(adapter, (tx) => tx.get(counterModel, "c"));
      assert.equal(row.value, 50);
    },
  },
];
