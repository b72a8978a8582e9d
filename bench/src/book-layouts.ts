import { execSync } from "node:child_process";
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, statSync } from "node:fs";
import { sqliteStorage } from "@linli/storage-sqlite";
import Database from "better-sqlite3";
import { rawWithHistory, sqliteWithHistory } from "./booking.book.sqlite.bench";
import { benchCommunity } from "./lib/community";
import { NOW, nthRequest, RESIDENTS, residentId } from "./lib/fixture";
import { RawBooking } from "./lib/raw-booking";
import { scratchFile } from "./lib/storage-cache";

// Which storage layout would buy what for `booking.book.sqlite`, measured before building
// one. Variants 2 (`series_id` partial) and 3 (an index of pending events only) are now the
// layout itself (partial indexes, `IndexDef.where`): "as is" holds them, and the labels of
// the combinations still name them. Records the SQL statements (and their parameters) that `community.booking.book` runs
// per book on a copy of the bench's cached history file, then replays that exact sequence
// with raw better-sqlite3 on copies whose SCHEMA was changed by plain SQL (tables recreated
// with their rows, indexes dropped or made partial, another page size), and reports per
// variant the µs per book in the statements (and in `COMMIT` alone) and the WAL frames per
// book (automatic checkpoints off while counting, as in book-anatomy.ts), plus the µs per
// book with checkpoints on (`wal_autocheckpoint` default). Variants run interleaved, round
// after round, so that the machine's speed swings hit all of them alike. Run:
// `npx tsx src/book-layouts.ts [books] [rounds]` in bench/ (default 3000 books, 3 rounds).

const WARM = 300;
const BOOKS = Number(process.argv[2] ?? 3000);
const ROUNDS = Number(process.argv[3] ?? 3);
/** Optional: only the variants whose label (the first word: `1`, `4a`, `C7`) is listed, comma-separated. */
const ONLY = process.argv[4]?.split(",");

type Method = "run" | "get" | "all" | "iterate";
/** One statement as ours ran it. */
interface Call {
  readonly sql: string;
  readonly method: Method;
  readonly args: unknown[];
  /** It threw (a constraint, say): the replay expects it to throw too. */
  threw?: boolean;
}
interface Source {
  source: string;
  database: Database.Database;
}
type StatementMethod = (this: Source, ...args: unknown[]) => unknown;

/**
 * Copies `from` to `to` and writes the copy to disk before returning, so that the copy's
 * dirty pages are not written back (and do not throttle the WAL's writes) during the replay.
 */
function durableCopy(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, "r+");
  fsyncSync(fd);
  closeSync(fd);
}

// ---- 1. Record what ours runs per book -------------------------------------------------

const proto = Object.getPrototypeOf(new Database(":memory:").prepare("SELECT 1")) as Record<
  string,
  StatementMethod
>;
let recording: Call[] | undefined;
const connections = new Set<Database.Database>();
/** While ours runs in place (the calibration row): µs per statement kind, and its connection. */
let timing: Map<string, number> | undefined;
let lastConnection: Database.Database | undefined;
for (const method of ["run", "get", "all", "iterate"] as const) {
  const original = proto[method]!;
  proto[method] = function (this: Source, ...args: unknown[]) {
    lastConnection = this.database;
    if (timing) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const kind = kindOf(this.source);
        timing.set(kind, (timing.get(kind) ?? 0) + (performance.now() - started) * 1000);
      }
    }
    if (!recording) return original.apply(this, args);
    connections.add(this.database);
    const call: Call = {
      sql: this.source,
      method,
      args: args.map((a) => (Array.isArray(a) ? [...a] : typeof a === "object" && a ? { ...a } : a)),
    };
    recording.push(call);
    try {
      return original.apply(this, args);
    } catch (error) {
      call.threw = true;
      throw error;
    }
  };
}
const dbProto = Database.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
const originalExec = dbProto.exec!;
dbProto.exec = function (this: Database.Database, ...args: unknown[]) {
  if (recording) throw new Error(`exec during a book: ${String(args[0])}`);
  return originalExec.apply(this, args);
};

const historyFile = await sqliteWithHistory(100_000);
{
  // Open and close once: whatever opening a community writes is in the base file too.
  const { community } = await benchCommunity(sqliteStorage({ filename: historyFile }));
  await community.close();
}
const baseFile = scratchFile("layout-base.db");
copyFileSync(historyFile, baseFile);
if (existsSync(`${historyFile}-wal`)) throw new Error("the closed community left a WAL");

const books: Call[][] = [];
{
  const { community } = await benchCommunity(sqliteStorage({ filename: historyFile }));
  for (let k = 0; k < WARM + BOOKS; k++) {
    recording = [];
    await community.booking.book({
      actor: { kind: "resident", id: residentId(k % RESIDENTS) },
      ...nthRequest(k),
    });
    books.push(recording);
    recording = undefined;
  }
  await community.close();
}
if (connections.size !== 1) throw new Error(`statements ran on ${connections.size} connections`);

/** A statement's kind for the report: `COMMIT`, `BEGIN`, `INSERT <table>`, `read`, `other`. */
function kindOf(sql: string): string {
  const s = sql.trim();
  if (/^COMMIT/i.test(s)) return "COMMIT";
  if (/^BEGIN/i.test(s)) return "BEGIN";
  const insert = /^INSERT INTO\s+"?(\w+)"?/i.exec(s);
  if (insert) return `INSERT ${insert[1]}`;
  if (/^(SELECT|WITH)/i.test(s)) return "reads";
  return `other: ${s.slice(0, 40)}`;
}
const kinds = new Map<string, number>();
for (const book of books.slice(WARM))
  for (const c of book) kinds.set(kindOf(c.sql), (kinds.get(kindOf(c.sql)) ?? 0) + 1);
console.log(`recorded ${BOOKS} books (+${WARM} warm-up); statements per book:`);
for (const [kind, n] of kinds) console.log(`  ${(n / BOOKS).toFixed(2)}×  ${kind}`);

// ---- 2. The variants ---------------------------------------------------------------------

/** The `CREATE TABLE` of `table` in `db`. */
function tableSql(db: Database.Database, table: string): string {
  return db
    .prepare(`SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?`)
    .pluck()
    .get(table) as string;
}
/** The `CREATE INDEX` statements of `table` in `db` (not the automatic ones). */
function indexSqls(db: Database.Database, table: string): Map<string, string> {
  const rows = db
    .prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL`)
    .all(table) as { name: string; sql: string }[];
  return new Map(rows.map((r) => [r.name, r.sql]));
}

/**
 * Recreates `table` by `create(oldSql)` (a `CREATE TABLE` of the same name), copying its
 * rows in primary key order, then its indexes (each as `index(name, sql)` says; null drops it).
 */
function recreate(
  db: Database.Database,
  table: string,
  create: (sql: string) => string,
  index: (name: string, sql: string) => string | null = (_n, sql) => sql,
): void {
  const old = tableSql(db, table);
  const indexes = indexSqls(db, table);
  const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[])
    .map((c) => `"${c}"`)
    .join(", ");
  originalExec.call(db, `ALTER TABLE "${table}" RENAME TO "${table}_old"`);
  originalExec.call(db, create(old));
  originalExec.call(
    db,
    `INSERT INTO "${table}" (${columns}) SELECT ${columns} FROM "${table}_old" ORDER BY community_id, id`,
  );
  originalExec.call(db, `DROP TABLE "${table}_old"`);
  for (const [name, sql] of indexes) {
    const made = index(name, sql);
    if (made) originalExec.call(db, made);
  }
}

const COVERING = "booking_booking__resource_id__block_end__block_start__covering";

/** `WITHOUT ROWID` off: a rowid table whose primary key `(community_id, id)` is a unique index. */
const rowidTable = (sql: string) => sql.replace(/\) STRICT, WITHOUT ROWID$/, ") STRICT");
/** A rowid table with a new `INTEGER PRIMARY KEY` column and `UNIQUE (community_id, id)`. */
const rowidColumnTable = (sql: string) =>
  sql
    .replace(/\("community_id" TEXT NOT NULL/, '("rowid_" INTEGER PRIMARY KEY, "community_id" TEXT NOT NULL')
    .replace(
      /PRIMARY KEY \("community_id", "id"\)\) STRICT, WITHOUT ROWID$/,
      'UNIQUE ("community_id", "id")) STRICT',
    );

/** `WITHOUT ROWID` keyed by `(community_id, seq)` (the table appends), `(community_id, id)` a unique index. */
const seqKeyedEvents = (db: Database.Database) =>
  recreate(
    db,
    "core_event",
    (sql) =>
      sql.replace(
        /PRIMARY KEY \("community_id", "id"\)\) STRICT, WITHOUT ROWID$/,
        'PRIMARY KEY ("community_id", "seq"), UNIQUE ("community_id", "id")) STRICT, WITHOUT ROWID',
      ),
    (name, sql) => (name === "core_event__seq__unique" ? null : sql),
  );

/** One layout: its schema change, as SQL on a copy of the base file. */
interface Variant {
  readonly name: string;
  /** Changes the schema (inside a transaction); none for the file as is. */
  readonly change?: (db: Database.Database) => void;
  /** VACUUM after the change (every variant but "as is"), at this page size. */
  readonly vacuum?: number;
}

const eventRowid = (db: Database.Database) => recreate(db, "core_event", rowidTable);
const eventRowidColumn = (db: Database.Database) => recreate(db, "core_event", rowidColumnTable);
/**
 * In a rowid table an index holds the rowid, not `id`: the covering index gets `id` as its
 * last column (the adapter leaves it out because a `WITHOUT ROWID` index holds the key).
 */
const coveringWithId = (name: string, sql: string) =>
  name === COVERING ? sql.replace(/"no_show_at"\)$/, '"no_show_at", "id")') : sql;
const bookingRowid = (db: Database.Database) => recreate(db, "booking_booking", rowidTable, coveringWithId);
const bookingRowidColumn = (db: Database.Database) =>
  recreate(db, "booking_booking", rowidColumnTable, coveringWithId);
const leanCovering = (db: Database.Database) => {
  originalExec.call(db, `DROP INDEX "${COVERING}"`);
  originalExec.call(
    db,
    `CREATE INDEX "${COVERING}" ON "booking_booking" ("community_id", "resource_id", "block_end", "block_start", "status", "quantity")`,
  );
};
/**
 * Bookings clustered on the overlap key: `WITHOUT ROWID` with primary key `(community_id,
 * resource_id, block_end, block_start, id)` (every column covered), `(community_id, id)` a
 * unique index, no covering index.
 */
const clusteredBookings = (db: Database.Database) =>
  recreate(
    db,
    "booking_booking",
    (sql) =>
      sql.replace(
        /PRIMARY KEY \("community_id", "id"\)\) STRICT, WITHOUT ROWID$/,
        'PRIMARY KEY ("community_id", "resource_id", "block_end", "block_start", "id"), UNIQUE ("community_id", "id")) STRICT, WITHOUT ROWID',
      ),
    (name, sql) => (name === COVERING ? null : sql),
  );
const noStatusStart = (db: Database.Database) =>
  originalExec.call(db, `DROP INDEX "booking_booking__status__start"`);

/** A variant applying several single changes in order, then `VACUUM`ed at 4 KiB pages. */
function combined(name: string, ...changes: ((db: Database.Database) => void)[]): Variant {
  return {
    name,
    change: (db) => {
      for (const change of changes) change(db);
    },
    vacuum: 4096,
  };
}

const ALL_VARIANTS: Variant[] = [
  { name: "1  as is" },
  { name: "1v as is, VACUUMed", change: () => {}, vacuum: 4096 },
  { name: "4a event rowid, PK as unique index", change: eventRowid, vacuum: 4096 },
  { name: "4b event INTEGER PRIMARY KEY column", change: eventRowidColumn, vacuum: 4096 },
  { name: "4c event keyed (community_id, seq)", change: seqKeyedEvents, vacuum: 4096 },
  { name: "5a booking rowid, PK as unique index", change: bookingRowid, vacuum: 4096 },
  { name: "5b booking INTEGER PRIMARY KEY column", change: bookingRowidColumn, vacuum: 4096 },
  { name: "5c booking clustered on overlap key", change: clusteredBookings, vacuum: 4096 },
  { name: "6  lean covering index (5 columns)", change: leanCovering, vacuum: 4096 },
  { name: "7  no (status, start) index", change: noStatusStart, vacuum: 4096 },
  { name: "8  page size 8192", change: () => {}, vacuum: 8192 },
  combined("C  2+3+4a+5a (no read lost)", eventRowid, bookingRowid),
  combined("C6 2+3+4a+5a+6", eventRowid, bookingRowid, leanCovering),
  combined("C7 2+3+4a+5a+6+7", eventRowid, bookingRowid, leanCovering, noStatusStart),
  combined("E  2+3+4a (no read lost)", eventRowid),
  combined("E6 2+3+4a+6", eventRowid, leanCovering),
  combined("E7 2+3+4a+6+7", eventRowid, leanCovering, noStatusStart),
  combined("D  2+3+4c+5c (no read lost)", seqKeyedEvents, clusteredBookings),
];

const VARIANTS = ALL_VARIANTS.filter((v) => !ONLY || ONLY.includes(v.name.split(" ")[0]!));

/**
 * Gives the planner the statistics the adapter seeds (`seedPlannerStatistics` in
 * model-setup.ts) for every index that has none: recreated tables and indexes lose theirs.
 */
function seedStatistics(db: Database.Database): void {
  const has = db.prepare(`SELECT 1 FROM sqlite_stat1 WHERE tbl = ? AND idx = ?`).pluck();
  const insert = db.prepare(`INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)`);
  for (const table of ["booking_booking", "core_event"]) {
    for (const index of db.prepare(`SELECT name, "unique" FROM pragma_index_list(?)`).all(table) as {
      name: string;
      unique: number;
    }[]) {
      if (has.get(table, index.name) !== undefined) continue;
      const columns = (
        db.prepare(`SELECT name FROM pragma_index_info(?)`).pluck().all(index.name) as string[]
      ).filter((c) => c !== null);
      const stat = [1_000_000];
      columns.forEach((c, i) => {
        if (c === "community_id" && i === 0) stat.push(1_000_000);
        else if (index.unique && i === columns.length - 1) stat.push(1);
        else stat.push(Math.max(1, Math.round(10 / 5 ** (i - 1))));
      });
      insert.run(table, index.name, stat.join(" "));
    }
  }
}

/** Builds the variant's template file from the base file; its path. */
function build(variant: Variant): string {
  const file = scratchFile(`layout-${variant.name.split(" ")[0]}.db`);
  copyFileSync(baseFile, file);
  if (!variant.change) {
    durableCopy(baseFile, `${file}.template`);
    return `${file}.template`;
  }
  const db = new Database(file);
  originalExec.call(db, "BEGIN IMMEDIATE");
  variant.change(db);
  seedStatistics(db);
  originalExec.call(db, "COMMIT");
  originalExec.call(db, "ANALYZE sqlite_schema");
  if (variant.vacuum) {
    db.pragma("journal_mode = DELETE");
    db.pragma(`page_size = ${variant.vacuum}`);
    originalExec.call(db, "VACUUM");
    db.pragma("journal_mode = WAL");
  }
  db.close();
  durableCopy(file, `${file}.template`);
  return `${file}.template`;
}

// ---- 3. Replay -------------------------------------------------------------------------

interface Result {
  /** µs per book in all statements. */
  us: number;
  /** µs per book in `COMMIT`. */
  commitUs: number;
  /** µs per book in the three INSERTs. */
  insertUs: number;
  /** µs per book in the reads. */
  readUs: number;
  /** WAL frames per book (0 with checkpoints on). */
  frames: number;
  /** WAL kB per book. */
  walKb: number;
}

/** A result from µs per statement kind (summed over BOOKS books) and the WAL bytes written. */
function result(
  byKind: Map<string, number>,
  walBytes: number,
  pageSize: number,
  checkpoints: boolean,
): Result {
  let us = 0;
  let insertUs = 0;
  for (const [kind, took] of byKind) {
    us += took;
    if (kind.startsWith("INSERT")) insertUs += took;
  }
  return {
    us: us / BOOKS,
    commitUs: (byKind.get("COMMIT") ?? 0) / BOOKS,
    insertUs: insertUs / BOOKS,
    readUs: (byKind.get("reads") ?? 0) / BOOKS,
    frames: checkpoints ? 0 : walBytes / (24 + pageSize) / BOOKS,
    walKb: checkpoints ? 0 : walBytes / 1024 / BOOKS,
  };
}

/** The WAL's size, 0 when there is none. */
const walSize = (file: string) => (existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0);

/** WAL frames per book since byte `from`, by the table or index their page belongs to. */
function framesByOwner(db: Database.Database, file: string, from: number): string {
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  const owner = new Map<number, string>();
  for (const row of db.prepare("SELECT name, pageno FROM dbstat").all() as { name: string; pageno: number }[])
    owner.set(row.pageno, row.name);
  const fd = openSync(`${file}-wal`, "r");
  const header = Buffer.alloc(4);
  const size = statSync(`${file}-wal`).size;
  const byOwner = new Map<string, number>();
  for (let at = Math.max(from, 32); at + 24 + pageSize <= size; at += 24 + pageSize) {
    readSync(fd, header, 0, 4, at);
    const name = (owner.get(header.readUInt32BE(0)) ?? "(freed)")
      .replace("booking_booking__resource_id__block_end__block_start__covering", "booking covering")
      .replace(/^booking_booking__/, "booking ")
      .replace(/^core_event__/, "event ");
    byOwner.set(name, (byOwner.get(name) ?? 0) + 1);
  }
  closeSync(fd);
  return [...byOwner]
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${(n / BOOKS).toFixed(2)} ${name}`)
    .join(", ");
}

/**
 * Replays the recorded books on a fresh copy of `template`, checkpoints off or on; with
 * `owners`, also the frames per book by table or index.
 */
function replay(template: string, checkpoints: boolean, owners = false): Result & { owners?: string } {
  const file = scratchFile("layout-run.db");
  durableCopy(template, file);
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  if (!checkpoints) db.pragma("wal_autocheckpoint = 0");
  const statements = new Map<string, { statement: Database.Statement; kind: string }>();
  const prepared = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = { statement: db.prepare(sql), kind: kindOf(sql) };
      statements.set(sql, s);
    }
    return s;
  };
  const pageSize = db.pragma("page_size", { simple: true }) as number;
  let walFrom = 0;
  const byKind = new Map<string, number>();
  for (let k = 0; k < books.length; k++) {
    if (k === WARM) walFrom = walSize(file);
    const measured = k >= WARM;
    for (const call of books[k]!) {
      const { statement, kind } = prepared(call.sql);
      const started = performance.now();
      try {
        if (call.method === "iterate") for (const _ of statement.iterate(...call.args));
        else statement[call.method](...call.args);
        if (call.threw) throw new Error(`replay: ${call.sql} did not throw as it did in ours`);
      } catch (error) {
        if (!call.threw) throw error;
      }
      if (measured) byKind.set(kind, (byKind.get(kind) ?? 0) + (performance.now() - started) * 1000);
    }
  }
  const out: Result & { owners?: string } = result(
    byKind,
    walSize(file) - Math.max(walFrom, 32),
    pageSize,
    checkpoints,
  );
  if (owners) out.owners = framesByOwner(db, file, walFrom);
  db.close();
  return out;
}

/**
 * The calibration row: ours (`community.booking.book`) on a fresh copy of the base file,
 * the same books, each statement timed in place as book-anatomy.ts times it.
 */
async function inSitu(checkpoints: boolean): Promise<Result> {
  const file = scratchFile("layout-situ.db");
  durableCopy(baseFile, file);
  const { community } = await benchCommunity(sqliteStorage({ filename: file }));
  const book = (k: number) =>
    community.booking.book({ actor: { kind: "resident", id: residentId(k % RESIDENTS) }, ...nthRequest(k) });
  await book(0);
  const db = lastConnection!;
  if (!checkpoints) db.pragma("wal_autocheckpoint = 0");
  for (let k = 1; k < WARM; k++) await book(k);
  const walFrom = walSize(file);
  timing = new Map();
  for (let k = WARM; k < WARM + BOOKS; k++) await book(k);
  const byKind = timing;
  timing = undefined;
  const out = result(
    byKind,
    walSize(file) - Math.max(walFrom, 32),
    db.pragma("page_size", { simple: true }) as number,
    checkpoints,
  );
  await community.close();
  return out;
}

/** The reference row: the hand-written baseline in place, on a fresh copy of its own file. */
async function baseline(checkpoints: boolean): Promise<Result> {
  const file = scratchFile("layout-raw.db");
  durableCopy(rawHistory, file);
  const raw = new RawBooking(file);
  if (!checkpoints) raw.db.pragma("wal_autocheckpoint = 0");
  const book = (k: number) => {
    const r = nthRequest(k);
    return raw.book(residentId(k % RESIDENTS), r.resourceId, r.start.getTime(), r.end.getTime(), NOW);
  };
  for (let k = 0; k < WARM; k++) book(k);
  const walFrom = walSize(file);
  timing = new Map();
  for (let k = WARM; k < WARM + BOOKS; k++) book(k);
  const byKind = timing;
  timing = undefined;
  const out = result(
    byKind,
    walSize(file) - Math.max(walFrom, 32),
    raw.db.pragma("page_size", { simple: true }) as number,
    checkpoints,
  );
  raw.close();
  return out;
}

// ---- 4. Plans of the reads that a variant could take an index from ---------------------

function plans(template: string, name: string): void {
  const db = new Database(template, { readonly: true });
  const show = (label: string, sql: string) => {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
    console.log(`  ${label}: ${plan.join(" | ")}`);
  };
  console.log(`plans on ${name}:`);
  show(
    "listEvents pendingOnly",
    `SELECT * FROM core_event WHERE community_id = 'c' AND seq > 0 AND acked_at IS NULL ORDER BY seq LIMIT 100`,
  );
  show("next seq", `SELECT seq FROM core_event WHERE community_id = 'c' ORDER BY seq DESC LIMIT 1`);
  show(
    "sweep started (status, start)",
    `SELECT * FROM booking_booking WHERE community_id = 'c' AND status = 'confirmed' AND start <= 5 ORDER BY start, id LIMIT 100`,
  );
  show(
    "dueReminders",
    `SELECT * FROM booking_booking WHERE community_id = 'c' AND status = 'confirmed' AND reminded_at IS NULL AND start > 1 AND start <= 5 ORDER BY start, id LIMIT 100`,
  );
  show("series bookings", `SELECT * FROM booking_booking WHERE community_id = 'c' AND series_id = 's'`);
  db.close();
}

// ---- 5. Run, interleaved -----------------------------------------------------------------

const rawHistory = await rawWithHistory(100_000);
const templates = new Map<string, string>();
for (const variant of VARIANTS) {
  const started = performance.now();
  templates.set(variant.name, build(variant));
  console.error(`built ${variant.name} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
for (const [label, name] of [
  ["1 as is", "1  as is"],
  ["C7", "C7 2+3+4a+5a+6+7"],
  ["D", "D  2+3+4c+5c (no read lost)"],
]) {
  const template = templates.get(name!);
  if (template) plans(template, label!);
}

/** The plans of the reads a book runs, on `template`, by SQL. */
function bookPlans(template: string): Map<string, string> {
  const db = new Database(template, { readonly: true });
  const out = new Map<string, string>();
  for (const call of books[WARM]!) {
    if (kindOf(call.sql) !== "reads" || out.has(call.sql)) continue;
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${call.sql}`).all(...call.args) as { detail: string }[];
    out.set(call.sql, rows.map((r) => r.detail).join(" | "));
  }
  db.close();
  return out;
}
const asIsPlans = bookPlans(templates.get("1  as is") ?? baseFile);
console.log("plans of a book's reads, as is:");
for (const [sql, plan] of asIsPlans) console.log(`  ${sql.slice(0, 60)}…: ${plan}`);
for (const v of VARIANTS) {
  for (const [sql, plan] of bookPlans(templates.get(v.name)!))
    if (plan !== asIsPlans.get(sql)) console.log(`  ${v.name}: ${sql.slice(0, 60)}…: ${plan}`);
}

const SITU = "0  as is, ours in place (calibration)";
const RAW = "B  baseline, hand-written, in place";
const results = new Map<string, { off: Result[]; on: number[] }>();
for (const name of [RAW, SITU, ...VARIANTS.map((v) => v.name)]) results.set(name, { off: [], on: [] });
const row = (name: string, r: Result, on: number) =>
  `${name.padEnd(40)} ${r.us.toFixed(0).padStart(6)} ${r.commitUs.toFixed(0).padStart(7)} ${r.insertUs.toFixed(0).padStart(7)} ${r.readUs.toFixed(0).padStart(6)} ${r.frames.toFixed(2).padStart(7)} ${r.walKb.toFixed(1).padStart(6)} ${on.toFixed(0).padStart(8)}`;
const header = `${"variant".padEnd(40)} ${"µs/bk".padStart(6)} ${"COMMIT".padStart(7)} ${"INSERTs".padStart(7)} ${"reads".padStart(6)} ${"frames".padStart(7)} ${"kB".padStart(6)} ${"µs ckpt".padStart(8)}`;
const ownerLines: string[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  console.log(`\nround ${round}: ${execSync("uptime").toString().trim()}`);
  console.log(header);
  // Alternate the order each round (ABC…, …CBA) so that a slow minute does not hit one end only.
  const order = round % 2 === 1 ? VARIANTS : [...VARIANTS].reverse();
  const situ = async () => {
    for (const [name, run] of [
      [RAW, baseline],
      [SITU, inSitu],
    ] as const) {
      const off = await run(false);
      const on = (await run(true)).us;
      results.get(name)!.off.push(off);
      results.get(name)!.on.push(on);
      console.log(row(name, off, on));
    }
  };
  if (round % 2 === 1) await situ();
  for (const v of order) {
    const template = templates.get(v.name)!;
    const off = replay(template, false, round === 1);
    const on = replay(template, true).us;
    const r = results.get(v.name)!;
    r.off.push(off);
    r.on.push(on);
    console.log(row(v.name, off, on));
    if (off.owners) ownerLines.push(`${v.name}: ${off.owners}`);
  }
  if (round % 2 === 0) await situ();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
console.log("\nWAL frames per book by table or index (round 1):");
for (const line of ownerLines) console.log(`  ${line}`);
console.log(`\nmedian of ${ROUNDS} rounds (${BOOKS} books each; ${execSync("uptime").toString().trim()})`);
console.log(header);
for (const [name, r] of results) {
  const m: Result = {
    us: median(r.off.map((x) => x.us)),
    commitUs: median(r.off.map((x) => x.commitUs)),
    insertUs: median(r.off.map((x) => x.insertUs)),
    readUs: median(r.off.map((x) => x.readUs)),
    frames: median(r.off.map((x) => x.frames)),
    walKb: median(r.off.map((x) => x.walKb)),
  };
  console.log(row(name, m, median(r.on)));
}
console.log(`\nfastest of ${ROUNDS} rounds (each column on its own)`);
console.log(header);
for (const [name, r] of results) {
  const m: Result = {
    us: Math.min(...r.off.map((x) => x.us)),
    commitUs: Math.min(...r.off.map((x) => x.commitUs)),
    insertUs: Math.min(...r.off.map((x) => x.insertUs)),
    readUs: Math.min(...r.off.map((x) => x.readUs)),
    frames: Math.min(...r.off.map((x) => x.frames)),
    walKb: Math.min(...r.off.map((x) => x.walKb)),
  };
  console.log(row(name, m, Math.min(...r.on)));
}
