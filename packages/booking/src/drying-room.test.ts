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

  test("the desk checks before booking, and availability across the room honours Mrs Li's quota", async () => {
    const { community } = await wangjialong();
    const ask = { resourceId: "dryer-1", start: cst("2026-07-06T09:00"), end: cst("2026-07-06T10:00") };
    expect(await community.booking.check({ actor: desk, forResident: "li", ...ask })).toEqual({
      ok: true,
      violations: [],
      requiresApproval: false,
    });
    expect(await community.booking.list({ actor: desk })).toEqual([]);
    await community.booking.book({ actor: desk, forResident: "li", ...ask });
    const room = await community.booking.availability({
      actor: resident("li"),
      resourceGroupId: "drying-room",
      start: cst("2026-07-06T08:00"),
      end: cst("2026-07-06T12:00"),
      durationMinutes: 60,
    });
    const starts = (i: number) => room[i]!.slots.map((s) => s.start.toISOString().slice(11, 16));
    expect(room.map((r) => r.resourceId)).toEqual(["dryer-1", "dryer-2"]);
    // On dryer-1, 09:00–10:00 is hers; 08:30 and 09:30 would overlap it. Both dryers close at 12:00.
    expect(starts(0)).toEqual(["00:00", "02:00", "02:30", "03:00"]);
    expect(starts(1)).toEqual(["00:00", "00:30", "01:00", "01:30", "02:00", "02:30", "03:00"]);
    await community.booking.book({
      actor: resident("li"),
      resourceId: "dryer-2",
      start: cst("2026-07-06T15:00"),
      end: cst("2026-07-06T16:00"),
    });
    // Two uses today: nothing more is offered to her today, though the machines are free.
    const after = await community.booking.availability({
      actor: resident("li"),
      resourceGroupId: "drying-room",
      start: cst("2026-07-06T08:00"),
      end: cst("2026-07-06T12:00"),
    });
    expect(after.flatMap((r) => r.slots)).toEqual([]);
    const check = await community.booking.check({
      actor: resident("li"),
      resourceId: "dryer-2",
      start: cst("2026-07-06T11:00"),
      end: cst("2026-07-06T11:30"),
    });
    expect(check.ok === false && check.violations.map((v) => v.code)).toEqual(["QUOTA_EXCEEDED"]);
  });
});
