import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { deskDay } from "./desk-day";

const dir = mkdtempSync(join(tmpdir(), "linli-desk-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("a morning at the desk: on-behalf booking, eligibility prices, a refused third use, a reversed charge", async () => {
  const file = join(dir, "desk.db");
  const r = await deskDay(file);
  expect(r.wang.booking).toMatchObject({ actorKind: "staff", actorId: "desk-1", status: "confirmed" });
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
