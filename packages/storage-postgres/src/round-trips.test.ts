import { type AdapterTransaction, LinliError, type StoredRow } from "@linli/core";
import { eventModel } from "@linli/core/adapter";
import pg from "pg";
import { afterAll, describe, expect, test } from "vitest";
import { cst, resident, wangjialong, withCourtyardHall } from "../../booking/test/wangjialong-fixture";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";

// Round trips per command: on a loaded machine each one costs milliseconds, so their number
// (not a timing) is what must not grow again. A statement sent while an earlier one of the
// same connection is still unanswered (pipelined) shares that one's round trip.
const server = usePgServer();
const pools: pg.Pool[] = [];
afterAll(async () => {
  for (const p of pools) await p.end();
});

/** What one call sent: every statement, and how many of them opened a round trip. */
interface Traffic {
  statements: string[];
  roundTrips: number;
}

/** A pool whose connections record what they send, into `traffic`. */
function recordingPool(traffic: Traffic): pg.Pool {
  const pool = new pg.Pool({ connectionString: server.server.url, max: 4 });
  pools.push(pool);
  pool.on("connect", (client) => {
    const target = client as unknown as { query: (...args: unknown[]) => Promise<unknown> };
    const query = target.query.bind(client);
    let unanswered = 0;
    target.query = (...args: unknown[]) => {
      const q = args[0] as string | { text: string };
      if (unanswered === 0) traffic.roundTrips++;
      traffic.statements.push((typeof q === "string" ? q : q.text).replace(/\s+/g, " ").slice(0, 160));
      unanswered++;
      const sent = query(...args);
      const answered = () => {
        unanswered--;
      };
      sent.then(answered, answered);
      return sent;
    };
  });
  return pool;
}

describe("round trips per command on PostgreSQL", () => {
  test("book, cancel and availability stay within their round-trip budgets", async () => {
    const traffic: Traffic = { statements: [], roundTrips: 0 };
    const storage = postgresStorage({ pool: recordingPool(traffic), schema: server.schemaName("trips") });
    const { community } = await wangjialong({
      config: withCourtyardHall(),
      storage,
      residents: ["r1", "r2"],
    });
    const slot = {
      resourceId: "courtyard-hall",
      start: cst("2026-07-06T14:00"),
      end: cst("2026-07-06T16:00"),
    };
    // Warm: the first command of a community reads what later ones find cached.
    await community.booking.book({ actor: resident("r2"), ...slot });
    const measure = async (f: () => Promise<unknown>): Promise<Traffic> => {
      traffic.statements = [];
      traffic.roundTrips = 0;
      await f();
      return { statements: [...traffic.statements], roundTrips: traffic.roundTrips };
    };
    let bookingId = "";
    const book = await measure(async () => {
      const outcome = await community.booking.book({ actor: resident("r1"), ...slot });
      if (!outcome.ok) throw new Error("the hall has room");
      bookingId = outcome.booking.id;
    });
    // BEGIN + resident, 2 locks + the kept longest booking, bookings, lock + load, insert,
    // lock + outbox, COMMIT.
    // (Before pipelining and the one-statement outbox: 14 statements, 14 round trips.)
    expect(book.roundTrips, book.statements.join("\n")).toBeLessThanOrEqual(7);
    expect(book.statements.length, book.statements.join("\n")).toBeLessThanOrEqual(12);
    // Both events in one statement, numbered with the sequence read in it.
    expect(book.statements.filter((s) => s.includes("core_event"))).toHaveLength(1);
    const cancel = await measure(() => community.booking.cancel({ actor: resident("r1"), bookingId }));
    expect(cancel.roundTrips, cancel.statements.join("\n")).toBeLessThanOrEqual(8);
    const availability = await measure(() =>
      community.booking.availability({
        actor: resident("r1"),
        resourceId: "courtyard-hall",
        start: cst("2026-07-06T00:00"),
        end: cst("2026-07-07T00:00"),
      }),
    );
    // BEGIN + resident, groups, the kept longest booking (`Tx.overlapWhere`: it bounds the
    // read to the bookings around the window, not the year after it), bookings + COMMIT.
    expect(availability.roundTrips, availability.statements.join("\n")).toBeLessThanOrEqual(5);
    // The outbox is still numbered 1, 2, … in order.
    const events = await community.events.list({ actor: { kind: "staff", id: "desk-1" }, limit: 100 });
    expect(events.map((e) => e.seq)).toEqual(Array.from({ length: events.length }, (_, i) => i + 1));
    await community.close();
  });
});

describe("appendSequenced", () => {
  test("numbers rows after the greatest value, across chunks of 50, and refuses a duplicate", async () => {
    const s = postgresStorage({ connectionString: server.server.url, schema: server.schemaName("seq") });
    await s.setup([eventModel]);
    const rows = (from: number, n: number): StoredRow[] =>
      Array.from({ length: n }, (_, i) => ({
        communityId: "c1",
        id: `e-${from + i}`,
        type: "test.Appended",
        seq: i + 1,
        payload: String(from + i),
        occurredAt: new Date(Date.UTC(2026, 6, 6)),
        actorKind: null,
        actorId: null,
      }));
    const append = (tx: AdapterTransaction, batch: StoredRow[]) => {
      if (!tx.appendSequenced) throw new Error("the PostgreSQL adapter appends in one statement");
      return tx.appendSequenced("core_event", "seq", batch);
    };
    const bases = await s.transaction(async (tx) => [
      await append(tx, rows(0, 3)),
      await append(tx, rows(3, 120)),
    ]);
    expect(bases).toEqual([0, 3]);
    const stored = await server.sql<{ id: string; seq: number; payload: string }>(
      `SELECT id, seq::int AS seq, payload FROM "${s.schema}".core_event WHERE community_id = 'c1' ORDER BY seq`,
    );
    expect(stored.map((r) => r.seq)).toEqual(Array.from({ length: 123 }, (_, i) => i + 1));
    expect(stored.map((r) => r.id)).toEqual(Array.from({ length: 123 }, (_, i) => `e-${i}`));
    expect(stored.map((r) => r.payload)).toEqual(Array.from({ length: 123 }, (_, i) => String(i)));
    // Another community numbers from 1 on its own.
    expect(
      await s.transaction((tx) =>
        append(
          tx,
          rows(0, 1).map((r) => ({ ...r, communityId: "c2" })),
        ),
      ),
    ).toBe(0);
    // `e-122` exists: DUPLICATE, as `create` would say, and the transaction writes nothing.
    const refused = await s.transaction((tx) => append(tx, rows(122, 2))).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(LinliError);
    expect((refused as LinliError).code).toBe("DUPLICATE");
    const [count] = await server.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${s.schema}".core_event WHERE community_id = 'c1'`,
    );
    expect(count?.n).toBe(123);
    await s.close();
    await server.dropSchema(s.schema);
  });
});
