import { sqliteStorage } from "@linli/storage-sqlite";
import { benchCommunity } from "./lib/community";
import { DAY, NOW, nthRequest, RESIDENTS, RESOURCES, residentId, YEAR } from "./lib/fixture";
import { pastYear } from "./lib/growth";
import { RawBooking } from "./lib/raw-booking";
import { seed } from "./lib/seed";
import { cachedSqlite } from "./lib/storage-cache";
import { compare } from "./report";

// `community.booking.book` as a resident books a room (auto-confirmed) on a SQLite file that
// holds a year of the community's use: 5,800 residents, 50 rooms, 100,000 past bookings and
// their 200,000 outbox events. Baseline: the same job written by hand on better-sqlite3
// (lib/raw-booking.ts) on a file holding the same history.
const HISTORY = 100_000;

/** The SQLite file with the community and its history, built once and cached. */
export async function sqliteWithHistory(count: number): Promise<string> {
  return cachedSqlite(`booking-history-${count}`, async (filename) => {
    const storage = sqliteStorage({ filename });
    const { community } = await benchCommunity(storage);
    await seed(storage, {
      residents: RESIDENTS,
      bookings: pastYear(count),
    });
    await community.close();
  });
}

/** The hand-written baseline's SQLite file with the same history, built once and cached. */
export function rawWithHistory(count: number): Promise<string> {
  return cachedSqlite(`booking-raw-${count}`, async (f) => {
    const db = new RawBooking(f);
    db.load(pastYear(count));
    db.close();
  });
}

type Answer = { ok: boolean; status?: string };

export default async () => {
  const { community } = await benchCommunity(sqliteStorage({ filename: await sqliteWithHistory(HISTORY) }));
  const raw = new RawBooking(await rawWithHistory(HISTORY));
  let ourK = 0;
  let rawK = 0;
  const ours = async (): Promise<Answer> => {
    const k = ourK++;
    const r = nthRequest(k);
    const out = await community.booking.book({
      actor: { kind: "resident", id: residentId(k % RESIDENTS) },
      ...r,
    });
    return out.ok ? { ok: true, status: out.booking.status } : { ok: false };
  };
  const baseline = (): Answer => {
    const k = rawK++;
    const r = nthRequest(k);
    const out = raw.book(residentId(k % RESIDENTS), r.resourceId, r.start.getTime(), r.end.getTime(), NOW);
    return out.ok ? { ok: true, status: out.status } : { ok: false };
  };
  await compare({
    id: "booking.book.sqlite",
    unit: "ops/s",
    params: {
      residents: RESIDENTS,
      resources: RESOURCES,
      historyBookings: HISTORY,
      historyEvents: 2 * HISTORY,
      adapter: "sqlite file, WAL, synchronous NORMAL",
      rules: "opening-hours, slot-grid 15, duration 15-240",
    },
    ours: { name: "linli-community.booking.book", run: ours },
    baseline: { name: "hand-written-better-sqlite3", run: baseline },
    extra: { targets: { ratio: 0.5 }, historyDays: YEAR / DAY },
  });
  await community.close();
  raw.close();
};
