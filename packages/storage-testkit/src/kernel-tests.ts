import assert from "node:assert/strict";
import { createCommunity, manualClock, sequentialIds } from "@linli/core";
import { eventModel, residentModel } from "@linli/core/adapter";
import { inTx } from "./fixtures";
import type { StorageTest } from "./storage-test";

const config = {
  community: {
    id: "testkit",
    name: { "zh-CN": "测试社区", en: "Test community" },
    timeZone: "Asia/Shanghai",
    currency: "CNY",
  },
  members: [{ id: "desk-1", kind: "staff" as const }],
};
const staff = { kind: "staff", id: "desk-1" } as const;

/** The kernel's promises that depend on the adapter: idempotency and the outbox. */
export const kernelTests: StorageTest[] = [
  {
    name: "idempotency: 10 concurrent retries with one key write once and all return the first result",
    async run({ adapter }) {
      const community = await createCommunity({
        config,
        storage: adapter,
        clock: manualClock("2026-06-01T00:00:00Z"),
        ids: sequentialIds(),
      });
      const results = await Promise.all(
        Array.from({ length: 10 }, () =>
          community.residents.register({ actor: staff, idempotencyKey: "call-42", name: "王奶奶" }),
        ),
      );
      assert.equal(new Set(results.map((r) => r.id)).size, 1);
      assert.ok(results.every((r) => r.createdAt instanceof Date));
      assert.equal(await inTx(adapter, (tx) => tx.count(residentModel)), 1);
      assert.equal(await inTx(adapter, (tx) => tx.count(eventModel)), 1);
    },
  },
  {
    name: "outbox: events are numbered in commit order without gaps under concurrency",
    async run({ adapter }) {
      const community = await createCommunity({ config, storage: adapter, ids: sequentialIds() });
      await Promise.all(
        Array.from({ length: 15 }, (_, i) =>
          community.residents.register({ actor: staff, name: `居民${i}` }),
        ),
      );
      const events = await community.events.list({ actor: staff, limit: 100 });
      assert.deepEqual(
        events.map((e) => e.seq),
        Array.from({ length: 15 }, (_, i) => i + 1),
      );
    },
  },
];
