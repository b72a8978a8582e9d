import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { postgresStorage } from "@linli/storage-postgres";
import pg from "pg";
import { startPgServer } from "../../packages/storage-postgres/test/pg-server";
import { cityCommunity } from "./lib/city";
import { DAY, NOW, QUARTER, RESOURCES, roomId, YEAR } from "./lib/fixture";
import { random } from "./lib/rng";
import { dataDir } from "./lib/storage-cache";
import { emit } from "./report";

// A city on one PostgreSQL server: COMMUNITIES communities (booking + pricing, one schema, one
// pool of 8), each with RESIDENTS residents and BOOKINGS bookings of the past year with their two
// outbox events. Loaded once by server-side INSERT … SELECT generate_series into a cluster kept
// under bench/.data/ (a template database), copied into a fresh database at each run. Then 8
// clients book, cancel and ask availability for random residents across the communities for
// SECONDS seconds. `value`: p99 latency of a call in ms; p50, throughput and errors in params.
// The size is set by environment variables (CITY_COMMUNITIES, CITY_RESIDENTS, CITY_BOOKINGS,
// CITY_SECONDS); the full size is 100 × 5,800 × 20,000 for 30 s.
const int = (name: string, fallback: number) => {
  const v = Number(process.env[name] ?? fallback);
  if (!Number.isSafeInteger(v) || v <= 0) throw new Error(`${name} must be a positive integer`);
  return v;
};
const COMMUNITIES = int("CITY_COMMUNITIES", 100);
const RESIDENTS = int("CITY_RESIDENTS", 5_800);
const BOOKINGS = int("CITY_BOOKINGS", 20_000);
const SECONDS = int("CITY_SECONDS", 30);
const CLIENTS = 8;
const TARGET_P99_MS = 50;
const SCHEMA = "city";
if (RESIDENTS > 10_000 || BOOKINGS > 10 * RESOURCES * 365)
  throw new Error("at most 10,000 residents and 182,500 bookings per community");

const residentId = (k: number) => `res-${String(k).padStart(4, "0")}`;
/** Names the cached cluster: what is loaded (the SQL, the sizes) and the table layouts. */
const version = () =>
  createHash("sha256")
    .update(loadSql().join(";"))
    .update(readFileSync(new URL("../../packages/booking/src/booking-models.ts", import.meta.url)))
    .update(readFileSync(new URL("../../packages/core/src/kernel-models.ts", import.meta.url)))
    .update(readFileSync(new URL("../../packages/storage-postgres/src/table-layout.ts", import.meta.url)))
    .digest("hex")
    .slice(0, 10);

/**
 * The history, written by the server itself: residents `res-0000…`; bookings `h-<n>` spread
 * over the 50 rooms and the 365 days before NOW, one hour apart at most ten a room-day (so they
 * never overlap), 15 minutes to an hour long, mostly completed (one in ten cancelled, one in
 * fifty a no-show); each with its BookingRequested and BookingConfirmed events, acknowledged;
 * and each community's longest booking, as the kernel keeps it.
 */
function loadSql(): string[] {
  const cid = `'c' || lpad(c::text, 3, '0')`;
  const communities = `generate_series(0, ${COMMUNITIES - 1}) c`;
  const slot = `(n / ${RESOURCES}) % 365`;
  const start = `(timestamptz '${new Date(NOW - YEAR).toISOString()}' + (${slot}) * interval '1 day'
      + (28 + 6 * (n / ${RESOURCES * 365}) + (n * 7) % 3) * interval '15 minutes')`;
  const end = `(${start} + (1 + (n * 13) % 4) * interval '15 minutes')`;
  const resident = `'res-' || lpad(((n * 7919) % ${RESIDENTS})::text, 4, '0')`;
  const room = `'room-' || lpad((n % ${RESOURCES})::text, 2, '0')`;
  const status = `CASE WHEN n % 10 = 0 THEN 'cancelled' WHEN n % 50 = 1 THEN 'no-show' ELSE 'completed' END`;
  return [
    `INSERT INTO ${SCHEMA}.core_resident (community_id, id, name, created_at)
       SELECT ${cid}, 'res-' || lpad(r::text, 4, '0'), 'Resident ' || r, timestamptz '1970-01-01'
         FROM ${communities}, generate_series(0, ${RESIDENTS - 1}) r`,
    `INSERT INTO ${SCHEMA}.booking_booking (community_id, id, resource_id, resident_id, actor_kind, actor_id,
        start, "end", block_start, block_end, quantity, status, created_at, confirmed_at, cancelled_at,
        checked_in_at, completed_at, no_show_at)
       SELECT ${cid}, 'h-' || n, ${room}, ${resident}, 'resident', ${resident},
         ${start}, ${end}, ${start}, ${end}, 1, ${status}, ${start} - interval '1 day', ${start} - interval '1 day',
         CASE WHEN n % 10 = 0 THEN ${start} - interval '12 hours' END,
         CASE WHEN n % 10 <> 0 AND n % 50 <> 1 THEN ${start} END,
         CASE WHEN n % 10 <> 0 AND n % 50 <> 1 THEN ${end} END,
         CASE WHEN n % 10 <> 0 AND n % 50 = 1 THEN ${start} + interval '15 minutes' END
         FROM ${communities}, generate_series(0, ${BOOKINGS - 1}) n`,
    `INSERT INTO ${SCHEMA}.core_event (community_id, id, type, seq, payload, occurred_at, actor_kind, actor_id, acked_at)
       SELECT ${cid}, 'h-' || n || '-' || e, 'booking.Booking' || CASE e WHEN 1 THEN 'Requested' ELSE 'Confirmed' END,
         2 * n + e, jsonb_build_object('bookingId', 'h-' || n, 'resourceId', ${room}, 'residentId', ${resident}),
         ${start} - interval '1 day', 'resident', ${resident}, ${start} - interval '1 day'
         FROM ${communities}, generate_series(0, ${BOOKINGS - 1}) n, generate_series(1, 2) e`,
    // The longest booking of each community, as the kernel keeps it on every write
    // (`core_interval_span`): a year of use through the kernel leaves this row.
    `INSERT INTO ${SCHEMA}.core_interval_span (community_id, id, longest_ms)
       SELECT community_id, 'booking_booking:blockStart:blockEnd',
         max((extract(epoch FROM block_end - block_start) * 1000)::bigint)
         FROM ${SCHEMA}.booking_booking GROUP BY community_id`,
  ];
}

/** The cached cluster of this size (exported for tooling that prepares or clears it). */
export const cluster = join(dataDir, `pg-city-${COMMUNITIES}x${RESIDENTS}x${BOOKINGS}-${version()}`);
const loadedMarker = join(cluster, "linli-loaded");

async function loadOnce(url: (db: string) => string): Promise<number> {
  if (existsSync(loadedMarker)) return 0;
  const started = performance.now();
  const admin = new pg.Pool({ connectionString: url("postgres"), max: 1 });
  await admin.query("DROP DATABASE IF EXISTS city_template");
  await admin.query("CREATE DATABASE city_template");
  await admin.end();
  const pool = new pg.Pool({ connectionString: url("city_template"), max: 2 });
  // The tables, as the adapter sets them up for a community with these plugins.
  await cityCommunity(postgresStorage({ pool, schema: SCHEMA }), 0);
  for (const sql of loadSql()) await pool.query(sql);
  await pool.query("VACUUM ANALYZE");
  await pool.query("CHECKPOINT");
  await pool.end();
  const ms = performance.now() - started;
  writeFileSync(loadedMarker, `${Math.round(ms)}\n`);
  return ms;
}

const quantile = (sorted: readonly number[], q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const round = (x: number) => Math.round(x * 100) / 100;

export default async () => {
  const server = await startPgServer({ dataDir: cluster, settings: { shared_buffers: "256MB" } });
  try {
    const loadMs = await loadOnce(server.urlOf);
    const admin = new pg.Pool({ connectionString: server.url, max: 1 });
    await admin.query("DROP DATABASE IF EXISTS city_run");
    await admin.query("CREATE DATABASE city_run TEMPLATE city_template");
    const pool = new pg.Pool({ connectionString: server.urlOf("city_run"), max: CLIENTS });
    pool.on("error", () => undefined);
    try {
      const communities: Awaited<ReturnType<typeof cityCommunity>>[] = [];
      for (let i = 0; i < COMMUNITIES; i++)
        communities.push(await cityCommunity(postgresStorage({ pool, schema: SCHEMA }), i));
      const [{ n: stored }] = (await pool.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.booking_booking`))
        .rows as [{ n: number }];
      if (stored !== COMMUNITIES * BOOKINGS) throw new Error(`${stored} bookings stored`);

      const latencies: number[] = [];
      const byKind: Record<"book" | "cancel" | "availability", number[]> = {
        book: [],
        cancel: [],
        availability: [],
      };
      const errors: string[] = [];
      const counts = { book: 0, booked: 0, cancel: 0, availability: 0 };
      const until = performance.now() + SECONDS * 1000;
      const client = async (k: number) => {
        const rnd = random(1000 + k);
        const mine: { community: number; resident: string; bookingId: string }[] = [];
        while (performance.now() < until) {
          const c = Math.floor(rnd() * COMMUNITIES);
          const community = communities[c]!;
          const resident = residentId(Math.floor(rnd() * RESIDENTS));
          const room = roomId(Math.floor(rnd() * RESOURCES));
          // A future day within 30 days, a 30-minute slot on the grid inside opening hours.
          const day = NOW + (1 + Math.floor(rnd() * 30)) * DAY;
          const start = day + (28 + 2 * Math.floor(rnd() * 29)) * QUARTER;
          const x = rnd();
          const began = performance.now();
          let kind: keyof typeof byKind = "availability";
          try {
            if (x < 0.2 && mine.length > 0) {
              const b = mine.splice(Math.floor(rnd() * mine.length), 1)[0]!;
              await communities[b.community]!.booking.cancel({
                actor: { kind: "resident", id: b.resident },
                bookingId: b.bookingId,
              });
              counts.cancel++;
              kind = "cancel";
            } else if (x < 0.6) {
              const outcome = await community.booking.book({
                actor: { kind: "resident", id: resident },
                resourceId: room,
                start: new Date(start),
                end: new Date(start + 2 * QUARTER),
              });
              counts.book++;
              kind = "book";
              if (outcome.ok) {
                counts.booked++;
                mine.push({ community: c, resident, bookingId: outcome.booking.id });
              }
            } else {
              await community.booking.availability({
                actor: { kind: "resident", id: resident },
                resourceId: room,
                start: new Date(day),
                end: new Date(day + DAY),
              });
              counts.availability++;
            }
            latencies.push(performance.now() - began);
            byKind[kind].push(performance.now() - began);
          } catch (error) {
            errors.push(String((error as Error)?.message ?? error));
          }
        }
      };
      const started = performance.now();
      await Promise.all(Array.from({ length: CLIENTS }, (_, k) => client(k)));
      const elapsed = (performance.now() - started) / 1000;
      latencies.sort((a, b) => a - b);
      const perKind = Object.fromEntries(
        Object.entries(byKind).map(([k, v]) => {
          v.sort((a, b) => a - b);
          return [k, { p50: round(quantile(v, 0.5)), p99: round(quantile(v, 0.99)) }];
        }),
      );
      const p99 = round(quantile(latencies, 0.99));
      emit({
        id: "storage-postgres.city",
        value: p99,
        unit: "ms",
        better: "lower",
        baseline: { name: "target-p99-50ms", value: TARGET_P99_MS },
        ratio: round(TARGET_P99_MS / Math.max(p99, 0.01)),
        params: {
          communities: COMMUNITIES,
          residentsPerCommunity: RESIDENTS,
          bookingsPerCommunity: BOOKINGS,
          eventsPerCommunity: 2 * BOOKINGS,
          fullSize: COMMUNITIES === 100 && RESIDENTS === 5_800 && BOOKINGS === 20_000,
          clients: CLIENTS,
          seconds: SECONDS,
          p50: round(quantile(latencies, 0.5)),
          p99,
          max: round(latencies.at(-1) ?? 0),
          throughput: round(latencies.length / elapsed),
          calls: latencies.length,
          ...counts,
          perKind,
          errors: errors.length,
          firstErrors: errors.slice(0, 3),
          loadMs:
            loadMs > 0 ? Math.round(loadMs) : `cached (${readFileSync(loadedMarker, "utf8").trim()} ms)`,
          server: "local PostgreSQL, fsync off, shared_buffers 256MB",
        },
        samples: latencies.length,
      });
    } finally {
      await pool.end();
      await admin.query("DROP DATABASE IF EXISTS city_run");
      await admin.end();
    }
  } finally {
    await server.stop();
  }
};
