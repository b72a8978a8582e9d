import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { deskDay } from "./desk-day";

const dir = mkdtempSync(join(tmpdir(), "linli-desk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a morning at the desk: on-behalf booking, eligibility prices, a refused third use, a reversed charge", async () => {
  const file = join(dir, "desk.db");
  const r = await deskDay(file);
  expect(r.wang.booking).toMatchObject({
    actorKind: "staff",
    actorId: "desk-1",
    status: "confirmed",
    channel: "phone",
  });
  expect(r.wang.total).toEqual({ amount: 0, currency: "CNY" });
  expect(r.wang.lines).toEqual(["PER_USE", "TIER_FREE"]);
  expect(r.wang.balance).toBe(0);
  expect(r.li.total).toEqual({ amount: 100, currency: "CNY" });
  expect(r.li.balance).toBe(100); // two uses charged, one reversed
  expect(r.refusal).toEqual([
    { "zh-CN": "每天最多预约 2 次，已预约 2 次", en: expect.stringContaining("2") },
  ]);
  expect(r.events.filter((t) => t === "BookingConfirmed")).toHaveLength(3);
  expect(r.events).toContain("BookingCancelled");

  // Everything is really in the file: reopen it with plain SQLite.
  const db = new Database(file, { readonly: true });
  const bookings = db.prepare("select count(*) as n from booking_booking").get() as { n: number };
  db.close();
  expect(bookings.n).toBe(3);
});

it("runs any number of times: each run on its own temporary file, removed afterwards", async () => {
  const first = await deskDay();
  const second = await deskDay();
  expect(second.filename).not.toBe(first.filename);
  for (const r of [first, second]) {
    expect(existsSync(r.filename)).toBe(false);
    expect(r.wang.lines).toEqual(["PER_USE", "TIER_FREE"]);
  }
  const { filename: _a, ...one } = first;
  const { filename: _b, ...two } = second;
  expect(two).toEqual(one);
});

it("a file that already exists is refused before anything is written", async () => {
  const file = join(dir, "kept.db");
  await deskDay(file);
  const before = statSync(file).mtimeMs;
  await expect(deskDay(file)).rejects.toThrow("already exists");
  expect(statSync(file).mtimeMs).toBe(before);
});

it("the command line runs twice in a row and leaves no file behind", () => {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;
  const script = fileURLToPath(new URL("./desk-day.ts", import.meta.url));
  const cwd = mkdtempSync(join(tmpdir(), "linli-desk-cwd-"));
  try {
    for (let run = 1; run <= 2; run++) {
      const result = spawnSync(process.execPath, ["--conditions=@linli/source", "--import", tsx, script], {
        cwd,
        encoding: "utf8",
      });
      expect(result.status, `run ${run}: ${result.stderr}`).toBe(0);
      expect(result.stdout).toContain("Third booking refused: 每天最多预约 2 次，已预约 2 次");
    }
    expect(readdirSync(cwd)).toEqual([]);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}, 90_000); // two Node processes compiling TypeScript on a shared machine
