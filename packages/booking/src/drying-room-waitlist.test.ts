import { describe, expect, test } from "vitest";
import { cst, desk, resident, system, wangjialong, wangjialongConfig } from "../test/wangjialong-fixture";

const slot = { resourceId: "dryer-1", start: cst("2026-07-06T15:00"), end: cst("2026-07-06T16:00") };

describe("the drying room's waitlist", () => {
  test("offer mode: the first in line gets an offer that expires and passes to the next", async () => {
    const { community, clock } = await wangjialong();
    const first = await community.booking.book({ actor: resident("wang"), ...slot });
    if (!first.ok) throw new Error("refused");
    // Li and Zhang find it full and queue, Li first.
    const li = await community.booking.book({ actor: resident("li"), ...slot, waitlistIfFull: true });
    const zhang = await community.booking.book({
      actor: desk,
      forResident: "zhang",
      ...slot,
      waitlistIfFull: true,
    });
    expect(li.ok).toBe(false);
    const liEntry = !li.ok && li.waitlistEntry;
    const zhangEntry = !zhang.ok && zhang.waitlistEntry;
    if (!liEntry || !zhangEntry) throw new Error("no waitlist entries");
    expect(liEntry.position).toBeLessThan(zhangEntry.position);

    await community.booking.cancel({ actor: resident("wang"), bookingId: first.booking.id });
    const offered = await community.events.list({ actor: desk, types: ["WaitlistOffered"] });
    expect(offered.map((e) => [e.payload.residentId, e.payload.expiresAt])).toEqual([
      ["li", "2026-07-06T00:30:00.000Z"],
    ]);
    // The offer holds the dryer: nobody else can take it meanwhile.
    const sneak = await community.booking.book({ actor: resident("zhao"), ...slot });
    expect(!sneak.ok && sneak.violations.map((v) => v.code)).toEqual(["CAPACITY_FULL"]);

    // Li does not answer in 30 minutes: the sweep passes the offer to Zhang.
    clock.advance(31 * 60_000);
    const report = await community.booking.sweep({ actor: system });
    expect(report.offersExpired).toBe(1);
    const offers = await community.events.list({
      actor: desk,
      types: ["WaitlistOffered", "WaitlistOfferExpired"],
    });
    expect(offers.map((e) => [e.type, e.payload.residentId])).toEqual([
      ["WaitlistOffered", "li"],
      ["WaitlistOfferExpired", "li"],
      ["WaitlistOffered", "zhang"],
    ]);
    // Li can no longer accept; Zhang's daughter (staff at the desk) accepts for her.
    await expect(
      community.booking.waitlist.accept({ actor: resident("li"), entryId: liEntry.id }),
    ).rejects.toMatchObject({
      code: "OFFER_NOT_OPEN",
    });
    const accepted = await community.booking.waitlist.accept({ actor: desk, entryId: zhangEntry.id });
    expect(accepted.status).toBe("confirmed");
    const zhangs = await community.booking.list({ actor: resident("zhang") });
    expect(zhangs.map((b) => [b.resourceId, b.status])).toEqual([["dryer-1", "confirmed"]]);
    const confirmed = await community.events.list({ actor: desk, types: ["BookingConfirmed"] });
    expect(confirmed.at(-1)!.payload).toMatchObject({ residentId: "zhang", resourceId: "dryer-1" });
  });

  test("auto-confirm mode: the first in line is booked at once; one over quota is passed over", async () => {
    const config = wangjialongConfig();
    const booking = config.booking as { waitlist?: unknown };
    booking.waitlist = { mode: "auto-confirm" };
    const { community } = await wangjialong({ config });
    const first = await community.booking.book({ actor: resident("wang"), ...slot });
    if (!first.ok) throw new Error("refused");
    await community.booking.waitlist.join({ actor: resident("li"), ...slot });
    await community.booking.waitlist.join({ actor: resident("zhang"), ...slot });
    // Li uses up her two daily uses meanwhile, so she is passed over.
    for (const [resourceId, h] of [
      ["dryer-2", "09"],
      ["dryer-2", "10"],
    ] as const) {
      const o = await community.booking.book({
        actor: resident("li"),
        resourceId,
        start: cst(`2026-07-06T${h}:00`),
        end: cst(`2026-07-06T${h}:30`),
      });
      expect(o.ok).toBe(true);
    }
    await community.booking.cancel({ actor: desk, bookingId: first.booking.id });
    const promoted = await community.events.list({ actor: desk, types: ["WaitlistPromoted"] });
    expect(promoted.map((e) => e.payload.residentId)).toEqual(["zhang"]);
    const onDryer = (await community.booking.list({ actor: desk, resourceId: "dryer-1" })).filter(
      (b) => b.status === "confirmed",
    );
    expect(onDryer.map((b) => b.residentId)).toEqual(["zhang"]);
  });
});

describe("no-shows at the drying room", () => {
  test("missed check-ins are released automatically; two in a month suspend booking for a week", async () => {
    const { community, clock } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    for (const day of ["2026-07-02", "2026-07-03"]) {
      const o = await community.booking.book({
        actor: resident("zhao"),
        resourceId: "dryer-2",
        start: cst(`${day}T09:00`),
        end: cst(`${day}T10:00`),
      });
      if (!o.ok) throw new Error("refused");
      // Reminder an hour ahead.
      clock.set(cst(`${day}T08:15`));
      expect(await community.booking.dueReminders({ actor: system })).toEqual([o.booking.id]);
      expect(await community.booking.dueReminders({ actor: system })).toEqual([]);
      // Check-in closes at 09:15; at 09:16 the sweep releases the dryer.
      clock.set(cst(`${day}T09:16`));
      const report = await community.booking.sweep({ actor: system });
      expect(report.released).toBe(1);
    }
    const noShows = await community.events.list({ actor: desk, types: ["NoShowRecorded"] });
    expect(noShows).toHaveLength(2);
    expect(noShows[0]!.payload).toMatchObject({
      residentId: "zhao",
      resourceId: "dryer-2",
      start: "2026-07-02T01:00:00.000Z",
    });
    const refused = await community.booking.book({
      actor: resident("zhao"),
      resourceId: "dryer-1",
      start: cst("2026-07-05T09:00"),
      end: cst("2026-07-05T10:00"),
    });
    expect(!refused.ok && refused.violations.map((v) => [v.code, v.message["zh-CN"]])).toEqual([
      ["SUSPENDED_FOR_NO_SHOWS", "30 天内爽约 2 次，预约暂停至 2026-07-10 09:16"],
    ]);
    // Other residents are unaffected, and Zhao may book again once the week is over.
    clock.set(cst("2026-07-10T09:17"));
    const back = await community.booking.book({
      actor: resident("zhao"),
      resourceId: "dryer-1",
      start: cst("2026-07-10T14:00"),
      end: cst("2026-07-10T15:00"),
    });
    expect(back.ok).toBe(true);
  });

  test("checking in within the window keeps the booking; the sweep completes it after the end", async () => {
    const { community, clock } = await wangjialong({ start: "2026-07-01T00:00:00Z" });
    const o = await community.booking.book({
      actor: resident("wang"),
      resourceId: "dryer-1",
      start: cst("2026-07-02T09:00"),
      end: cst("2026-07-02T10:00"),
    });
    if (!o.ok) throw new Error("refused");
    clock.set(cst("2026-07-02T08:45"));
    await expect(
      community.booking.checkIn({ actor: resident("wang"), bookingId: o.booking.id }),
    ).rejects.toMatchObject({
      code: "CHECK_IN_CLOSED",
    });
    clock.set(cst("2026-07-02T08:55"));
    expect(
      (await community.booking.checkIn({ actor: resident("wang"), bookingId: o.booking.id })).status,
    ).toBe("checked-in");
    clock.set(cst("2026-07-02T10:00"));
    expect(await community.booking.sweep({ actor: system })).toEqual({
      offersExpired: 0,
      released: 0,
      noShows: 0,
      completed: 1,
      more: false,
      next: undefined,
    });
    expect((await community.booking.get({ actor: resident("wang"), bookingId: o.booking.id })).status).toBe(
      "completed",
    );
  });
});
