import { availableSlots } from "@linli/booking";
import { sqliteStorage } from "@linli/storage-sqlite";
import { benchCommunity } from "./lib/community";
import { DAY, history, NOW, RESIDENTS, residentId } from "./lib/fixture";
import { benchRules, factsIn, kinds, room } from "./lib/pure-rules";
import { seed } from "./lib/seed";
import { cachedSqlite } from "./lib/storage-cache";
import { compare } from "./report";

// `community.booking.availability` as a resident asks for one room's free 15-minute slots
// over 30 days (opening hours, a `slot-grid` rule), on a SQLite file holding 10,000
// bookings of the room in the year around the window and 100,000 older ones (ten years).
// Baseline: the pure `availableSlots` on the same rows already in memory (those the query
// needs: the room's bookings overlapping the window), so the ratio is what reading them
// through the API costs on top of the sweep.
const WINDOW_START = NOW;
const WINDOW_END = NOW + 30 * DAY;
const thisYear = () =>
  history({
    count: 10_000,
    resources: [0],
    from: NOW - 200 * DAY,
    days: 365,
    seed: 21,
    maxQuarters: 2,
    idPrefix: "year",
  });
const older = () =>
  history({
    count: 100_000,
    resources: [0],
    from: NOW - 200 * DAY - 3650 * DAY,
    days: 3650,
    seed: 22,
    maxQuarters: 2,
    idPrefix: "old",
  });

type Answer = string[];

export default async () => {
  const filename = await cachedSqlite("availability-month", async (f) => {
    const storage = sqliteStorage({ filename: f });
    const { community } = await benchCommunity(storage);
    await seed(storage, { residents: RESIDENTS, bookings: [...older(), ...thisYear()] });
    await community.close();
  });
  const { community } = await benchCommunity(sqliteStorage({ filename }));
  const actor = { kind: "resident", id: residentId(7) } as const;
  const ours = async (): Promise<Answer> => {
    const [one] = await community.booking.availability({
      actor,
      resourceId: "room-00",
      start: new Date(WINDOW_START),
      end: new Date(WINDOW_END),
    });
    return one!.slots.map((s) => `${s.start.toISOString()}/${s.remaining}`);
  };
  const rows = factsIn(thisYear(), WINDOW_START - DAY, WINDOW_END + DAY);
  const resource = room("room-00");
  const pure = (): Answer =>
    availableSlots({
      resource,
      rules: benchRules,
      kinds,
      timeZone: "Asia/Shanghai",
      now: new Date(NOW),
      start: new Date(WINDOW_START),
      end: new Date(WINDOW_END),
      bookings: rows,
      who: { actorKind: "resident", residentId: actor.id, groups: [] },
    }).map((s) => `${s.start.toISOString()}/${s.remaining}`);
  await compare({
    id: "booking.availability.api-month",
    unit: "ms",
    params: {
      adapter: "sqlite file",
      days: 30,
      granularityMin: 15,
      bookingsThatYear: 10_000,
      bookingsOlder: 100_000,
      rowsInWindow: rows.length,
      rules: "opening-hours, slot-grid 15, duration",
    },
    ours: { name: "linli-community.booking.availability", run: ours },
    baseline: { name: "pure-availableSlots-rows-in-memory", run: pure },
    extra: { targets: { ratio: 0.5, medianMs: 5 } },
  });
  await community.close();
};
