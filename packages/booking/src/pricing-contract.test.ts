import { bookingEvents } from "@linli/booking/events";
import { definePlugin, type DomainEvent, subscribe } from "@linli/core";
import { describe, expect, test } from "vitest";
import { cst, desk, resident, wangjialong } from "../test/wangjialong-fixture";

/** Stands in for the pricing plugin: subscribes to booking events inside the booking's transaction. */
function ledgerPlugin(seen: DomainEvent[], failOn?: string) {
  return definePlugin({
    id: "ledger",
    optional: ["booking"],
    on: [
      subscribe(bookingEvents.BookingConfirmed, (_cx, event) => {
        if (failOn === "BookingConfirmed") throw new Error("ledger unavailable");
        seen.push(event);
      }),
      subscribe(bookingEvents.BookingCancelled, (_cx, event) => {
        seen.push(event);
      }),
    ],
    api: () => ({}),
  });
}

describe("the contract with pricing", () => {
  test("subscribers see BookingConfirmed and BookingCancelled with the agreed fields, in the booking's transaction", async () => {
    const seen: DomainEvent[] = [];
    const { community } = await wangjialong({ plugins: [ledgerPlugin(seen)] });
    const o = await community.booking.book({
      actor: resident("wang"),
      resourceId: "courtyard-centre",
      start: cst("2026-07-08T14:00"),
      end: cst("2026-07-08T16:00"),
    });
    if (!o.ok) throw new Error("refused");
    await community.booking.cancel({ actor: resident("wang"), bookingId: o.booking.id });
    expect(seen.map((e) => [e.type, Object.keys(e.payload).sort()])).toEqual([
      ["BookingConfirmed", ["bookingId", "end", "quantity", "residentId", "resourceId", "start"]],
      [
        "BookingCancelled",
        ["bookingId", "end", "quantity", "refundable", "residentId", "resourceId", "start"],
      ],
    ]);
    expect(seen[1]!.payload).toMatchObject({ refundable: true, start: "2026-07-08T06:00:00.000Z" });
  });

  test("when a subscriber fails, the booking is not written either (one transaction)", async () => {
    const { community } = await wangjialong({ plugins: [ledgerPlugin([], "BookingConfirmed")] });
    await expect(
      community.booking.book({
        actor: desk,
        forResident: "li",
        resourceId: "courtyard-centre",
        start: cst("2026-07-08T14:00"),
        end: cst("2026-07-08T16:00"),
      }),
    ).rejects.toThrow("ledger unavailable");
    expect(await community.booking.list({ actor: desk })).toEqual([]);
    expect(
      await community.events.list({ actor: desk, types: ["BookingRequested", "BookingConfirmed"] }),
    ).toEqual([]);
  });

  test("cancelling after the courtyard's 2-hour deadline is allowed but not refundable", async () => {
    const seen: DomainEvent[] = [];
    const { community, clock } = await wangjialong({ plugins: [ledgerPlugin(seen)] });
    const o = await community.booking.book({
      actor: resident("wang"),
      resourceId: "courtyard-centre",
      start: cst("2026-07-08T14:00"),
      end: cst("2026-07-08T16:00"),
    });
    if (!o.ok) throw new Error("refused");
    clock.set(cst("2026-07-08T12:00")); // exactly at the deadline: late
    await community.booking.cancel({ actor: resident("wang"), bookingId: o.booking.id });
    expect(seen.at(-1)!.payload.refundable).toBe(false);
  });
});
