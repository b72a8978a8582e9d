import { bookingPlugin } from "@linli/booking";
import { defineCommunityConfig } from "@linli/core";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity, wangjialongConfig } from "../test/fixtures";
import { spyStorage } from "../test/spy-storage";
import { pricingPlugin } from "./pricing-plugin";

/** Wangjialong's prices plus a booking section: cancelling less than 2 hours ahead is late. */
function config() {
  return defineCommunityConfig([bookingPlugin(), pricingPlugin()], {
    ...wangjialongConfig(),
    booking: {
      rules: [
        {
          id: "drying-cancellation",
          kind: "cancellation-deadline",
          appliesTo: { resources: ["drying-room"] },
          minutesBefore: 120,
        },
      ],
    },
  });
}

describe("with the real @linli/booking plugin", () => {
  test("bookings are priced and charged on confirmation; in-time cancellations and reschedules are reversed", async () => {
    const { community, clock } = await testCommunity({
      config: config(),
      plugins: [bookingPlugin(), pricingPlugin()],
      start: "2026-06-01T00:00:00Z",
    });
    await resident(community, "li");
    await resident(community, "wang", ["hardship"]);
    const book = async (forResident: string, start: string, end: string) => {
      const outcome = await community.as(desk).for(forResident).booking.book({
        resourceId: "drying-room",
        start,
        end,
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.violations));
      return outcome.booking;
    };

    const ordinary = await book("li", "2026-06-02T01:00:00Z", "2026-06-02T02:00:00Z");
    const hardship = await book("wang", "2026-06-02T01:00:00Z", "2026-06-02T02:00:00Z");
    const priced = async (bookingId: string) =>
      (await community.pricing.quoteForBooking({ actor: desk, bookingId }))!;
    expect((await priced(ordinary.id)).quote.total.amount).toBe(100);
    expect((await priced(hardship.id)).quote.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ["PER_USE", 100],
      ["TIER_FREE", -100],
    ]);

    // A day ahead: refundable, so the charge is reversed by a new entry.
    await community.booking.cancel({ actor: desk, bookingId: ordinary.id });
    // Rescheduling confirms anew and cancels the old booking (refundable): charged, then reversed.
    const later = await book("li", "2026-06-03T01:00:00Z", "2026-06-03T02:00:00Z");
    const moved = await community.booking.reschedule({
      actor: desk,
      bookingId: later.id,
      start: "2026-06-04T01:00:00Z",
      end: "2026-06-04T02:00:00Z",
    });
    expect(moved.ok).toBe(true);
    // One hour before the start: late, so the charge stays.
    clock.set("2026-06-04T00:00:00Z");
    const newId = moved.ok ? moved.booking.id : "";
    await community.booking.cancel({ actor: desk, bookingId: newId });

    const li = community.as(desk).for("li").pricing.ledger;
    const entries = await li.entries();
    expect(entries.map((e) => [e.kind, e.amount, e.bookingId])).toEqual([
      ["charge", 100, ordinary.id],
      ["reversal", -100, ordinary.id],
      ["charge", 100, later.id],
      // booking confirms the new slot before it cancels the old one, in one transaction
      ["charge", 100, newId],
      ["reversal", -100, later.id],
    ]);
    expect((await li.balance()).balance).toBe(100);
  });

  test("a staff booking for no resident (no forResident) is confirmed, and pricing writes no usage and no ledger entry", async () => {
    const spy = spyStorage();
    const { community } = await testCommunity({
      config: config(),
      plugins: [bookingPlugin(), pricingPlugin()],
      storage: spy.storage,
      start: "2026-06-01T00:00:00Z",
    });
    await resident(community, "li");
    // Staff block the drying room for maintenance: a booking for nobody.
    const blocked = await community.booking.book({
      actor: desk,
      resourceId: "drying-room",
      start: "2026-06-02T01:00:00Z",
      end: "2026-06-02T02:00:00Z",
    });
    if (!blocked.ok) throw new Error(JSON.stringify(blocked.violations));
    expect(blocked.booking).toMatchObject({ residentId: null, status: "confirmed" });
    expect(
      await community.pricing.quoteForBooking({ actor: desk, bookingId: blocked.booking.id }),
    ).toBeNull();
    const moved = await community.booking.reschedule({
      actor: desk,
      bookingId: blocked.booking.id,
      start: "2026-06-03T01:00:00Z",
      end: "2026-06-03T02:00:00Z",
    });
    if (!moved.ok) throw new Error(JSON.stringify(moved.violations));
    await community.booking.cancel({ actor: desk, bookingId: moved.booking.id });
    expect(await spy.rows("pricing_usage")).toEqual([]);
    expect(await spy.rows("pricing_ledger_entry")).toEqual([]);
    expect(await community.events.list({ actor: desk, types: ["LedgerEntryAppended"] })).toEqual([]);
    // A resident's booking alongside is still charged.
    const own = await community.as(desk).for("li").booking.book({
      resourceId: "drying-room",
      start: "2026-06-02T01:00:00Z",
      end: "2026-06-02T02:00:00Z",
    });
    expect(own.ok).toBe(true);
    expect(await spy.rows("pricing_ledger_entry")).toHaveLength(1);
  });

  test("rescheduling under a monthly cap re-prices the new booking once the old one is given back", async () => {
    const { community } = await testCommunity({
      config: config(),
      plugins: [bookingPlugin(), pricingPlugin()],
      start: "2026-06-01T00:00:00Z",
    });
    await resident(community, "li");
    const ids: string[] = [];
    for (let day = 2; day <= 6; day++) {
      const outcome = await community.booking.book({
        actor: desk,
        forResident: "li",
        resourceId: "gym",
        start: `2026-06-0${day}T01:00:00Z`,
        end: `2026-06-0${day}T02:00:00Z`,
      });
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.violations));
      ids.push(outcome.booking.id);
    }
    const balance = async () =>
      (await community.pricing.ledger.balance({ actor: desk, forResident: "li" })).balance;
    expect(await balance()).toBe(2500); // five visits at 500 reach the 2,500 cap
    const moved = await community.booking.reschedule({
      actor: desk,
      bookingId: ids[4]!,
      start: "2026-06-09T01:00:00Z",
      end: "2026-06-09T02:00:00Z",
    });
    if (!moved.ok) throw new Error(JSON.stringify(moved.violations));
    // Priced while the old visit still counted, the new one was capped to 0; once the old one
    // is reversed it is re-priced with a correction entry, so the month still costs 2,500.
    expect(await balance()).toBe(2500);
    const stored = await community.pricing.quoteForBooking({ actor: desk, bookingId: moved.booking.id });
    expect(stored?.quote.total.amount).toBe(500);
    const entries = await community.pricing.ledger.entries({ actor: desk, forResident: "li" });
    expect(entries.slice(5).map((e) => [e.kind, e.amount, e.code])).toEqual([
      ["charge", 0, "MONTHLY_CAP"],
      ["reversal", -500, "BOOKING_CANCELLED"],
      ["correction", 500, "RESCHEDULE_REPRICED"],
    ]);
  });
  test("a late reschedule is a late cancellation: the old charge stands, so cancelling the moved booking in time refunds only the new one", async () => {
    const { community, clock } = await testCommunity({
      config: config(),
      plugins: [bookingPlugin(), pricingPlugin()],
      start: "2026-06-01T00:00:00Z",
    });
    await resident(community, "li");
    const li = community.as({ kind: "resident", id: "li" });
    const booked = await li.booking.book({
      resourceId: "drying-room",
      start: "2026-06-02T01:00:00Z",
      end: "2026-06-02T02:00:00Z",
    });
    if (!booked.ok) throw new Error(JSON.stringify(booked.violations));
    // After the start, cancelling is late: not refundable.
    clock.set("2026-06-02T01:30:00Z");
    const moved = await li.booking.reschedule({
      bookingId: booked.booking.id,
      start: "2026-06-05T01:00:00Z",
      end: "2026-06-05T02:00:00Z",
    });
    if (!moved.ok) throw new Error(JSON.stringify(moved.violations));
    const old = await li.booking.get({ bookingId: booked.booking.id });
    expect(old).toMatchObject({ status: "cancelled", refundable: false });
    // The moved booking is cancelled well ahead: its own charge is reversed, the late one stays.
    const cancelled = await li.booking.cancel({ bookingId: moved.booking.id });
    expect(cancelled.refundable).toBe(true);
    expect((await li.pricing.ledger.balance()).balance).toBe(100);
  });
});
