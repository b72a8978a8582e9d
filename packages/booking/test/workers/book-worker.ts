/**
 * A worker process of the multi-process booking race: opens the shared SQLite file as its own
 * community instance, waits for "go", then books the same courtyard-hall slot for each of its
 * callers at once, and reports how many were confirmed.
 *
 * argv: <filename> <first caller index> <callers>
 */
import { createCommunity, manualClock } from "@linli/core";
import { sqliteStorage } from "@linli/storage-sqlite";
import { bookingPlugin } from "../../src/booking-plugin";
import { desk, withCourtyardHall } from "../wangjialong-fixture";

const [filename, firstArg, countArg] = process.argv.slice(2);
const first = Number(firstArg);
const count = Number(countArg);

const community = await createCommunity({
  config: withCourtyardHall(),
  storage: sqliteStorage({ filename: filename!, busyTimeoutMs: 20_000 }),
  plugins: [bookingPlugin()],
  clock: manualClock("2026-07-06T00:00:00Z"),
  // Random ids: every process writes to the same tables.
});

const go = new Promise<void>((resolve) => process.once("message", () => resolve()));
process.send!({ type: "ready" });
await go;

const outcomes = await Promise.all(
  Array.from({ length: count }, (_, i) =>
    community.booking.book({
      actor: desk,
      forResident: `caller-${first + i}`,
      resourceId: "courtyard-hall",
      start: "2026-07-06T06:00:00Z",
      end: "2026-07-06T08:00:00Z",
    }),
  ),
);
const confirmed = outcomes.filter((o) => o.ok).length;
const codes = [...new Set(outcomes.flatMap((o) => (o.ok ? [] : o.violations.map((v) => v.code))))];
await community.close();
process.send!({ type: "done", confirmed, codes }, () => process.disconnect());
