import { isLinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import { desk, resident, wangjialong, withCourtyardHall } from "../../booking/test/wangjialong-fixture";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";

// PostgreSQL's durable defaults: a commit acknowledged is on disk.
const pg = usePgServer({ durable: true });

const WRITERS = 4;
const ATTEMPTS = 120;
const BOUNCE_AFTER = 40;
const HOUR = 3_600_000;
const FIRST = Date.UTC(2026, 6, 6, 0);

/** What a failed call may say when the server went away under it (never a hang). */
const OUTAGE = ["POSTGRES_CONNECTION_LOST", "POSTGRES_COMMIT_UNCERTAIN", "POSTGRES_CONNECTION_FAILED"];

describe("server restart", () => {
  test("fast shutdown and restart in the middle of a stream of bookings: every booking acknowledged is stored once, only calls in flight fail, the same process carries on and the first calls after a restart succeed", async () => {
    const residents = Array.from({ length: WRITERS }, (_, w) => `w${w}`);
    const storage = postgresStorage({
      connectionString: pg.server.url,
      schema: pg.schemaName("restart"),
      max: WRITERS,
    });
    const { community } = await wangjialong({ config: withCourtyardHall(), storage, residents });
    /** Booking k: the k-th hour of the courtyard hall, for writer k mod WRITERS. */
    const book = (k: number) =>
      community.booking.book({
        actor: resident(`w${k % WRITERS}`),
        resourceId: "courtyard-hall",
        start: new Date(FIRST + k * HOUR),
        end: new Date(FIRST + (k + 1) * HOUR),
      });
    const acknowledged: string[] = [];
    const failures: unknown[] = [];
    let next = 0;
    let bounced = false;
    const writer = async () => {
      while (next < ATTEMPTS) {
        const k = next++;
        try {
          const outcome = await book(k);
          if (!outcome.ok) throw new Error(`booking ${k} refused: ${outcome.violations.map((v) => v.code)}`);
          acknowledged.push(outcome.booking.id);
        } catch (error) {
          failures.push(error);
        }
        if (!bounced && acknowledged.length >= BOUNCE_AFTER) {
          bounced = true;
          // The other writers' transactions are in flight on the server meanwhile.
          pg.server.bounceBlocking();
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    expect(bounced).toBe(true);
    // Only the calls in flight during the restart failed (at most one per other writer), each
    // with a clear outage code; the bookings started after it all went through.
    expect(failures.length).toBeLessThanOrEqual(WRITERS - 1);
    for (const e of failures) expect(OUTAGE, String(e)).toContain(isLinliError(e) ? e.code : String(e));
    expect(acknowledged.length).toBe(ATTEMPTS - failures.length);

    // Every acknowledged booking is stored exactly once (and nothing acknowledged is missing).
    const rows = await pg.sql<{ id: string }>(
      `SELECT id FROM "${storage.schema}".booking_booking WHERE status = 'confirmed'`,
    );
    const stored = rows.map((r) => r.id);
    expect(new Set(stored).size).toBe(stored.length);
    for (const id of acknowledged) expect(stored, `acknowledged ${id} lost`).toContain(id);
    // An uncertain commit may or may not be there, but never twice: at most one per hour.
    expect(stored.length).toBeLessThanOrEqual(ATTEMPTS);

    // Restarted again while the process is idle: its pooled connections are all dead, and
    // the next calls (commands and queries) succeed at once, on the same community object.
    pg.server.bounceBlocking();
    const after = [await book(ATTEMPTS), await book(ATTEMPTS + 1), await book(ATTEMPTS + 2)];
    expect(after.map((o) => o.ok)).toEqual([true, true, true]);
    const listed = await community.booking.list({ actor: desk, resourceId: "courtyard-hall", limit: 1000 });
    expect(listed.filter((b) => b.status === "confirmed")).toHaveLength(stored.length + 3);
    await community.close();
    await pg.dropSchema(storage.schema);
  }, 120_000);
});
