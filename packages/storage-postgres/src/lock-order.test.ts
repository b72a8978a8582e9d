import type { AdapterTransaction, StorageAdapter } from "@linli/core";
import { afterEach, describe, expect, test } from "vitest";
import { cst, resident, system, wangjialong } from "../../booking/test/wangjialong-fixture";
import { type Deferred, deferred } from "../test/deferred";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";

// A short deadlock_timeout: PostgreSQL breaks a deadlock quickly.
const pg = usePgServer({ settings: { deadlock_timeout: "50ms" } });
const opened: PostgresStorage[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.close();
    await pg.dropSchema(s.schema);
  }
});

/** True once some backend of the server waits for an advisory lock, or `stop` is set. */
async function someoneWaits(stop: { done: boolean }): Promise<void> {
  while (!stop.done) {
    const [row] = await pg.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
    );
    if ((row?.n ?? 0) > 0) return;
  }
}

/**
 * The interleaving that deadlocks a sweep with the old lock order, forced on any order: the
 * transaction that holds `dryer-1` (the sweep) pauses right after it got resident zhang's lock,
 * the one that does not (zhang's booking) pauses right after it got `dryer-2`; each goes on
 * once the other reached its pause, once a transaction waits for a lock, or once the other
 * finished. A storage wrapper watches every `lock` (only during `race`).
 */
function gatedStorage(inner: PostgresStorage) {
  const sweepHoldsResident = deferred();
  const bookHoldsDryer2 = deferred();
  const sweepDone = deferred();
  const bookDone = deferred();
  const stop = { done: false };
  let armed = false;
  const waits = (mine: Deferred, other: Deferred, otherDone: Deferred) => {
    mine.resolve();
    return Promise.race([other.promise, otherDone.promise, someoneWaits(stop)]);
  };
  const wrap = (tx: AdapterTransaction): AdapterTransaction => {
    const held = new Set<string>();
    return Object.assign(Object.create(tx) as AdapterTransaction, {
      async lock(key: string) {
        await tx.lock(key);
        const k = key.replace(/^[^:]*:/, "");
        held.add(k);
        if (!armed) return;
        // `lock` may resolve before the server grants it (it travels with the next
        // statement): one statement makes sure the lock is held before the pause.
        await tx.count("core_event", [{ field: "communityId", op: "eq", value: "-" }]);
        if (k === "booking:resident:zhang" && held.has("booking:resource:dryer-1"))
          await waits(sweepHoldsResident, bookHoldsDryer2, bookDone);
        if (k === "booking:resource:dryer-2" && !held.has("booking:resource:dryer-1"))
          await waits(bookHoldsDryer2, sweepHoldsResident, sweepDone);
      },
    });
  };
  const storage: StorageAdapter = {
    id: inner.id,
    capabilities: inner.capabilities,
    setup: (models) => inner.setup(models),
    transaction: (fn, options) => inner.transaction((tx) => fn(wrap(tx)), options),
    close: () => inner.close(),
  };
  return {
    storage,
    /** Runs the sweep side and the booking side together under the gates. */
    async race<A, B>(sweep: () => Promise<A>, book: () => Promise<B>) {
      const settle = <T>(p: Promise<T>, done: Deferred) =>
        p.then(
          (value) => {
            done.resolve();
            return { ok: true as const, value };
          },
          (error: unknown) => {
            done.resolve();
            return { ok: false as const, error };
          },
        );
      armed = true;
      const outcomes = await Promise.all([settle(sweep(), sweepDone), settle(book(), bookDone)]);
      stop.done = true;
      armed = false;
      return outcomes;
    },
  };
}

/**
 * Wangjialong with both dryers' 15:00 slots held by offers that expire at 08:30: li's on
 * dryer-1 (zhang is next in line after her) and zhao's on dryer-2, li's first in the queue.
 * At 08:31 a sweep passes li's offer to zhang (locking resident zhang) and then expires
 * zhao's offer on dryer-2.
 */
async function dryersWithExpiringOffers(storage: StorageAdapter) {
  const { community, clock } = await wangjialong({
    storage,
    residents: ["wang", "chen", "li", "zhang", "zhao"],
  });
  const slot = (resourceId: string) => ({
    resourceId,
    start: cst("2026-07-06T15:00"),
    end: cst("2026-07-06T16:00"),
  });
  const held: string[] = [];
  for (const [who, dryer] of [
    ["wang", "dryer-1"],
    ["chen", "dryer-2"],
  ] as const) {
    const b = await community.booking.book({ actor: resident(who), ...slot(dryer) });
    if (!b.ok) throw new Error(`${who} refused`);
    held.push(b.booking.id);
  }
  for (const [who, dryer] of [
    ["li", "dryer-1"],
    ["zhang", "dryer-1"],
    ["zhao", "dryer-2"],
  ] as const)
    await community.booking.waitlist.join({ actor: resident(who), ...slot(dryer) });
  await community.booking.cancel({ actor: resident("wang"), bookingId: held[0]! });
  await community.booking.cancel({ actor: resident("chen"), bookingId: held[1]! });
  clock.advance(31 * 60_000);
  const zhangBooksDryer2 = () =>
    community.booking.book({
      actor: resident("zhang"),
      resourceId: "dryer-2",
      start: cst("2026-07-06T17:00"),
      end: cst("2026-07-06T18:00"),
    });
  return { community, zhangBooksDryer2 };
}

describe("one global lock order", () => {
  test("the old order of booking's sweep (dryer-1, resident zhang, then dryer-2) deadlocks against zhang booking dryer-2 (dryer-2, then zhang), with retries off", async () => {
    const inner = postgresStorage({
      connectionString: pg.server.url,
      schema: pg.schemaName("lock"),
      retries: 0,
    });
    opened.push(inner);
    const gated = gatedStorage(inner);
    const { community, zhangBooksDryer2 } = await dryersWithExpiringOffers(gated.storage);
    const key = (k: string) => `${community.id}:${k}`;
    // The sweep's locks in the order it took them before: each offer's resource when it got
    // to it, so the resident of a passed-on offer before the next offer's resource.
    const oldSweepOrder = () =>
      gated.storage.transaction(async (tx) => {
        for (const k of ["booking:resource:dryer-1", "booking:resident:zhang", "booking:resource:dryer-2"])
          await tx.lock(key(k));
      });
    const [sweep, book] = await gated.race(oldSweepOrder, zhangBooksDryer2);
    const failures = [sweep, book].flatMap((o) => (o.ok ? [] : [o.error]));
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ code: "POSTGRES_DEADLOCK" });
  });

  test("booking.sweep locks every resource of its batch first, in id order: the same interleaving commits both, with retries off", async () => {
    const inner = postgresStorage({
      connectionString: pg.server.url,
      schema: pg.schemaName("lock"),
      retries: 0,
    });
    opened.push(inner);
    const gated = gatedStorage(inner);
    const { community, zhangBooksDryer2 } = await dryersWithExpiringOffers(gated.storage);
    const [sweep, book] = await gated.race(
      () => community.booking.sweep({ actor: system }),
      zhangBooksDryer2,
    );
    expect(sweep).toMatchObject({ ok: true, value: { offersExpired: 2 } });
    expect(book).toMatchObject({ ok: true, value: { ok: true } });
    const offered = await community.events.list({ actor: system, types: ["WaitlistOffered"] });
    expect(offered.map((e) => e.payload.residentId)).toEqual(["li", "zhao", "zhang"]);
  });
});
