import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";

describe("the shared drying room", () => {
  test("Mrs Wang books a dryer by phone; the desk clerk books it for her and both are recorded", async () => {
    const { community } = await wangjialong();
    const outcome = await community.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "dryer-1",
      start: cst("2026-07-06T09:00"),
      end: cst("2026-07-06T10:00"),
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.booking).toMatchObject({
      residentId: "wang",
      actorKind: "staff",
      actorId: "desk-1",
      status: "confirmed",
    });
    const events = await community.events.list({ actor: desk });
    expect(events.map((e) => e.type)).toEqual([
      "ResidentRegistered",
      "ResidentRegistered",
      "ResidentRegistered",
      "ResidentRegistered",
      "ResidentRegistered",
      "BookingRequested",
      "BookingConfirmed",
    ]);
    expect(events.at(-1)!.payload).toEqual({
      bookingId: outcome.booking.id,
      resourceId: "dryer-1",
      residentId: "wang",
      start: "2026-07-06T01:00:00.000Z",
      end: "2026-07-06T02:00:00.000Z",
      quantity: 1,
    });
  });

  test("two uses a day across both machines: the third is refused with the quota named", async () => {
    const { community } = await wangjialong();
    const book = (resourceId: string, from: string, to: string) =>
      community.booking.book({ actor: resident("li"), resourceId, start: cst(from), end: cst(to) });
    expect((await book("dryer-1", "2026-07-06T09:00", "2026-07-06T10:00")).ok).toBe(true);
    expect((await book("dryer-2", "2026-07-06T15:00", "2026-07-06T16:00")).ok).toBe(true);
    const third = await book("dryer-2", "2026-07-06T17:00", "2026-07-06T18:00");
    expect(third.ok).toBe(false);
    if (third.ok) return;
    expect(third.violations.map((v) => [v.code, v.rule])).toEqual([["QUOTA_EXCEEDED", "drying-daily-quota"]]);
    expect(third.violations[0]!.message["zh-CN"]).toBe("每天最多预约 2 次，已预约 2 次");
    // The next local day is a new day.
    expect((await book("dryer-2", "2026-07-07T09:00", "2026-07-07T10:00")).ok).toBe(true);
  });

  test("a request breaking several rules lists every reason", async () => {
    const { community } = await wangjialong();
    const outcome = await community.booking.book({
      actor: resident("li"),
      resourceId: "dryer-1",
      start: cst("2026-07-06T11:45"),
      end: cst("2026-07-06T14:15"),
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.violations.map((v) => v.code).sort()).toEqual([
      "OFF_GRID",
      "OUTSIDE_OPENING_HOURS",
      "TOO_LONG",
    ]);
    for (const v of outcome.violations) {
      expect(v.message["zh-CN"]).not.toMatch(/\{/);
      expect(v.message.en).not.toMatch(/\{/);
    }
  });
});
