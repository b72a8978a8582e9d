import {
  createCommunity,
  defineModel,
  manualClock,
  sequentialIds,
  type StorageAdapter,
  type Tx,
} from "@linli/core";
import { createTx, eventModel, ValueCodec } from "@linli/core/adapter";
import { describe, expect, test } from "vitest";
import * as z from "zod";
import { memoryStorageStats } from "./memory-stats";
import { memoryStorage } from "./memory-storage";

// Sub-linear lookups proven by counting the rows the adapter reads (its diagnostic counter),
// not by timing: the same operations at 1k and at 100k rows read about as many rows.

const itemModel = defineModel(
  "visit_item",
  { resourceId: z.string(), start: z.date(), code: z.string(), note: z.string() },
  { indexes: [{ fields: ["resourceId", "start"] }, { fields: ["code"], unique: true }] },
);

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
const COMMUNITY = "visits";

/** A memory adapter holding `n` items (100 resources, one a minute) and `n` outbox events. */
async function loaded(n: number): Promise<StorageAdapter> {
  const storage = memoryStorage();
  await storage.setup([itemModel, eventModel]);
  const codec = new ValueCodec(storage.capabilities);
  await storage.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      await tx.create("visit_item", {
        id: `i${i}`,
        communityId: COMMUNITY,
        resourceId: `r${i % 100}`,
        start: codec.encode("date", new Date(T0 + i * MIN)),
        code: `k${i}`,
        note: i % 2 === 0 ? "even" : "odd",
      });
      await tx.create("core_event", {
        id: `e${i}`,
        communityId: COMMUNITY,
        type: "test.loaded",
        seq: i + 1,
        payload: codec.encode("json", { i }),
        occurredAt: codec.encode("date", new Date(T0)),
        actorKind: null,
        actorId: null,
        ackedAt: null,
      });
    }
  });
  return storage;
}

/** Runs `fn` through the kernel's Tx and returns its result and the rows the adapter read. */
async function visits<T>(storage: StorageAdapter, fn: (tx: Tx) => Promise<T>) {
  const codec = new ValueCodec(storage.capabilities);
  const before = memoryStorageStats(storage)!.rowsVisited;
  const result = await storage.transaction((inner) =>
    fn(createTx(inner, { communityId: COMMUNITY, ids: sequentialIds(), codec })),
  );
  return { result, rows: memoryStorageStats(storage)!.rowsVisited - before };
}

/** Every operation measured, with what it must return. */
async function measure(n: number) {
  const storage = await loaded(n);
  const byId = await visits(storage, (tx) => tx.findById(itemModel, "i500"));
  expect(byId.result?.code).toBe("k500");
  const insert = await visits(storage, (tx) =>
    tx.create(itemModel, { id: "new", resourceId: "r1", start: new Date(T0), code: "fresh", note: "x" }),
  );
  const duplicate = await visits(storage, (tx) =>
    tx
      .create(itemModel, { resourceId: "r1", start: new Date(T0), code: "k7", note: "x" })
      .catch((e: { code?: string }) => e.code),
  );
  expect(duplicate.result).toBe("DUPLICATE");
  // Resource r7's items from minute 7 to 1006: 10 rows, whatever the table's size.
  const range = await visits(storage, (tx) =>
    tx.findMany(itemModel, {
      where: [
        { field: "resourceId", value: "r7" },
        { field: "start", op: "gte", value: new Date(T0 + 7 * MIN) },
        { field: "start", op: "lt", value: new Date(T0 + 1007 * MIN) },
      ],
    }),
  );
  expect(range.result.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => `i${7 + i * 100}`));
  const counted = await visits(storage, (tx) => tx.count(itemModel, [{ field: "resourceId", value: "r7" }]));
  expect(counted.result).toBe(n / 100);
  // The kernel's read of the next outbox sequence (core's appendEvents).
  const maxSeq = await visits(storage, (tx) =>
    tx.findMany(eventModel, { orderBy: [{ field: "seq", direction: "desc" }], limit: 1 }),
  );
  expect(maxSeq.result.map((e) => e.seq)).toEqual([n]);
  const unindexed = await visits(storage, (tx) => tx.count(itemModel, [{ field: "note", value: "odd" }]));
  expect(unindexed.result).toBe(n / 2);
  // A whole event-emitting command through the community: its outbox append included.
  const community = await createCommunity({
    config: {
      community: {
        id: COMMUNITY,
        name: { "zh-CN": "测", en: "Visits" },
        timeZone: "Asia/Shanghai",
        currency: "CNY",
      },
      members: [{ id: "desk", kind: "staff" }],
    },
    storage,
    clock: manualClock("2026-06-01T00:00:00Z"),
    ids: sequentialIds(),
  });
  const before = memoryStorageStats(storage)!.rowsVisited;
  await community.residents.register({ actor: { kind: "staff", id: "desk" }, name: "王奶奶" });
  const command = memoryStorageStats(storage)!.rowsVisited - before;
  const [last] = await community.events.list({ actor: { kind: "staff", id: "desk" }, afterSeq: n });
  expect(last?.seq).toBe(n + 1);
  return {
    byId: byId.rows,
    insert: insert.rows,
    duplicate: duplicate.rows,
    range: range.rows,
    counted: counted.rows,
    maxSeq: maxSeq.rows,
    command,
    unindexed: unindexed.rows,
  };
}

describe("memory adapter: rows read per operation do not grow with the table", () => {
  test("at 1k and at 100k rows: lookups, unique inserts, index ranges and the outbox read stay O(log n + k), a filter on no index reads every row", async () => {
    const small = await measure(1_000);
    const large = await measure(100_000);
    expect(small.byId).toBe(1);
    expect(large.byId).toBe(1);
    // A binary search reads about log2(n) rows: 100x the rows adds about 7 per search.
    for (const op of ["insert", "duplicate", "range", "counted", "maxSeq", "command"] as const) {
      expect(large[op], op).toBeLessThan(small[op] + 50);
      expect(large[op], op).toBeLessThan(200);
    }
    // Measured (rows read at 1k / 100k): byId 1 / 1, insert 41 / 68, duplicate 23 / 33,
    // range 32 / 43, count 22 / 34, outbox read 14 / 27, a whole register command 18 / 43.
    expect(small.unindexed).toBeGreaterThanOrEqual(1_000);
    expect(large.unindexed).toBeGreaterThanOrEqual(100_000);
  }, 120_000);
});
