import { afterEach, describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong, withCourtyardHall } from "../../booking/test/wangjialong-fixture";
import { usePgServer } from "../test/use-pg-server";
import { type PostgresStorage, postgresStorage } from "./postgres-storage";

// @linli/booking's plugin, unchanged, on real PostgreSQL connections running in parallel.
const pg = usePgServer();
const opened: PostgresStorage[] = [];

function storage(): PostgresStorage {
  const s = postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("booking"), max: 10 });
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
});
