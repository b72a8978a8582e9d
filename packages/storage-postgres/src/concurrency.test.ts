import { type AdapterTransaction, isLinliError, sequentialIds } from "@linli/core";
import { createTx, ValueCodec } from "@linli/core/adapter";
import { inTx, sampleModel, slotModel, testkitModels } from "@linli/storage-testkit";
import { afterEach, describe, expect, test } from "vitest";
import { type Deferred, deferred } from "../test/deferred";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";

// A short deadlock_timeout so that PostgreSQL detects the provoked deadlocks quickly.
const pg = usePgServer({ settings: { deadlock_timeout: "50ms" } });
const opened: PostgresStorage[] = [];

async function storage(options: { max?: number; retries?: number; lockTimeoutMs?: number } = {}) {
  const s = postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("race"), ...options });
  opened.push(s);
  await s.setup(testkitModels);
  return s;
}

afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.close();
    await pg.dropSchema(s.schema);
  }
});

const BASE = Date.UTC(2026, 5, 1, 9);

/**
 * Resolves once the locks `tx` asked for are granted: `lock` may resolve before the server
 * grants it (it travels with the next statement), so a test that needs a lock really held
 * before it lets another transaction go on runs one statement after it.
 */
async function granted(tx: AdapterTransaction): Promise<void> {
  await tx.count("testkit_counter", [{ field: "communityId", op: "eq", value: "-" }]);
}
const HOUR = 3_600_000;

/** Waits until `n` backends of this server wait for an advisory lock (read from pg_locks). */
async function waitersOnAdvisoryLocks(n: number): Promise<void> {
  for (;;) {
    const [row] = await pg.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
    );
    if ((row?.n ?? 0) >= n) return;
  }
}

describe("concurrency across connections", () => {
  test("40 parallel transactions on a pool of 10 race for a capacity-3 slot: exactly 3 win", async () => {
    const s = await storage({ max: 10 });
    const codec = new ValueCodec(s.capabilities);
    const ids = sequentialIds();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 40 }, (_, i) =>
        s.transaction((inner) =>
          createTx(inner, { communityId: "race", ids, codec }).reserve(slotModel, {
            key: "slot:A",
            capacity: 3,
            scope: [{ field: "slotId", value: "A" }],
            data: {
              id: `r${i}`,
              slotId: "A",
              holder: `h${i}`,
              start: new Date(BASE),
              end: new Date(BASE + HOUR),
              quantity: 1,
            },
          }),
        ),
      ),
    );
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(won).toHaveLength(3);
    for (const e of lost) expect(isLinliError(e, "CAPACITY_EXCEEDED")).toBe(true);
    // What really landed, read with plain SQL.
    const rows = await pg.sql<{ id: string }>(
      `SELECT id FROM "${s.schema}".testkit_slot WHERE slot_id = 'A'`,
    );
    expect(rows.map((r) => r.id).sort()).toEqual(
      won.map((o) => (o as PromiseFulfilledResult<{ id: string }>).value.id).sort(),
    );
  });

  test("transactions run in parallel: a transaction holding one key does not block another key, and blocks its own", async () => {
    const s = await storage({ max: 4 });
    const release = deferred();
    const holding = deferred();
    const first = s.transaction(async (tx) => {
      await tx.lock("key:1");
      await granted(tx);
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    // Another key commits while the first transaction is still open.
    await s.transaction(async (tx) => {
      await tx.lock("key:2");
      await tx.create("testkit_counter", { communityId: "c", id: "other", value: 1 });
    });
    // The same key waits: PostgreSQL shows a backend waiting for an advisory lock, and the
    // second transaction's next operation (sent with its lock, which may resolve before the
    // server grants it: see `lock`) runs only once the first transaction ended.
    let secondDone = false;
    const second = s.transaction(async (tx) => {
      await tx.lock("key:1");
      await tx.count("testkit_counter", [{ field: "communityId", op: "eq", value: "c" }]);
      secondDone = true;
    });
    await waitersOnAdvisoryLocks(1);
    expect(secondDone).toBe(false);
    release.resolve();
    await first;
    await second;
    expect(secondDone).toBe(true);
  });

  test("a deadlock between two transactions is broken by PostgreSQL and the loser is run again", async () => {
    const s = await storage({ max: 4, retries: 2 });
    const aHeld = deferred();
    const bHeld = deferred();
    let runs = 0;
    const one = s.transaction(async (tx) => {
      runs++;
      await tx.lock("a");
      await granted(tx);
      aHeld.resolve();
      await bHeld.promise;
      await tx.lock("b");
      await tx.create("testkit_counter", { communityId: "c", id: "one", value: 1 });
    });
    const two = s.transaction(async (tx) => {
      runs++;
      await tx.lock("b");
      await granted(tx);
      bHeld.resolve();
      await aHeld.promise;
      await tx.lock("a");
      await tx.create("testkit_counter", { communityId: "c", id: "two", value: 2 });
    });
    await Promise.all([one, two]);
    expect(runs).toBe(3);
    const rows = await pg.sql(`SELECT id FROM "${s.schema}".testkit_counter ORDER BY id`);
    expect(rows.map((r) => r.id)).toEqual(["one", "two"]);
  });

  test("without retries, the deadlock loser fails with POSTGRES_DEADLOCK and wrote nothing", async () => {
    const s = await storage({ max: 4, retries: 0 });
    const aHeld = deferred();
    const bHeld = deferred();
    const run = (first: string, second: string, mine: Deferred, theirs: Deferred) =>
      s.transaction(async (tx) => {
        await tx.create("testkit_counter", { communityId: "c", id: first, value: 1 });
        await tx.lock(first);
        await granted(tx);
        mine.resolve();
        await theirs.promise;
        await tx.lock(second);
      });
    const outcomes = await Promise.allSettled([run("a", "b", aHeld, bHeld), run("b", "a", bHeld, aHeld)]);
    const failed = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(failed).toHaveLength(1);
    expect(isLinliError(failed[0], "POSTGRES_DEADLOCK")).toBe(true);
    expect((failed[0] as { details: { attempts: number } }).details.attempts).toBe(1);
    const rows = await pg.sql(`SELECT id FROM "${s.schema}".testkit_counter`);
    expect(rows).toHaveLength(1);
  });

  test("a lock held longer than lockTimeoutMs fails the waiter with POSTGRES_LOCK_TIMEOUT instead of hanging", async () => {
    const s = await storage({ max: 4, lockTimeoutMs: 100 });
    const release = deferred();
    const holding = deferred();
    const holder = s.transaction(async (tx) => {
      await tx.lock("busy");
      await granted(tx);
      holding.resolve();
      await release.promise;
    });
    await holding.promise;
    const error = await s.transaction((tx) => tx.lock("busy")).catch((e: unknown) => e);
    expect(isLinliError(error, "POSTGRES_LOCK_TIMEOUT")).toBe(true);
    expect((error as Error).message).toContain("100 ms");
    release.resolve();
    await holder;
  });

  test("a statement error swallowed inside the transaction does not pass for a commit", async () => {
    const s = await storage();
    const row = (id: string, code: string) => ({
      id,
      name: id,
      rank: 1,
      score: 1,
      active: true,
      at: new Date(BASE),
      tags: [],
      meta: {},
      code,
    });
    await inTx(s, async (tx) => {
      await tx.create(sampleModel, row("x", "X"));
      await tx.create(sampleModel, row("y", "Y"));
    });
    const error = await inTx(s, async (tx) => {
      await tx.create(sampleModel, row("z", "Z"));
      // A unique violation on update aborts the PostgreSQL transaction; the caller ignores it.
      const code = await tx
        .updateById(sampleModel, "y", { code: "X" })
        .catch((e: { code: string }) => e.code);
      expect(code).toBe("DUPLICATE");
    }).catch((e: unknown) => e);
    expect(isLinliError(error, "STORAGE_ERROR")).toBe(true);
    expect(await inTx(s, (tx) => tx.count(sampleModel))).toBe(2);
  });

  test("a duplicate create leaves the transaction usable (ON CONFLICT DO NOTHING, no abort)", async () => {
    const s = await storage();
    await inTx(s, async (tx) => {
      await tx.create(slotModel, {
        id: "same",
        slotId: "S",
        holder: "h",
        start: new Date(BASE),
        end: new Date(BASE + HOUR),
        quantity: 1,
      });
      const again = await tx
        .create(slotModel, {
          id: "same",
          slotId: "S",
          holder: "h",
          start: new Date(BASE),
          end: new Date(BASE + HOUR),
          quantity: 1,
        })
        .catch((e: { code: string }) => e.code);
      expect(again).toBe("DUPLICATE");
      expect(await tx.count(slotModel)).toBe(1);
    });
    expect(await inTx(s, (tx) => tx.count(slotModel))).toBe(1);
  });
});
