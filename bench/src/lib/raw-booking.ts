import { uuidv7 } from "uuidv7";
import { wallOf } from "@linli/core";
import Database from "better-sqlite3";
import {
  CLOSE_Q,
  DAY,
  type HistoryBooking,
  OPEN_Q,
  QUARTER,
  RESIDENTS,
  residentId,
  roomId,
  ZONE,
} from "./fixture";

/**
 * The baseline of the booking benches: booking written by hand on better-sqlite3 by a
 * competent engineer. A lean schema (the columns booking needs), an index on
 * `(resource_id, block_start)`, and an overlap read bounded on both sides by the longest
 * booking the app allows; the same rules checked in plain arithmetic (opening hours, the
 * 15-minute grid, the length), the booking and its two outbox events written in one
 * `BEGIN IMMEDIATE` transaction, with ids made as linli makes them (time-ordered UUIDs). The
 * outbox sequence is an `INTEGER PRIMARY KEY`, so the next
 * one is read off the primary key.
 */
export class RawBooking {
  readonly db: Database.Database;
  private readonly stmt;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("synchronous = NORMAL");
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS resident (id TEXT PRIMARY KEY, name TEXT NOT NULL, created_at INTEGER NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS booking (id TEXT PRIMARY KEY, resource_id TEXT NOT NULL, resident_id TEXT,
        actor_kind TEXT NOT NULL, actor_id TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        block_start INTEGER NOT NULL, block_end INTEGER NOT NULL, quantity INTEGER NOT NULL, status TEXT NOT NULL,
        created_at INTEGER NOT NULL, confirmed_at INTEGER) STRICT;
      CREATE INDEX IF NOT EXISTS booking_resource_block ON booking (resource_id, block_start);
      CREATE INDEX IF NOT EXISTS booking_resident_start ON booking (resident_id, start);
      CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, type TEXT NOT NULL,
        payload TEXT NOT NULL, occurred_at INTEGER NOT NULL, actor_kind TEXT, actor_id TEXT, acked_at INTEGER) STRICT;
    `);
    this.stmt = {
      begin: this.db.prepare("BEGIN IMMEDIATE"),
      commit: this.db.prepare("COMMIT"),
      rollback: this.db.prepare("ROLLBACK"),
      overlap: this.db.prepare(`SELECT COALESCE(SUM(quantity), 0) AS used FROM booking
        WHERE resource_id = ? AND status IN ('offered', 'pending-approval', 'confirmed', 'checked-in', 'completed')
          AND block_start < ? AND block_start > ? AND block_end > ?`),
      insertBooking: this.db.prepare(
        `INSERT INTO booking VALUES (?, ?, ?, 'resident', ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
      ),
      lastSeq: this.db.prepare("SELECT seq FROM outbox ORDER BY seq DESC LIMIT 1").pluck(),
      insertEvent: this.db.prepare("INSERT INTO outbox VALUES (?, ?, ?, ?, ?, 'resident', ?, NULL)"),
      insertResident: this.db.prepare("INSERT INTO resident VALUES (?, ?, 0)"),
    };
  }

  /** Writes the residents and the history (with two outbox events per booking), as {@link seed} does. */
  load(bookings: readonly HistoryBooking[]): void {
    this.db.transaction(() => {
      for (let k = 0; k < RESIDENTS; k++) this.stmt.insertResident.run(residentId(k), `Resident ${k}`);
      let seq = 0;
      for (const b of bookings) {
        const who = residentId(b.resident);
        this.stmt.insertBooking.run(
          b.id,
          roomId(b.resource),
          who,
          who,
          b.start,
          b.end,
          b.start,
          b.end,
          b.status,
          b.start - DAY,
          b.start - DAY,
        );
        const payload = JSON.stringify({ bookingId: b.id, resourceId: roomId(b.resource), residentId: who });
        this.stmt.insertEvent.run(
          ++seq,
          `${b.id}-requested`,
          "booking.BookingRequested",
          payload,
          b.start - DAY,
          who,
        );
        this.stmt.insertEvent.run(
          ++seq,
          `${b.id}-confirmed`,
          "booking.BookingConfirmed",
          payload,
          b.start - DAY,
          who,
        );
      }
    })();
  }

  /** Books `[start, end)` of a resource (capacity 1) for a resident, or says why not. */
  book(
    resident: string,
    resourceId: string,
    start: number,
    end: number,
    now: number,
  ): { ok: boolean; status?: string; reason?: string } {
    // The rules: 07:00–22:00 local, the 15-minute grid, 15 minutes to 4 hours.
    const wallStart = wallOf(start, ZONE);
    const dayStart = Math.floor(wallStart / DAY) * DAY;
    const fromQ = (wallStart - dayStart) / QUARTER;
    const toQ = (wallOf(end, ZONE) - dayStart) / QUARTER;
    if (!Number.isInteger(fromQ) || !Number.isInteger(toQ)) return { ok: false, reason: "OFF_GRID" };
    if (fromQ < OPEN_Q || toQ > CLOSE_Q) return { ok: false, reason: "OUTSIDE_HOURS" };
    if (end - start < QUARTER || end - start > 16 * QUARTER) return { ok: false, reason: "DURATION" };
    this.stmt.begin.run();
    try {
      const { used } = this.stmt.overlap.get(resourceId, end, start - 16 * QUARTER, start) as {
        used: number;
      };
      if (used + 1 > 1) {
        this.stmt.rollback.run();
        return { ok: false, reason: "CAPACITY_FULL" };
      }
      const id = uuidv7();
      this.stmt.insertBooking.run(
        id,
        resourceId,
        resident,
        resident,
        start,
        end,
        start,
        end,
        "confirmed",
        now,
        now,
      );
      const seq = (this.stmt.lastSeq.get() as number | undefined) ?? 0;
      const payload = JSON.stringify({
        bookingId: id,
        resourceId,
        residentId: resident,
        start,
        end,
        status: "confirmed",
      });
      this.stmt.insertEvent.run(seq + 1, uuidv7(), "booking.BookingRequested", payload, now, resident);
      this.stmt.insertEvent.run(seq + 2, uuidv7(), "booking.BookingConfirmed", payload, now, resident);
      this.stmt.commit.run();
      return { ok: true, status: "confirmed" };
    } catch (error) {
      this.stmt.rollback.run();
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }
}
