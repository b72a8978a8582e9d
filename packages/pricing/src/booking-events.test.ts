import { bookingEvents } from "@linli/booking/events";
import { type AnyEventDef, defineCommand, definePlugin, defineRegistry, isLinliError } from "@linli/core";
import * as z from "zod";
import { describe, expect, test } from "vitest";
import { desk, resident, testCommunity, wangjialongConfig } from "../test/fixtures";
import { pricingPlugin } from "./pricing-plugin";

/** The facts of a booking, as booking's events carry them (instants as ISO strings). */
const bookingFacts = z.object({
  bookingId: z.string(),
  resourceId: z.string(),
  residentId: z.string().nullable(),
  start: z.string(),
  end: z.string(),
  quantity: z.number(),
});

/**
 * A stand-in for `@linli/booking`, written against the public plugin API only: it declares
 * booking's event definitions (`@linli/booking/events`) and emits the exact
 * `BookingConfirmed` / `BookingCancelled` events of the contract, inside its own command.
 * It owns booking's rule-kind registry (a key is its name), which pricing contributes to.
 */
function fakeBookingPlugin() {
  return definePlugin({
    id: "booking",
    events: bookingEvents,
    registries: [defineRegistry("booking.rule-kinds")],
    api: (ctx) =>
      ctx.commands({
        book: defineCommand({
          input: z.object({
            resourceId: z.string(),
            start: z.coerce.date(),
            end: z.coerce.date(),
            quantity: z.number().int().positive().default(1),
          }),
          run: async (cx, input) => {
            const facts = {
              bookingId: cx.ids.next("booking"),
              resourceId: input.resourceId,
              // Staff booking without forResident: a booking for no resident.
              residentId: cx.subject ?? null,
              start: input.start.toISOString(),
              end: input.end.toISOString(),
              quantity: input.quantity,
            };
            await cx.emit(bookingEvents.BookingConfirmed, facts);
            return facts;
          },
        }),
        emitRaw: defineCommand({
          subject: "none",
          input: z.object({
            type: z.enum(["BookingConfirmed", "BookingCancelled", "BookingRescheduled"]),
            payload: z.record(z.string(), z.unknown()),
          }),
          run: async (cx, input) => {
            // Any event definition: its payload is unknown to the compiler, checked at run time only.
            const event: AnyEventDef = bookingEvents[input.type];
            await cx.emit(event, input.payload);
          },
        }),
        cancel: defineCommand({
          subject: "none",
          input: z.object({ booking: bookingFacts, refundable: z.boolean() }),
          run: async (cx, { booking, refundable }) => {
            await cx.emit(bookingEvents.BookingCancelled, { ...booking, refundable });
          },
        }),
      }),
  });
}

async function setup(config = wangjialongConfig()) {
  const { community, clock } = await testCommunity({
    config,
    plugins: [fakeBookingPlugin(), pricingPlugin()],
  });
  await resident(community, "li");
  await resident(community, "wang", ["hardship"]);
  return { community, clock };
}

const slot = { start: "2026-06-02T01:00:00Z", end: "2026-06-02T02:00:00Z" };

describe("booking integration (through booking's event definitions, not its runtime)", () => {
  test("a confirmed booking carries its quote and a ledger charge, in the booking's transaction", async () => {
    const { community } = await setup();
    const b = await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "drying-room",
      ...slot,
      quantity: 2,
    });
    const stored = await community.pricing.quoteForBooking({
      actor: { kind: "resident", id: "li" },
      bookingId: b.bookingId,
    });
    expect(stored?.quote.total.amount).toBe(200);
    expect(stored?.quote.lines[0]?.text["zh-CN"]).toBe("按次计费：¥1.00 × 2");
    expect(stored?.receipt).toEqual({
      lines: [{ text: "按次计费：¥1.00 × 2", amount: "¥2.00" }],
      total: "¥2.00",
    });
    const entries = await community.pricing.ledger.entries({ actor: desk, forResident: "li" });
    expect(entries.map((e) => [e.kind, e.amount, e.bookingId])).toEqual([["charge", 200, b.bookingId]]);
  });

  test("nothing due: a zero charge with its reason, the group hidden from the resident", async () => {
    const { community } = await setup();
    const b = await community.booking.book({
      actor: desk,
      forResident: "wang",
      resourceId: "drying-room",
      ...slot,
    });
    const staffView = await community.pricing.quoteForBooking({ actor: desk, bookingId: b.bookingId });
    expect(staffView?.quote.decidedBy).toEqual({ group: "hardship", sensitive: true });
    const own = await community.pricing.quoteForBooking({
      actor: { kind: "resident", id: "wang" },
      bookingId: b.bookingId,
    });
    expect(own?.quote.decidedBy).toBeNull();
    expect(own?.quote.total.amount).toBe(0);
    expect(staffView?.receipt.lines[1]).toEqual({ text: "资格优惠：-¥1.00", amount: "-¥1.00" });
    const [entry] = await community.pricing.ledger.entries({ actor: desk, forResident: "wang" });
    expect(entry).toMatchObject({ kind: "charge", amount: 0, code: "TIER_FREE" });
    // Another resident is answered as for a booking with no quote: nothing is revealed.
    const other = await community.pricing.quoteForBooking({
      actor: { kind: "resident", id: "li" },
      bookingId: b.bookingId,
    });
    expect(other).toBeNull();
  });

  test("a refundable cancellation reverses the charge with a new entry; a late one keeps it", async () => {
    const { community } = await setup();
    const early = await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "drying-room",
      ...slot,
    });
    const late = await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "drying-room",
      ...slot,
    });
    await community.booking.cancel({ actor: desk, booking: early, refundable: true });
    await community.booking.cancel({ actor: desk, booking: late, refundable: false });
    await community.booking.cancel({ actor: desk, booking: early, refundable: true }); // a repeat changes nothing
    const entries = await community.pricing.ledger.entries({ actor: desk, forResident: "li" });
    expect(entries.map((e) => [e.kind, e.amount, e.bookingId])).toEqual([
      ["charge", 100, early.bookingId],
      ["charge", 100, late.bookingId],
      ["reversal", -100, early.bookingId],
    ]);
    expect(entries[2]!.relatesTo).toBe(entries[0]!.id);
    expect(
      (await community.pricing.quoteForBooking({ actor: desk, bookingId: early.bookingId }))?.reversed,
    ).toBe(true);
    expect((await community.pricing.ledger.balance({ actor: desk, forResident: "li" })).balance).toBe(100);
  });

  test("per started 30 minutes, deposits held and returned on cancellation", async () => {
    const config = wangjialongConfig();
    config.pricing!.plans!.find((p) => p.id === "study-room")!.deposit = { amount: 2000 };
    const { community } = await setup(config);
    const b = await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "study-room",
      start: "2026-06-02T01:00:00Z",
      end: "2026-06-02T02:05:00Z",
    });
    const q = await community.pricing.quoteForBooking({ actor: desk, bookingId: b.bookingId });
    expect(q?.quote.lines.map((l) => [l.code, l.amount.amount])).toEqual([
      ["PER_TIME", 600],
      ["DEPOSIT", 2000],
    ]);
    await community.booking.cancel({ actor: desk, booking: b, refundable: false });
    const balance = await community.pricing.ledger.balance({ actor: desk, forResident: "li" });
    expect(balance).toMatchObject({ balance: 600, depositsHeld: 0 });
  });

  test("a booking pricing cannot price is not confirmed: the whole booking command rolls back", async () => {
    const { community } = await setup();
    const before = await community.events.list({ actor: desk, limit: 1000 });
    const error = await community.booking
      .book({ actor: desk, forResident: "li", resourceId: "sauna", ...slot })
      .catch((e) => e);
    expect(isLinliError(error, "UNKNOWN_RESOURCE")).toBe(true);
    expect(await community.events.list({ actor: desk, limit: 1000 })).toEqual(before);
    expect(await community.pricing.ledger.entries({ actor: desk, forResident: "li" })).toEqual([]);
  });

  test("a malformed booking event is refused with VALIDATION_FAILED, nothing written", async () => {
    const { community } = await setup();
    const error = await community.booking
      .emitRaw({
        actor: desk,
        type: "BookingConfirmed",
        payload: {
          bookingId: "b1",
          resourceId: "gym",
          residentId: "li",
          start: "soon",
          end: null,
          quantity: 1,
        },
      })
      .catch((e) => e);
    expect(isLinliError(error, "VALIDATION_FAILED")).toBe(true);
    expect((error as Error).message).toContain("BookingConfirmed payload");
    expect(await community.pricing.quoteForBooking({ actor: desk, bookingId: "b1" })).toBeNull();
  });

  test("a staff booking for no resident is not priced: nothing to charge, nothing to reverse", async () => {
    const { community } = await setup();
    const before = await community.events.list({ actor: desk, limit: 1000 });
    const blocked = await community.booking.book({ actor: desk, resourceId: "drying-room", ...slot });
    expect(blocked.residentId).toBeNull();
    expect(await community.pricing.quoteForBooking({ actor: desk, bookingId: blocked.bookingId })).toBeNull();
    await community.booking.cancel({ actor: desk, booking: blocked, refundable: true });
    const written = (await community.events.list({ actor: desk, limit: 1000 })).slice(before.length);
    expect(written.map((e) => e.type)).toEqual(["BookingConfirmed", "BookingCancelled"]);
  });

  test("memberships cover bookings at the booking's start", async () => {
    const { community } = await setup();
    await community.pricing.memberships.purchase({ actor: desk, forResident: "li", planId: "gym-monthly" });
    const june = await community.booking.book({ actor: desk, forResident: "li", resourceId: "gym", ...slot });
    const july = await community.booking.book({
      actor: desk,
      forResident: "li",
      resourceId: "gym",
      start: "2026-07-02T01:00:00Z",
      end: "2026-07-02T02:00:00Z",
    });
    const codes = async (bookingId: string) =>
      (await community.pricing.quoteForBooking({ actor: desk, bookingId }))?.quote.lines.map((l) => l.code);
    expect(await codes(june.bookingId)).toEqual(["MEMBERSHIP_COVERED"]);
    expect(await codes(july.bookingId)).toEqual(["PER_USE"]);
  });
});
