import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomIds, timeOrderedIds } from "@linli/core";
import Database from "better-sqlite3";

// What the id generator costs a book on SQLite once a year of history is stored: the booking
// and outbox tables in linli's layout (`WITHOUT ROWID`, keyed by community and id, the same
// indexes), 100,000 bookings and 200,000 events whose ids were all made by one generator,
// then 6,000 books in linli's statements (resident read, two overlap reads, the booking, the
// next sequence, two events, one `BEGIN IMMEDIATE` transaction), checkpoints on as in use.
// Each generator gets its own file; the two are run in turn, twice.
// Run: `npx tsx src/id-locality.ts` in bench/, on a quiet machine (about a minute).

const DAY = 86_400_000;
const QUARTER = 900_000;
const NOW = Date.UTC(2026, 5, 1);
const COMMUNITY = randomUUID();
const HISTORY = 100_000;
const BOOKS = 6_000;

const SCHEMA = `
CREATE TABLE core_resident (community_id TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
  created_at INTEGER NOT NULL, PRIMARY KEY (community_id, id)) STRICT, WITHOUT ROWID;
CREATE TABLE booking_booking (community_id TEXT NOT NULL, id TEXT NOT NULL, resource_id TEXT NOT NULL,
  zone_id TEXT, resident_id TEXT, actor_kind TEXT NOT NULL, actor_id TEXT NOT NULL, start INTEGER NOT NULL,
  "end" INTEGER NOT NULL, block_start INTEGER NOT NULL, block_end INTEGER NOT NULL, quantity INTEGER,
  status TEXT NOT NULL, series_id TEXT, note TEXT, created_at INTEGER NOT NULL, confirmed_at INTEGER,
  decided_by TEXT, cancelled_at INTEGER, cancelled_by TEXT, cancel_reason TEXT, refundable INTEGER,
  checked_in_at INTEGER, completed_at INTEGER, no_show_at INTEGER, released_at INTEGER,
  reminded_at INTEGER, rescheduled_from TEXT, channel TEXT, PRIMARY KEY (community_id, id)) STRICT, WITHOUT ROWID;
CREATE INDEX b_cover ON booking_booking (community_id, resource_id, block_end, block_start, status,
  quantity, zone_id, resident_id, start, "end", no_show_at);
CREATE INDEX b_resident ON booking_booking (community_id, resident_id, start);
CREATE INDEX b_status ON booking_booking (community_id, status, start);
CREATE INDEX b_series ON booking_booking (community_id, series_id);
CREATE TABLE core_event (community_id TEXT NOT NULL, id TEXT NOT NULL, type TEXT NOT NULL,
  seq INTEGER NOT NULL, payload TEXT NOT NULL, occurred_at INTEGER NOT NULL, actor_kind TEXT,
  actor_id TEXT, acked_at INTEGER, PRIMARY KEY (community_id, id)) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX e_seq ON core_event (community_id, seq);
CREATE INDEX e_acked ON core_event (community_id, acked_at, seq);`;

const OCCUPYING = "status IN ('offered', 'pending-approval', 'confirmed', 'checked-in', 'completed')";

/** A file with the history, its ids made by `nextId`; the time of a book there, in ms. */
function timeBooks(folder: string, name: string, nextId: () => string): number {
  const db = new Database(join(folder, `${name}.db`));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(SCHEMA);
  const insertResident = db.prepare("INSERT INTO core_resident VALUES (?, ?, ?, 0)");
  const insertBooking = db.prepare(`INSERT INTO booking_booking (community_id, id, resource_id,
    resident_id, actor_kind, actor_id, start, "end", block_start, block_end, quantity, status,
    created_at, confirmed_at) VALUES (?, ?, ?, ?, 'resident', ?, ?, ?, ?, ?, 1, 'confirmed', ?, ?)`);
  const insertEvent = db.prepare(`INSERT INTO core_event (community_id, id, type, seq, payload,
    occurred_at, actor_kind, actor_id, acked_at) VALUES (?, ?, ?, ?, ?, ?, 'resident', ?, ?)`);
  const payload = (id: string, room: string, who: string, start: number, end: number) =>
    JSON.stringify({
      bookingId: id,
      resourceId: room,
      residentId: who,
      start: new Date(start),
      end: new Date(end),
    });
  const book = (id: string, k: number, start: number, at: number, seq: number, acked: number | null) => {
    const who = `res-${k % 5800}`;
    const room = `room-${k % 50}`;
    const end = start + 2 * QUARTER;
    insertBooking.run(COMMUNITY, id, room, who, who, start, end, start, end, at, at);
    const text = payload(id, room, who, start, end);
    insertEvent.run(COMMUNITY, nextId(), "BookingRequested", seq, text, at, who, acked);
    insertEvent.run(
      COMMUNITY,
      nextId(),
      "BookingConfirmed",
      seq + 1,
      `${text.slice(0, -1)},"status":"confirmed"}`,
      at,
      who,
      acked,
    );
  };
  db.transaction(() => {
    for (let r = 0; r < 5800; r++) insertResident.run(COMMUNITY, `res-${r}`, `Resident ${r}`);
    for (let k = 0; k < HISTORY; k++) {
      const start = NOW - 365 * DAY + ((k * 7919) % (365 * 56)) * QUARTER;
      book(nextId(), k, start, start - DAY, 2 * k + 1, start);
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const resident = db.prepare("SELECT * FROM core_resident WHERE community_id = ? AND id = ? LIMIT 1");
  const where = `FROM booking_booking WHERE community_id = ? AND resource_id = ? AND block_end > ?
    AND block_end < ? AND block_start < ? AND ${OCCUPYING}`;
  const judge = db.prepare(`SELECT id, resource_id, zone_id, resident_id, start, "end", block_start,
    block_end, quantity, status, no_show_at ${where}`);
  const reserve = db.prepare(`SELECT block_start, block_end, quantity ${where}`);
  const lastSeq = db
    .prepare("SELECT seq FROM core_event WHERE community_id = ? ORDER BY seq DESC LIMIT 1")
    .pluck();
  const started = performance.now();
  for (let k = 0; k < BOOKS; k++) {
    const start = NOW + ((k * 104_729) % (30 * 56)) * QUARTER;
    const end = start + 2 * QUARTER;
    begin.run();
    resident.get(COMMUNITY, `res-${k % 5800}`);
    judge.all(COMMUNITY, `room-${k % 50}`, start, end + 366 * DAY, end);
    reserve.all(COMMUNITY, `room-${k % 50}`, start, end + 366 * DAY, end);
    book(nextId(), k, start, NOW, (lastSeq.get(COMMUNITY) as number) + 1, null);
    commit.run();
  }
  const ms = (performance.now() - started) / BOOKS;
  db.close();
  return ms;
}

const folder = mkdtempSync(join(tmpdir(), "linli-id-locality-"));
try {
  for (let round = 1; round <= 2; round++) {
    for (const [name, ids] of [
      ["random (v4)", randomIds],
      ["time-ordered (v7)", timeOrderedIds],
    ] as const) {
      const ms = timeBooks(folder, `${name.split(" ")[0]}-${round}`, () => ids.next());
      console.log(`round ${round}, ${name.padEnd(18)} ${ms.toFixed(3)} ms a book`);
    }
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
}
