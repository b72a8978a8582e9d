import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";

describe("a resident acts only under a registered id", () => {
  test("an unknown resident id can neither book, join a waitlist, book a series nor read; nothing is written", async () => {
    const { community } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const ghost = resident("no-such-resident");
    const slot = { resourceId: "library", start: cst("2026-07-02T10:00"), end: cst("2026-07-02T11:00") };
    const attempts = [
      () => community.booking.book({ actor: ghost, ...slot }),
      () => community.booking.waitlist.join({ actor: ghost, ...slot }),
      () =>
        community.booking.bookSeries({
          actor: ghost,
          ...slot,
          rrule: "FREQ=WEEKLY;COUNT=3",
        }),
      () => community.booking.list({ actor: ghost }),
      () => community.booking.cancel({ actor: ghost, bookingId: "b-1" }),
    ];
    for (const attempt of attempts) {
      await expect(attempt()).rejects.toMatchObject({
        code: "UNKNOWN_ACTOR",
        messages: {
          en: "The acting person is not a registered, active resident or member of this community",
        },
      });
    }
    expect(await community.booking.list({ actor: desk })).toEqual([]);
    const types = new Set((await community.events.list({ actor: desk })).map((e) => e.type));
    expect([...types]).toEqual(["ResidentRegistered"]);
    // The same request from a registered resident goes through.
    const ok = await community.booking.book({ actor: resident("wang"), ...slot });
    expect(ok.ok).toBe(true);
  });
});
