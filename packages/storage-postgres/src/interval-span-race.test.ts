import { isLinliError, type Tx } from "@linli/core";
import { holdModel, inTx, testkitModels } from "@linli/storage-testkit";
import { afterEach, describe, expect, test } from "vitest";
import { deferred } from "../test/deferred";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";

// The kernel keeps the longest interval stored (`Tx.overlapWhere`); PostgreSQL's writers read
// committed data, so a bound read before a lock can be stale once the lock is granted. These
// races are forced in order (no sleeps): the readers read the short bound, a long hold commits,
// then the readers reserve.
const pg = usePgServer();
const opened: PostgresStorage[] = [];

afterEach(async () => {
  for (const s of opened.splice(0)) {
    await s.close();
    await pg.dropSchema(s.schema);
  }
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BASE = Date.UTC(2026, 5, 1);

function hold(id: string, start: number, end: number) {
  return { id, itemId: "i1", start: new Date(start), end: new Date(end) };
}

function reserve(tx: Tx, h: ReturnType<typeof hold>) {
  return tx.reserve(holdModel, {
    key: "hold:i1",
    capacity: 1,
    scope: [{ field: "itemId", value: "i1" }],
    interval: { startField: "start", endField: "end", start: h.start, end: h.end },
    data: h,
  });
}

describe("interval spans on PostgreSQL", () => {
  test("a bound read before the lock is read again under it: a longer hold committed meanwhile is found", async () => {
    const s = postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("span"), max: 8 });
    opened.push(s);
    await s.setup(testkitModels);
    // The longest hold is one hour.
    await inTx(s, (tx) => tx.create(holdModel, hold("past", BASE - 300 * DAY, BASE - 300 * DAY + HOUR)));
    const readersRead = Array.from({ length: 6 }, () => deferred());
    const longCommitted = deferred();
    // Six readers: each reads the item's holds (the one-hour bound), waits for the long hold
    // to commit, then reserves an hour inside it.
    const readers = readersRead.map((read, i) =>
      inTx(s, async (tx) => {
        const where = await tx.overlapWhere(holdModel, {
          startField: "start",
          endField: "end",
          from: new Date(BASE),
          to: new Date(BASE + HOUR),
        });
        await tx.findMany(holdModel, { where, select: ["id"] });
        read.resolve();
        await longCommitted.promise;
        const start = BASE + (1 + i) * 12 * HOUR;
        return reserve(tx, hold(`short-${i}`, start, start + HOUR));
      }),
    );
    await Promise.all(readersRead.map((r) => r.promise));
    // Five days from BASE: it ends long after every reader's hour plus the one-hour bound.
    await inTx(s, (tx) => reserve(tx, hold("long", BASE, BASE + 5 * DAY)));
    longCommitted.resolve();
    const outcomes = await Promise.allSettled(readers);
    for (const o of outcomes) {
      expect(o.status).toBe("rejected");
      if (o.status === "rejected") expect(isLinliError(o.reason, "CAPACITY_EXCEEDED")).toBe(true);
    }
    const ids = await inTx(s, (tx) => tx.findMany(holdModel, { select: ["id"] }));
    expect(ids.map((r) => r.id).sort()).toEqual(["long", "past"]);
  });
});
