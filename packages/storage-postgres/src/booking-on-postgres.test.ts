import { afterEach, describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong, withCourtyardHall } from "../../booking/test/wangjialong-fixture";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";

// @linli/booking's plugin, unchanged, on real PostgreSQL connections running in parallel.
// A short deadlock_timeout: PostgreSQL breaks the deadlocks of the waitlist race quickly.
const pg = usePgServer({ settings: { deadlock_timeout: "50ms" } });
const opened: PostgresStorage[] = [];

function storage(options: { retries?: number } = {}): PostgresStorage {
  const s = postgresStorage({
    connectionString: pg.server.url,
    schema: pg.schemaName("booking"),
    max: 10,
    ...options,
  });
  opened.push(s);
  return s;
}

afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.close();
    await pg.dropSchema(s.schema);
  }
});

describe("booking plugin on PostgreSQL", () => {
  test("50 concurrent callers for a capacity-2 slot: exactly 2 confirmed, 48 told it is full", async () => {
    const callers = Array.from({ length: 50 }, (_, i) => `caller-${i}`);
    const s = storage();
    const { community } = await wangjialong({ config: withCourtyardHall(), storage: s, residents: callers });
    const outcomes = await Promise.all(
      callers.map((id, i) =>
        community.booking.book({
          // Half book for themselves, half are booked by the desk on their behalf.
          actor: i % 2 === 0 ? resident(id) : desk,
          ...(i % 2 === 0 ? {} : { forResident: id }),
          resourceId: "courtyard-hall",
          start: cst("2026-07-06T14:00"),
          end: cst("2026-07-06T16:00"),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    for (const o of outcomes) {
      if (o.ok) continue;
      expect(o.violations.map((v) => v.code)).toEqual(["CAPACITY_FULL"]);
    }
    const stored = await community.booking.list({ actor: desk, resourceId: "courtyard-hall" });
    expect(stored.filter((b) => b.status === "confirmed")).toHaveLength(2);
    expect(await community.events.list({ actor: desk, types: ["BookingConfirmed"] })).toHaveLength(2);
    // And in the table itself, read with plain SQL.
    const rows = await pg.sql(
      `SELECT id FROM "${s.schema}".booking_booking WHERE resource_id = 'courtyard-hall' AND status = 'confirmed'`,
    );
    expect(rows).toHaveLength(2);
    await community.close();
  });

  test("30 overlapping (not identical) concurrent requests: the peak never exceeds 2", async () => {
    const callers = Array.from({ length: 30 }, (_, i) => `caller-${i}`);
    const { community } = await wangjialong({
      config: withCourtyardHall(),
      storage: storage(),
      residents: callers,
    });
    await Promise.all(
      callers.map((id, i) =>
        community.booking.book({
          actor: resident(id),
          resourceId: "courtyard-hall",
          start: cst(`2026-07-06T${String(8 + (i % 6)).padStart(2, "0")}:00`),
          end: cst(`2026-07-06T${String(9 + (i % 6) + (i % 3)).padStart(2, "0")}:00`),
        }),
      ),
    );
    const held = (await community.booking.list({ actor: desk, resourceId: "courtyard-hall" })).filter(
      (b) => b.status === "confirmed",
    );
    expect(held.length).toBeGreaterThan(0);
    for (const b of held) {
      const at = b.start.getTime();
      expect(held.filter((o) => o.start.getTime() <= at && o.end.getTime() > at).length).toBeLessThanOrEqual(
        2,
      );
    }
    await community.close();
  });

  // booking.cancel emits BookingCancelled and then offers the freed place to the waitlist,
  // which locks the waiting resident; meanwhile that resident books something else (resident
  // lock, then an event). When the kernel took its outbox lock `core:event-seq` at emit time,
  // these were opposite lock orders and deadlocked on real per-key locks (POSTGRES_DEADLOCK on
  // 3–6 of 20 cancels). The kernel now writes events when the command ends, so the outbox
  // lock is always the last one taken: with retries switched off, every command must succeed.
  test("cancel → waitlist offer racing the waiting resident's own booking: no deadlock even without retries", async () => {
    const N = 12;
    const holders = Array.from({ length: N }, (_, i) => `holder-${i}`);
    const waiters = Array.from({ length: N }, (_, i) => `waiter-${i}`);
    const s = storage({ retries: 0 });
    const { community } = await wangjialong({
      config: withCourtyardHall(),
      storage: s,
      residents: [...holders, ...waiters, "filler"],
    });
    const held: string[] = [];
    for (let i = 0; i < N; i++) {
      const hour = String(8 + i).padStart(2, "0");
      const slot = {
        resourceId: "courtyard-hall",
        start: cst(`2026-07-07T${hour}:00`),
        end: cst(`2026-07-07T${hour}:30`),
      };
      const mine = await community.booking.book({ actor: resident(holders[i]!), ...slot });
      const other = await community.booking.book({ actor: resident("filler"), ...slot });
      if (!mine.ok || !other.ok) throw new Error("the hall should have room");
      held.push(mine.booking.id);
      const queued = await community.booking.book({
        actor: resident(waiters[i]!),
        ...slot,
        waitlistIfFull: true,
      });
      expect(queued.ok).toBe(false);
    }
    const outcomes = await Promise.allSettled(
      held.flatMap((bookingId, i) => [
        community.booking.cancel({ actor: resident(holders[i]!), bookingId }),
        community.booking.book({
          actor: resident(waiters[i]!),
          resourceId: "library",
          start: cst("2026-07-06T10:00"),
          end: cst("2026-07-06T11:00"),
        }),
      ]),
    );
    expect(outcomes.filter((o) => o.status === "rejected")).toEqual([]);
    expect(await community.events.list({ actor: desk, types: ["WaitlistOffered"], limit: 100 })).toHaveLength(
      N,
    );
    const library = await community.booking.list({ actor: desk, resourceId: "library" });
    expect(library.filter((b) => b.status === "confirmed")).toHaveLength(N);
    // The outbox stays gap-free through the aborted and re-run transactions.
    const seqs = (await community.events.list({ actor: desk, limit: 1000 })).map((e) => e.seq);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    await community.close();
  });
});
