import { bookingPlugin } from "@linli/booking";
import { type CommunityConfigInput, createCommunity, manualClock, sequentialIds } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { compare } from "./report";

// A year of daily bookings for one resident on memory storage: one `bookSeries` call
// (FREQ=DAILY;COUNT=366) against the same 366 occurrences booked by 366 `book` calls. Each run
// starts from a fresh community, built outside the measured time (`beforeEach`), where another
// resident already holds the room every day; both sides are judged against the same rules:
// opening hours, a 30-minute grid, a duration, a daily quota, a 10-minute turnover buffer and
// capacity 2. The series reads the bookings once (SeriesSnapshot); each `book` reads them
// afresh, as the series did before (1.5–2.1 s a series then, measured with this setup).
const OCCURRENCES = 366;
const FIRST = Date.parse("2026-07-01T01:00:00Z"); // 09:00 in Asia/Shanghai
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const desk = { kind: "staff", id: "desk-1" } as const;

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const config: CommunityConfigInput<readonly [ReturnType<typeof bookingPlugin>]> = {
  members: [{ id: "desk-1", kind: "staff" }],
  community: {
    id: "bench",
    name: text("基准社区", "Bench community"),
    timeZone: "Asia/Shanghai",
    currency: "CNY",
  },
  resources: [{ id: "room", kind: "space", name: text("活动室", "Room"), capacity: 2 }],
  booking: {
    rules: [
      {
        id: "hours",
        kind: "opening-hours",
        weekly: Object.fromEntries(
          ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].map((d) => [d, [{ from: "08:00", to: "20:00" }]]),
        ),
      },
      { id: "grid", kind: "slot-grid", granularityMinutes: 30 },
      { id: "length", kind: "duration", minMinutes: 30, maxMinutes: 120 },
      { id: "daily", kind: "quota", period: "day", max: 2 },
      { id: "turnover", kind: "buffers", afterMinutes: 10 },
    ],
  },
};

/** A community where another resident already holds the room at 12:00 every day of the year. */
async function community() {
  const c = await createCommunity({
    config,
    storage: memoryStorage(),
    plugins: [bookingPlugin()],
    clock: manualClock("2026-06-30T00:00:00Z"),
    ids: sequentialIds(),
  });
  for (const id of ["wang", "li"]) await c.residents.register({ actor: desk, id, name: id });
  await c.booking.bookSeries({
    actor: desk,
    forResident: "li",
    resourceId: "room",
    rrule: `FREQ=DAILY;COUNT=${OCCURRENCES}`,
    start: new Date(FIRST + 3 * HOUR_MS),
    end: new Date(FIRST + 4 * HOUR_MS),
  });
  return c;
}

type Answer = string[];
type Community = Awaited<ReturnType<typeof community>>;

let fresh: Community | undefined;
const prepare = async () => {
  fresh = await community();
};
const take = (): Community => {
  const c = fresh;
  fresh = undefined;
  if (!c) throw new Error("no fresh community: beforeEach did not run");
  return c;
};

async function series(): Promise<Answer> {
  const outcome = await take().booking.bookSeries({
    actor: desk,
    forResident: "wang",
    resourceId: "room",
    rrule: `FREQ=DAILY;COUNT=${OCCURRENCES}`,
    start: new Date(FIRST),
    end: new Date(FIRST + HOUR_MS),
  });
  if (!outcome.ok) throw new Error("series refused");
  return outcome.booked.map((b) => b.start.toISOString());
}

async function singles(): Promise<Answer> {
  const c = take();
  const out: string[] = [];
  for (let k = 0; k < OCCURRENCES; k++) {
    const outcome = await c.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "room",
      start: new Date(FIRST + k * DAY_MS),
      end: new Date(FIRST + k * DAY_MS + HOUR_MS),
    });
    if (outcome.ok) out.push(outcome.booking.start.toISOString());
  }
  return out;
}

export default () =>
  compare({
    id: "booking.recurrence.series-366",
    unit: "ms",
    params: {
      occurrences: OCCURRENCES,
      rrule: `FREQ=DAILY;COUNT=${OCCURRENCES}`,
      storage: "memory",
      rules: ["opening-hours", "slot-grid", "duration", "quota", "buffers", "capacity"],
      existingBookings: OCCURRENCES,
    },
    ours: { name: "bookSeries", run: series, beforeEach: prepare },
    baseline: { name: "366×book", run: singles, beforeEach: prepare },
    iterations: 10,
    time: 1000,
    warmupTime: 0,
  });
