import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StorageAdapter } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { bookingModel } from "./booking-models";
import { cst, desk, resident, wangjialong, withCourtyardHall } from "../test/wangjialong-fixture";

const dir = mkdtempSync(join(tmpdir(), "linli-booking-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const adapters: Array<[string, () => StorageAdapter]> = [
  ["memory", () => memoryStorage()],
  ["sqlite", () => sqliteStorage({ filename: join(dir, `race-${Date.now()}-${Math.random()}.db`) })],
];

const hallConfig = () => withCourtyardHall();

describe.each(adapters)("50 concurrent callers for a capacity-2 slot on %s", (_name, storage) => {
  test("exactly 2 are confirmed; the other 48 are told the slot is full", async () => {
    const callers = Array.from({ length: 50 }, (_, i) => `caller-${i}`);
    const { community } = await wangjialong({ config: hallConfig(), storage: storage(), residents: callers });
    const outcomes = await Promise.all(
      callers.map((id, i) =>
        community.booking.book({
          // Half book for themselves, half are booked by the desk on their behalf.
          actor: i % 2 === 0 ? resident(id) : desk,
          ...(i % 2 === 0 ? {} : { forResident: id }),
          resourceId: "courtyard-hall",
          start: cst("2026-07-06T14:00"),
          end: cst("2026-07-06T16:00"),
        }),
      ),
    );
    expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
    for (const o of outcomes.filter((x) => !x.ok)) {
      if (o.ok) continue;
      expect(o.violations.map((v) => v.code)).toEqual(["CAPACITY_FULL"]);
      expect(o.waitlistable).toBe(true);
    }
    const stored = await community.booking.list({ actor: desk, resourceId: "courtyard-hall" });
    expect(stored.filter((b) => b.status === "confirmed")).toHaveLength(2);
    const confirmedEvents = await community.events.list({ actor: desk, types: ["BookingConfirmed"] });
    expect(confirmedEvents).toHaveLength(2);
    await community.close();
  });

  test("overlapping (not identical) requests: the peak never exceeds 2", async () => {
    const callers = Array.from({ length: 30 }, (_, i) => `caller-${i}`);
    const { community } = await wangjialong({ config: hallConfig(), storage: storage(), residents: callers });
    await Promise.all(
      callers.map((id, i) =>
        community.booking.book({
          actor: resident(id),
          resourceId: "courtyard-hall",
          start: cst(`2026-07-06T${String(8 + (i % 6)).padStart(2, "0")}:00`),
          end: cst(`2026-07-06T${String(9 + (i % 6) + (i % 3)).padStart(2, "0")}:00`),
        }),
      ),
    );
    const held = (await community.booking.list({ actor: desk, resourceId: "courtyard-hall" })).filter(
      (b) => b.status === "confirmed",
    );
    for (const b of held) {
      const at = b.start.getTime();
      const load = held.filter((o) => o.start.getTime() <= at && o.end.getTime() > at).length;
      expect(load).toBeLessThanOrEqual(2);
    }
    expect(held.length).toBeGreaterThan(0);
    await community.close();
  });
});

test("a retried booking with the same idempotency key books once and returns the same booking", async () => {
  const { community } = await wangjialong();
  const ask = () =>
    community.booking.book({
      actor: desk,
      forResident: "wang",
      idempotencyKey: "wechat-msg-8812",
      resourceId: "dryer-1",
      start: cst("2026-07-06T09:00"),
      end: cst("2026-07-06T10:00"),
    });
  const [a, b] = await Promise.all([ask(), ask()]);
  expect(a.ok && b.ok && a.booking.id === b.booking.id).toBe(true);
  expect(await community.booking.list({ actor: desk, resourceId: "dryer-1" })).toHaveLength(1);
  expect(bookingModel.name).toBe("booking_booking");
});

test("50 callers in 5 processes sharing one SQLite file: exactly 2 confirmed", async () => {
  const filename = join(dir, "multi-process.db");
  const callers = Array.from({ length: 50 }, (_, i) => `caller-${i}`);
  const { community } = await wangjialong({
    config: hallConfig(),
    storage: sqliteStorage({ filename }),
    residents: callers,
  });
  await community.close();
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const script = fileURLToPath(new URL("../test/workers/book-worker.ts", import.meta.url));
  const workers: ChildProcess[] = Array.from({ length: 5 }, (_, w) =>
    fork(script, [filename, String(w * 10), "10"], {
      cwd: root,
      execArgv: ["--conditions=@linli/source", "--import", "tsx"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  const message = (child: ChildProcess, type: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      child.on("message", (m: Record<string, unknown>) => m.type === type && resolve(m));
      child.once("exit", (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
    });
  await Promise.all(workers.map((w) => message(w, "ready")));
  const done = workers.map((w) => message(w, "done"));
  for (const w of workers) w.send("go");
  const results = await Promise.all(done);
  expect(results.reduce((n, r) => n + (r.confirmed as number), 0)).toBe(2);
  for (const r of results) for (const code of r.codes as string[]) expect(code).toBe("CAPACITY_FULL");
  const check = await wangjialong({
    config: hallConfig(),
    storage: sqliteStorage({ filename }),
    residents: [],
  });
  const held = await check.community.booking.list({ actor: desk, resourceId: "courtyard-hall" });
  expect(held.filter((b) => b.status === "confirmed")).toHaveLength(2);
  await check.community.close();
}, 60_000);
