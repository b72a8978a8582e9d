import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCommunity, isLinliError, manualClock } from "@linli/core";
import { memoryStorage } from "@linli/storage-memory";
import { sqliteStorage } from "@linli/storage-sqlite";
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";
import { bookingPlugin } from "./booking-plugin";

const dir = mkdtempSync(join(tmpdir(), "linli-channel-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const morning = { start: cst("2026-07-06T09:00"), end: cst("2026-07-06T10:00") };

describe("booking channels", () => {
  test("the desk records that Mrs Wang phoned: on the booking, in BookingRequested, in get and list", async () => {
    const { community } = await wangjialong();
    const outcome = await community.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "dryer-1",
      channel: "phone",
      ...morning,
    });
    if (!outcome.ok) throw new Error("expected a booking");
    expect(outcome.booking.channel).toBe("phone");
    const requested = (await community.events.list({ actor: desk })).find(
      (e) => e.type === "BookingRequested",
    );
    expect(requested!.payload).toMatchObject({ bookingId: outcome.booking.id, channel: "phone" });
    const seen = await community.booking.get({ actor: desk, bookingId: outcome.booking.id });
    expect(seen.channel).toBe("phone");
    const listed = await community.booking.list({ actor: desk });
    expect(listed.map((b) => [b.residentId, b.channel])).toEqual([["wang", "phone"]]);
    // Without a channel nothing is recorded.
    const own = await community.booking.book({ actor: resident("li"), resourceId: "dryer-2", ...morning });
    expect(own.ok && own.booking.channel).toBeNull();
  });

  test("a channel that is not configured is UNKNOWN_CHANNEL, with nothing written", async () => {
    const { community } = await wangjialong();
    const before = await community.events.list({ actor: desk });
    const error = await community.booking
      .book({
        actor: desk,
        forResident: "wang",
        resourceId: "dryer-1",
        channel: "carrier-pigeon",
        ...morning,
      })
      .catch((e) => e);
    expect(isLinliError(error, "UNKNOWN_CHANNEL")).toBe(true);
    expect(error.message).toContain("carrier-pigeon");
    expect(error.messages["zh-CN"]).toContain("desk, phone, wechat, app");
    expect(await community.events.list({ actor: desk })).toEqual(before);
    expect(await community.booking.list({ actor: desk })).toEqual([]);
  });

  test("a community lists its own channels; duplicates are a config problem", async () => {
    const rules = wangjialongConfig().booking?.rules;
    const own = wangjialongConfig({ booking: { rules, channels: ["desk", "mini-program"] } });
    const { community } = await wangjialong({ config: own });
    const viaApp = await community.booking.book({
      actor: resident("li"),
      resourceId: "dryer-1",
      channel: "mini-program",
      ...morning,
    });
    expect(viaApp.ok && viaApp.booking.channel).toBe("mini-program");
    const phone = await community.booking
      .book({ actor: resident("li"), resourceId: "dryer-2", channel: "phone", ...morning })
      .catch((e) => e);
    expect(isLinliError(phone, "UNKNOWN_CHANNEL")).toBe(true);

    const twice = wangjialongConfig({ booking: { rules, channels: ["desk", "desk"] } });
    const error = await createCommunity({
      config: twice,
      storage: memoryStorage(),
      plugins: [bookingPlugin()],
    }).catch((e) => e);
    expect((error.details.problems as { code: string; path: string }[]).map((p) => [p.code, p.path])).toEqual(
      [["DUPLICATE_ID", "booking.channels[1]"]],
    );
  });

  test("a rescheduled booking keeps its channel unless told otherwise; a series records it on every booking", async () => {
    const { community } = await wangjialong();
    const first = await community.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "dryer-1",
      channel: "wechat",
      ...morning,
    });
    if (!first.ok) throw new Error("expected a booking");
    const moved = await community.booking.reschedule({
      actor: desk,
      bookingId: first.booking.id,
      start: cst("2026-07-06T10:00"),
      end: cst("2026-07-06T11:00"),
    });
    expect(moved.ok && moved.booking.channel).toBe("wechat");
    if (!moved.ok) return;
    const again = await community.booking.reschedule({
      actor: desk,
      bookingId: moved.booking.id,
      start: cst("2026-07-06T15:00"),
      end: cst("2026-07-06T16:00"),
      channel: "desk",
    });
    expect(again.ok && again.booking.channel).toBe("desk");

    const series = await community.booking.bookSeries({
      actor: desk,
      forResident: "li",
      resourceId: "gym",
      rrule: "FREQ=DAILY;COUNT=2",
      start: cst("2026-07-07T07:00"),
      end: cst("2026-07-07T08:00"),
      channel: "phone",
    });
    expect(series.ok && series.booked.map((b) => b.channel)).toEqual(["phone", "phone"]);
  });

  test("a database written before channels existed gains the column on setup; old bookings read null", async () => {
    const filename = join(dir, "before-channels.db");
    const open = () =>
      createCommunity({
        config: wangjialongConfig(),
        storage: sqliteStorage({ filename }),
        plugins: [bookingPlugin()],
        clock: manualClock("2026-07-06T00:00:00Z"),
      });
    const first = await open();
    await first.residents.register({ actor: desk, id: "wang", name: "王奶奶" });
    const old = await first.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "dryer-1",
      ...morning,
    });
    await first.close();
    // Make the file what an earlier version wrote: no channel column, and not in the model registry.
    const db = new Database(filename);
    db.exec("ALTER TABLE booking_booking DROP COLUMN channel");
    const row = db.prepare("SELECT columns FROM linli_model WHERE name = 'booking_booking'").get() as {
      columns: string;
    };
    const columns = (JSON.parse(row.columns) as { column: string }[]).filter((c) => c.column !== "channel");
    db.prepare("UPDATE linli_model SET columns = ? WHERE name = 'booking_booking'").run(
      JSON.stringify(columns),
    );
    db.close();

    const second = await open();
    const oldId = old.ok ? old.booking.id : "";
    expect((await second.booking.get({ actor: desk, bookingId: oldId })).channel).toBeNull();
    const fresh = await second.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "dryer-2",
      channel: "phone",
      start: cst("2026-07-06T15:00"),
      end: cst("2026-07-06T16:00"),
    });
    expect(fresh.ok && fresh.booking.channel).toBe("phone");
    await second.close();
  });
});
