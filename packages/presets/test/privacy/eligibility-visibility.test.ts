// Eligibility is readable by staff only: a resident in a sensitive group, her delegate and a
// volunteer read her prices, receipts, ledger, memberships and bookings without the group
// ever being named; staff see it.
import { describe, expect, it } from "vitest";
import { actorOf, matrixWorld } from "../authorization/matrix-community";

const SENSITIVE = /hardship|困难户|Household in difficulty/;

describe("eligibility readable by staff only", () => {
  it("no resident-facing answer names the sensitive group that made wang's use free", async () => {
    const w = await matrixWorld();
    const desk = actorOf("desk");
    await w.api.eligibility.grant({
      actor: desk,
      forResident: "wang",
      groupId: "hardship",
      evidenceRef: "困难证 1",
    });
    const booked = await w.api.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "room",
      ...w.slot(3),
    });
    await w.api.pricing.memberships.purchase({ actor: desk, forResident: "wang", planId: "room-monthly" });
    const staffQuote = await w.api.pricing.quote({ actor: desk, forResident: "wang", resourceId: "room" });
    // The check can fail: staff do see the group.
    expect(JSON.stringify(staffQuote)).toMatch(SENSITIVE);

    for (const profile of ["self", "delegate"] as const) {
      const actor = actorOf(profile);
      const meta = profile === "self" ? { actor } : { actor, forResident: "wang" };
      const answers = [
        await w.api.pricing.quote({ ...meta, resourceId: "room" }),
        await w.api.pricing.charge({ ...meta, resourceId: "room" }),
        await w.api.pricing.quoteForBooking({ actor, bookingId: booked.booking.id }),
        await w.api.pricing.ledger.entries(meta),
        await w.api.pricing.ledger.balance(meta),
        await w.api.pricing.memberships.list(meta),
        await w.api.booking.get({ actor, bookingId: booked.booking.id }),
        await w.api.booking.list(meta),
        await w.api.booking.check({ ...meta, resourceId: "room", ...w.slot(4) }),
        await w.api.booking.residentCalendar(meta),
        await w.api.residents.get(meta),
      ];
      expect(JSON.stringify(answers), profile).not.toMatch(SENSITIVE);
      expect(JSON.stringify(answers), profile).not.toContain("困难证");
    }
  });
});
