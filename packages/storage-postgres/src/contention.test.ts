import { describe, expect, test } from "vitest";
import { desk, resident, wangjialong, withCourtyardHall } from "../../booking/test/wangjialong-fixture";
import { usePgServer } from "../test/use-pg-server";
import { postgresStorage } from "./postgres-storage";

const pg = usePgServer();

const CLIENTS = 8;
const ATTEMPTS = 500;
const SLOTS = 50;
const HOUR = 3_600_000;
const FIRST = Date.UTC(2026, 6, 6, 0);

describe("contention", () => {
  test("8 connections × 500 booking attempts on 50 slots of capacity 2: exactly 100 confirmed, every other attempt told the slot is full, no error (deadlock or other) reaches a caller", async () => {
    const residents = Array.from({ length: CLIENTS }, (_, c) => `c${c}`);
    const storage = postgresStorage({
      connectionString: pg.server.url,
      schema: pg.schemaName("contend"),
      max: CLIENTS,
    });
    const { community } = await wangjialong({ config: withCourtyardHall(), storage, residents });
    const refusals = new Map<string, number>();
    const thrown: unknown[] = [];
    let confirmed = 0;
    const client = async (c: number) => {
      for (let i = 0; i < ATTEMPTS; i++) {
        // Each client walks the slots in its own order, so every slot is contended.
        const slot = (i * 7 + c * 13) % SLOTS;
        try {
          const outcome = await community.booking.book({
            actor: resident(`c${c}`),
            resourceId: "courtyard-hall",
            start: new Date(FIRST + slot * HOUR),
            end: new Date(FIRST + (slot + 1) * HOUR),
          });
          if (outcome.ok) confirmed++;
          else {
            const codes = outcome.violations.map((v) => v.code).join(",");
            refusals.set(codes, (refusals.get(codes) ?? 0) + 1);
          }
        } catch (error) {
          thrown.push(error);
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));
    expect(thrown).toEqual([]);
    expect(confirmed).toBe(SLOTS * 2);
    expect(Object.fromEntries(refusals)).toEqual({ CAPACITY_FULL: CLIENTS * ATTEMPTS - SLOTS * 2 });
    const rows = await pg.sql<{ slot: string; n: number }>(
      `SELECT start::text AS slot, count(*)::int AS n FROM "${storage.schema}".booking_booking
        WHERE status = 'confirmed' GROUP BY start`,
    );
    expect(rows).toHaveLength(SLOTS);
    for (const r of rows) expect(r.n).toBe(2);
    const listed = await community.booking.list({ actor: desk, resourceId: "courtyard-hall", limit: 1000 });
    expect(listed.filter((b) => b.status === "confirmed")).toHaveLength(SLOTS * 2);
    await community.close();
    await pg.dropSchema(storage.schema);
  }, 300_000);
});
