import { readFileSync, statSync } from "node:fs";
import { sqliteStorage } from "@linli/storage-sqlite";
import Database from "better-sqlite3";
import { rawWithHistory, sqliteWithHistory } from "./booking.book.sqlite.bench";
import { benchCommunity } from "./lib/community";
import { NOW, nthRequest, RESIDENTS, residentId } from "./lib/fixture";
import { RawBooking } from "./lib/raw-booking";

// Where a book's time goes on SQLite, ours (`community.booking.book`) against the
// hand-written baseline of `booking.book.sqlite`, on copies of the same cached files:
// per statement, the time it took and how often it ran per book; then the WAL frames
// (pages written at commit) per book, by the table or index each page belongs to.
// Automatic checkpoints are off while it measures, so that every page written stays in the
// WAL to be counted (a checkpoint later copies each of them into the database file, which
// is what makes pages per commit the cost that grows). Run: `npx tsx src/book-anatomy.ts`
// in bench/ (optionally the number of books, default 3000), on a quiet machine.

const WARM = 300;
const BOOKS = Number(process.argv[2] ?? 3000);

interface Timed {
  source: string;
  database: Database.Database;
}
type StatementMethod = (this: Timed, ...args: unknown[]) => unknown;

const times = new Map<string, { ms: number; count: number }>();
let measuring = false;
const proto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<
  string,
  StatementMethod
>;
for (const method of ["run", "get", "all", "iterate"]) {
  const original = proto[method]!;
  proto[method] = function (this: Timed, ...args: unknown[]) {
    if (!measuring) return original.apply(this, args);
    const started = performance.now();
    const result = original.apply(this, args);
    const key = this.source.replace(/\s+/g, " ").slice(0, Number(process.env.ANATOMY_SQL_CHARS ?? 80));
    const entry = times.get(key) ?? { ms: 0, count: 0 };
    entry.ms += performance.now() - started;
    entry.count++;
    times.set(key, entry);
    return result;
  };
}

/** WAL frames appended since byte `from` of the file, per page number. */
function framesSince(filename: string, from: number): Map<number, number> {
  const wal = readFileSync(`${filename}-wal`);
  const pageSize = wal.readUInt32BE(8);
  const frames = new Map<number, number>();
  for (let at = Math.max(from, 32); at + 24 + pageSize <= wal.length; at += 24 + pageSize) {
    const page = wal.readUInt32BE(at);
    frames.set(page, (frames.get(page) ?? 0) + 1);
  }
  return frames;
}

/** Prints the statements' times and the frames per table or index, per book. */
function report(side: string, filename: string, walFrom: number, totalMs: number): void {
  console.log(`\n${side}: ${(totalMs / BOOKS).toFixed(3)} ms per book (${BOOKS} books)`);
  let sql = 0;
  for (const [source, { ms, count }] of [...times].sort((a, b) => b[1].ms - a[1].ms)) {
    sql += ms;
    console.log(
      `${((1000 * ms) / BOOKS).toFixed(1).padStart(8)} µs ${(count / BOOKS).toFixed(2).padStart(5)}×  ${source}`,
    );
  }
  console.log(`${((1000 * sql) / BOOKS).toFixed(1).padStart(8)} µs in SQLite statements`);
  const db = new Database(filename, { readonly: true });
  const owner = new Map<number, string>();
  for (const row of db.prepare("SELECT name, pageno FROM dbstat").all() as { name: string; pageno: number }[])
    owner.set(row.pageno, row.name);
  db.close();
  const byOwner = new Map<string, number>();
  let all = 0;
  for (const [page, n] of framesSince(filename, walFrom)) {
    const name = owner.get(page) ?? "(freed)";
    byOwner.set(name, (byOwner.get(name) ?? 0) + n);
    all += n;
  }
  console.log(`${(all / BOOKS).toFixed(2).padStart(8)} WAL frames per book:`);
  for (const [name, n] of [...byOwner].sort((a, b) => b[1] - a[1]))
    console.log(`${(n / BOOKS).toFixed(2).padStart(8)}  ${name}`);
  times.clear();
}

/**
 * Runs `book` WARM times, then BOOKS times while measuring; the measured time in ms and the
 * WAL's size before the measured books (the warm-up's frames are not theirs).
 */
async function measure(
  db: Database.Database,
  filename: string,
  book: (k: number) => unknown,
): Promise<{ ms: number; walFrom: number }> {
  db.pragma("wal_autocheckpoint = 0");
  for (let k = 0; k < WARM; k++) await book(k);
  const walFrom = statSync(`${filename}-wal`).size;
  measuring = true;
  const started = performance.now();
  for (let k = WARM; k < WARM + BOOKS; k++) await book(k);
  const ms = performance.now() - started;
  measuring = false;
  return { ms, walFrom };
}

const ourFile = await sqliteWithHistory(100_000);
const { community } = await benchCommunity(sqliteStorage({ filename: ourFile }));
// The adapter's connection, reached through the first statement it runs.
let ourDb: Database.Database | undefined;
const capture = proto.run!;
proto.run = function (this: Timed, ...args: unknown[]) {
  ourDb ??= this.database;
  return capture.apply(this, args);
};
const probe = nthRequest(0);
await community.booking.book({ actor: { kind: "resident", id: residentId(0) }, ...probe });
proto.run = capture;
if (!ourDb) throw new Error("no statement ran");
const ours = await measure(ourDb, ourFile, (k) =>
  community.booking.book({
    actor: { kind: "resident", id: residentId((k + 1) % RESIDENTS) },
    ...nthRequest(k + 1),
  }),
);
report("ours (community.booking.book)", ourFile, ours.walFrom, ours.ms);
await community.close();

const rawFile = await rawWithHistory(100_000);
const raw = new RawBooking(rawFile);
const baseline = await measure(raw.db, rawFile, (k) => {
  const r = nthRequest(k);
  return raw.book(residentId(k % RESIDENTS), r.resourceId, r.start.getTime(), r.end.getTime(), NOW);
});
report("baseline (hand-written better-sqlite3)", rawFile, baseline.walFrom, baseline.ms);
raw.close();
