import { isLinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";
import { writeIcs } from "./ics-calendar";

describe("calendars are bounded reads", () => {
  test("writeIcs takes 130k events without overflowing the call stack", () => {
    const base = Date.UTC(2026, 0, 1);
    const events = Array.from({ length: 130_000 }, (_, i) => ({
      uid: `b-${i}@linli`,
      start: new Date(base + i * 60_000),
      end: new Date(base + i * 60_000 + 30_000),
      summary: "Dryer",
    }));
    const text = writeIcs({ name: "big", timeZone: "Asia/Shanghai", events, stamp: new Date(base) });
    expect(text.split("BEGIN:VEVENT").length - 1).toBe(130_000);
  });

  test("a window over 366 days is refused; without one a calendar covers a month back and a year ahead", async () => {
    const { community, clock } = await wangjialong({ start: "2026-01-01T00:00:00Z" });
    const old = await community.booking.book({
      actor: resident("wang"),
      resourceId: "library",
      start: cst("2026-01-02T10:00"),
      end: cst("2026-01-02T11:00"),
    });
    expect(old.ok).toBe(true);
    clock.set("2026-07-01T00:00:00Z");
    const soon = await community.booking.book({
      actor: resident("wang"),
      resourceId: "library",
      start: cst("2026-07-02T10:00"),
      end: cst("2026-07-02T11:00"),
    });
    expect(soon.ok).toBe(true);
    const tooLong = await community.booking
      .resourceCalendar({
        actor: desk,
        resourceId: "library",
        start: "2025-01-01T00:00:00Z",
        end: "2026-12-31T00:00:00Z",
      })
      .catch((e: unknown) => e);
    expect(isLinliError(tooLong, "CALENDAR_WINDOW_TOO_LONG")).toBe(true);
    const mine = await community.booking.residentCalendar({ actor: resident("wang") });
    expect(mine.split("BEGIN:VEVENT").length - 1).toBe(1); // January is beyond a month back
    const january = await community.booking.residentCalendar({
      actor: resident("wang"),
      start: "2026-01-01T00:00:00Z",
      end: "2026-02-01T00:00:00Z",
    });
    expect(january.split("BEGIN:VEVENT").length - 1).toBe(1);
  });
});
