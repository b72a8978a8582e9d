import { availableSlots, type FreeSlot } from "@linli/booking";
import { sqliteStorage } from "@linli/storage-sqlite";
import { benchCommunity } from "./lib/community";
import { DAY, history, NOW, RESIDENTS, RESOURCES, residentId, roomId } from "./lib/fixture";
import { benchRules, factsIn, kinds, room } from "./lib/pure-rules";
import { seed } from "./lib/seed";
import { cachedSqlite } from "./lib/storage-cache";
import { compare } from "./report";

// A resident's "everything free this week": `community.booking.availability` for the group
// of 50 rooms over 7 days (opening hours, `slot-grid`), on a SQLite file holding 100,000
// bookings from eleven months ago to a month ahead. Baseline: the pure `availableSlots` per
// room on the same rows already in memory. Target: under 20 ms.
const WINDOW_START = NOW + DAY;
const WINDOW_END = WINDOW_START + 7 * DAY;
const bookings = () =>
  history({
    count: 100_000,
    resources: [...Array(RESOURCES).keys()],
    from: NOW - 335 * DAY,
    days: 365,
    seed: 31,
    maxQuarters: 4,
    idPrefix: "wk",
  });

type Answer = string[];

export default async () => {
  const filename = await cachedSqlite("availability-week-50", async (f) => {
    const storage = sqliteStorage({ filename: f });
    const { community } = await benchCommunity(storage);
    await seed(storage, { residents: RESIDENTS, bookings: bookings() });
    await community.close();
  });
  const { community } = await benchCommunity(sqliteStorage({ filename }));
  const actor = { kind: "resident", id: residentId(42) } as const;
  // Each side returns its slots as it computes them; `normalize` (outside the timed runs)
  // turns both into the same strings for the equality check.
  const ours = () =>
    community.booking.availability({
      actor,
      resourceGroupId: "rooms",
      start: new Date(WINDOW_START),
      end: new Date(WINDOW_END),
    });
  const rows = factsIn(bookings(), WINDOW_START - DAY, WINDOW_END + DAY);
  const byRoom = Array.from({ length: RESOURCES }, (_, r) => rows.filter((b) => b.resourceId === roomId(r)));
  const pure = () =>
    byRoom.map((list, r) => ({
      resourceId: roomId(r),
      slots: availableSlots({
        resource: room(roomId(r)),
        rules: benchRules,
        kinds,
        timeZone: "Asia/Shanghai",
        now: new Date(NOW),
        start: new Date(WINDOW_START),
        end: new Date(WINDOW_END),
        bookings: list,
        who: { actorKind: "resident", residentId: actor.id, groups: [] },
      }),
    }));
  const normalize = (answer: readonly { resourceId: string; slots: readonly FreeSlot[] }[]): Answer =>
    answer.flatMap((r) => r.slots.map((s) => `${r.resourceId}@${s.start.toISOString()}/${s.remaining}`));
  await compare({
    id: "booking.availability.week-50",
    unit: "ms",
    params: {
      adapter: "sqlite file",
      resources: RESOURCES,
      days: 7,
      granularityMin: 15,
      bookings: 100_000,
      rowsInWindow: rows.length,
      rules: "opening-hours, slot-grid 15, duration",
    },
    ours: { name: "linli-community.booking.availability", run: ours },
    baseline: { name: "pure-availableSlots-rows-in-memory", run: pure },
    normalize,
    extra: { targets: { medianMs: 20 } },
  });
  await community.close();
};
