import { sqliteStorage } from "@linli/storage-sqlite";
import Database from "better-sqlite3";
import { uuidv7 } from "uuidv7";
import { rawWithHistory, sqliteWithHistory } from "./booking.book.sqlite.bench";
import { benchCommunity } from "./lib/community";
import { COMMUNITY, NOW, nthRequest, RESIDENTS, residentId } from "./lib/fixture";
import { RawBooking } from "./lib/raw-booking";

// How far `booking.book.sqlite`'s target is from what linli's stored job allows, whatever the
// code above the storage. Three sides, alternated in rounds on copies of the cached files:
// - ours: `community.booking.book`, as the bench runs it;
// - floor: the same job written by hand on better-sqlite3 against linli's own file and
//   schema: the statements linli's storage needs for it (the resident read, the longest
//   span, one overlap read on the covering index, the next sequence, the booking row with
//   all its columns and the two events with linli's payloads, copied from rows `book` wrote),
//   with no validation, no rules engine and no second overlap read;
// - lean: the bench's baseline (`lib/raw-booking.ts`: a lean schema, two indexes).
// floor / lean is the best ratio any code could reach on linli's schema: the part of the gap
// that the stored layout makes. Run: `node --conditions=@linli/source --import tsx
// src/book-floor.ts [books per round, default 3000] [rounds, default 4]` in bench/.

const BOOKS = Number(process.argv[2] ?? 3000);
const ROUNDS = Number(process.argv[3] ?? 4);
const ACTIVE = ["offered", "pending-approval", "confirmed", "checked-in", "completed"];

type Row = Record<string, unknown>;

/** The hand-written version of linli's stored job on linli's file. */
function floorBooker(filename: string, template: { booking: Row; events: Row[] }) {
  const db = new Database(filename);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  const begin = db.prepare("BEGIN IMMEDIATE");
  const commit = db.prepare("COMMIT");
  const resident = db.prepare(
    `SELECT id, name, household_id, place_id, phone, birth_year, created_at FROM core_resident WHERE community_id = ? AND id = ?`,
  );
  const span = db
    .prepare(
      `SELECT longest_ms FROM core_interval_span WHERE community_id = ? AND id = 'booking_booking:blockStart:blockEnd'`,
    )
    .pluck();
  const overlap = db.prepare(
    `SELECT block_start, block_end, quantity FROM booking_booking WHERE community_id = ? AND resource_id = ?
       AND status IN (${ACTIVE.map(() => "?").join(", ")}) AND block_end > ? AND block_end < ? AND block_start < ?`,
  );
  const lastSeq = db
    .prepare(`SELECT seq FROM core_event WHERE community_id = ? ORDER BY seq DESC LIMIT 1`)
    .pluck();
  const bookingColumns = Object.keys(template.booking);
  const insertBooking = db.prepare(
    `INSERT INTO booking_booking (${bookingColumns.map((c) => `"${c}"`).join(", ")}) VALUES (${bookingColumns.map((c) => `@${c}`).join(", ")})`,
  );
  const eventColumns = Object.keys(template.events[0]!);
  const insertEvent = db.prepare(
    `INSERT INTO core_event (${eventColumns.map((c) => `"${c}"`).join(", ")}) VALUES (${eventColumns.map((c) => `@${c}`).join(", ")})`,
  );
  const payloads = template.events.map((e) => JSON.parse(e.payload as string) as Row);
  return {
    db,
    book(k: number): boolean {
      const who = residentId(k % RESIDENTS);
      const r = nthRequest(k);
      const start = r.start.getTime();
      const end = r.end.getTime();
      begin.run();
      if (!resident.get(COMMUNITY, who)) throw new Error(`no resident ${who}`);
      const longest = (span.get(COMMUNITY) as number | undefined) ?? 366 * 86_400_000;
      const used = (overlap.all(COMMUNITY, r.resourceId, ...ACTIVE, start, end + longest, end) as Row[])
        .length;
      if (used > 0) {
        commit.run();
        return false;
      }
      const id = uuidv7();
      insertBooking.run({
        ...template.booking,
        id,
        resource_id: r.resourceId,
        resident_id: who,
        actor_id: who,
        start,
        end,
        block_start: start,
        block_end: end,
      });
      const seq = (lastSeq.get(COMMUNITY) as number | undefined) ?? 0;
      template.events.forEach((event, i) => {
        const payload = { ...payloads[i], bookingId: id, resourceId: r.resourceId, residentId: who };
        insertEvent.run({
          ...event,
          id: uuidv7(),
          seq: seq + 1 + i,
          payload: JSON.stringify(payload),
          actor_id: who,
        });
      });
      commit.run();
      return true;
    },
  };
}

async function timed(book: (k: number) => unknown, from: number): Promise<number> {
  const started = performance.now();
  for (let k = from; k < from + BOOKS; k++) await book(k);
  return (performance.now() - started) / BOOKS;
}

// Ours, and the rows it writes (the floor's template).
const ourFile = await sqliteWithHistory(100_000);
const { community } = await benchCommunity(sqliteStorage({ filename: ourFile }));
const ours = (k: number) =>
  community.booking.book({ actor: { kind: "resident", id: residentId(k % RESIDENTS) }, ...nthRequest(k) });
for (let k = 0; k < 300; k++) await ours(k);
const peek = new Database(ourFile, { readonly: true });
const events = peek.prepare(`SELECT * FROM core_event ORDER BY seq DESC LIMIT 2`).all().reverse() as Row[];
const bookingId = (JSON.parse(events[0]!.payload as string) as Row).bookingId;
const booking = peek.prepare(`SELECT * FROM booking_booking WHERE id = ?`).get(bookingId) as Row;
peek.close();
console.log(
  `template: booking of ${Object.keys(booking).length} columns; events ${events.map((e) => `${e.type} (${String(e.payload).length} B payload)`).join(", ")}`,
);

const floorFile = await sqliteWithHistory(100_000);
const floor = floorBooker(floorFile, { booking, events });
for (let k = 0; k < 300; k++) floor.book(k);
const raw = new RawBooking(await rawWithHistory(100_000));
const lean = (k: number) => {
  const r = nthRequest(k);
  return raw.book(residentId(k % RESIDENTS), r.resourceId, r.start.getTime(), r.end.getTime(), NOW);
};
for (let k = 0; k < 300; k++) lean(k);

const results: { ours: number; floor: number; lean: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const from = 300 + round * BOOKS;
  const o = await timed(ours, from);
  const f = await timed((k) => floor.book(k), from);
  const l = await timed(lean, from);
  results.push({ ours: o, floor: f, lean: l });
  console.log(
    `round ${round + 1}: ours ${(1000 * o).toFixed(1)} µs, floor ${(1000 * f).toFixed(1)} µs, lean ${(1000 * l).toFixed(1)} µs;` +
      ` lean/ours ${(l / o).toFixed(3)}, lean/floor ${(l / f).toFixed(3)}, floor/ours ${(f / o).toFixed(3)}`,
  );
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const m = {
  ours: median(results.map((r) => r.ours)),
  floor: median(results.map((r) => r.floor)),
  lean: median(results.map((r) => r.lean)),
};
console.log(
  `median: ours ${(1000 * m.ours).toFixed(1)} µs, floor ${(1000 * m.floor).toFixed(1)} µs, lean ${(1000 * m.lean).toFixed(1)} µs;` +
    ` bench ratio (lean/ours) ${(m.lean / m.ours).toFixed(3)}, best reachable on linli's schema (lean/floor) ${(m.lean / m.floor).toFixed(3)}`,
);
await community.close();
floor.db.close();
raw.close();
