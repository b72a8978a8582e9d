import { bookingPlugin } from "@linli/booking";
import { createCommunity, manualClock, sequentialIds, type StorageAdapter } from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { expect, test } from "vitest";
import { expectCode } from "./scenarios";
import { cst, desk, resident, toolRoomConfig } from "./tool-room-fixture";

/**
 * The tool room with pickup appointments through booking: `pickup-desk` serves one resident
 * per 15-minute slot in the tool room's hours. Catalog: one ladder, three trowels. Starts
 * Tuesday 2026-09-22 10:00 in Shanghai.
 */
async function pickupRoom(storage: StorageAdapter) {
  const clock = manualClock("2026-09-22T02:00:00Z");
  const base = toolRoomConfig({ pickups: { resourceId: "pickup-desk" }, policies: [] });
  const community = await createCommunity({
    config: {
      ...base,
      resources: [
        ...(base.resources ?? []),
        {
          id: "pickup-desk",
          kind: "service",
          name: { "zh-CN": "取物预约", en: "Pickup desk" },
          place: "gatehouse",
          capacity: 1,
        },
      ],
      booking: {
        rules: [
          {
            id: "pickup-grid",
            kind: "slot-grid",
            appliesTo: { resources: ["pickup-desk"] },
            granularityMinutes: 15,
          },
          {
            id: "pickup-length",
            kind: "duration",
            appliesTo: { resources: ["pickup-desk"] },
            minMinutes: 15,
            maxMinutes: 15,
          },
        ],
      },
    },
    storage,
    plugins: [bookingPlugin(), lendingPlugin()],
    clock,
    ids: sequentialIds(),
  });
  for (const id of ["wang", "li", "zhang", "zhao"])
    await community.residents.register({ actor: desk, id, name: id });
  const lend = community.lending;
  await lend.catalog.addType({
    actor: desk,
    id: "ladder",
    category: "ladders",
    nameZh: "人字梯",
    nameEn: "Step ladder",
  });
  const [ladder] = await lend.catalog.addUnits({
    actor: desk,
    itemTypeId: "ladder",
    units: [{ code: "L-1" }],
  });
  await lend.catalog.addType({
    actor: desk,
    id: "trowel",
    category: "garden",
    nameZh: "小铲子",
    nameEn: "Trowel",
  });
  await lend.catalog.addUnits({
    actor: desk,
    itemTypeId: "trowel",
    units: [{ code: "T-1" }, { code: "T-2" }, { code: "T-3" }],
  });
  const slot = (local: string) => ({
    resourceId: "pickup-desk",
    start: cst(local),
    end: new Date(cst(local).getTime() + 15 * 60_000),
  });
  return { community, clock, lend, ladder: ladder!.id, slot };
}

/** Pickup appointments with a capacity per slot, through booking, on any storage. */
export function pickupScenarios(storage: () => StorageAdapter | Promise<StorageAdapter>): void {
  test("a ladder on the hold shelf waits for Wang's pickup appointment past its 48 hours", async () => {
    const { community, clock, lend, ladder, slot } = await pickupRoom(await storage());
    expect(
      (await lend.checkOut({ actor: desk, residentId: "li", items: [{ itemTypeId: "ladder" }] })).ok,
    ).toBe(true);
    expect((await lend.holds.place({ actor: resident("wang"), itemTypeId: "ladder" })).ok).toBe(true);
    const [back] = await lend.checkIn({ actor: desk, items: [{ itemId: ladder, condition: "good" }] });
    expect(back?.unitStatus).toBe("on-hold-shelf");
    // Ready until Thursday 10:00; Wang can come on Friday morning only.
    const booked = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-25T10:00") });
    expect(booked.ok).toBe(true);
    const [hold] = (await lend.mine({ actor: resident("wang") })).holds;
    expect(hold?.pickupBy?.toISOString()).toBe(cst("2026-09-25T10:15").toISOString());
    clock.set(cst("2026-09-24T12:00"));
    expect((await lend.sweep({ actor: desk })).holdsExpired).toBe(0);
    clock.set(cst("2026-09-25T10:05"));
    const out = await lend.checkOut({ actor: desk, residentId: "wang", items: [{ itemTypeId: "ladder" }] });
    expect(out.ok).toBe(true);
    await community.close();
  });

  test("one resident per slot: Li, who reserved a trowel for Saturday too, takes the next slot", async () => {
    const { community, lend, slot } = await pickupRoom(await storage());
    for (const who of ["wang", "li"])
      await lend.reservations.make({ actor: resident(who), itemTypeId: "trowel", from: "2026-09-26" });
    const first = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-26T10:00") });
    expect(first.ok).toBe(true);
    const full = await community.booking.book({ actor: resident("li"), ...slot("2026-09-26T10:00") });
    expect(full.ok ? [] : full.violations.map((v) => v.code)).toEqual(["CAPACITY_FULL"]);
    const next = await community.booking.book({ actor: resident("li"), ...slot("2026-09-26T10:15") });
    expect(next.ok).toBe(true);
    await community.close();
  });

  test("an appointment with nothing to pick up is refused in zh-CN and en, and no booking is written", async () => {
    const { community, slot } = await pickupRoom(await storage());
    await expectCode(
      community.booking.book({ actor: resident("zhao"), ...slot("2026-09-26T10:00") }),
      "NOTHING_TO_PICK_UP",
    );
    const bookings = await community.booking.list({
      actor: desk,
      resourceId: "pickup-desk",
      start: cst("2026-09-26T00:00"),
      end: cst("2026-09-27T00:00"),
      limit: 10,
    });
    expect([...bookings]).toEqual([]);
    await community.close();
  });

  test("Wang cancels his Friday appointment on Wednesday: the ladder waits only its 48 hours again", async () => {
    const { community, clock, lend, ladder, slot } = await pickupRoom(await storage());
    await shelveLadderFor(lend, ladder, "wang");
    const booked = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-25T10:00") });
    if (!booked.ok) throw new Error(booked.violations[0].code);
    clock.set(cst("2026-09-23T09:00"));
    const cancelled = await community.booking.cancel({
      actor: resident("wang"),
      bookingId: booked.booking.id,
    });
    expect(cancelled.status).toBe("cancelled");
    const [hold] = (await lend.mine({ actor: resident("wang") })).holds;
    expect(hold?.status).toBe("ready");
    expect(hold?.pickupBy?.toISOString()).toBe(cst("2026-09-24T10:00").toISOString());
    clock.set(cst("2026-09-24T10:05"));
    expect((await lend.sweep({ actor: desk })).holdsExpired).toBe(1);
    await community.close();
  });

  test("staff cancel Wang's appointment after his 48 hours: his hold expires and Zhang, next in line, gets the ladder", async () => {
    const { community, clock, lend, ladder, slot } = await pickupRoom(await storage());
    await shelveLadderFor(lend, ladder, "wang");
    expect((await lend.holds.place({ actor: resident("zhang"), itemTypeId: "ladder" })).ok).toBe(true);
    const booked = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-25T10:00") });
    if (!booked.ok) throw new Error(booked.violations[0].code);
    clock.set(cst("2026-09-24T12:00"));
    await community.booking.cancel({ actor: desk, bookingId: booked.booking.id, reason: "desk closed" });
    // Wang's hold expired: it is no longer among his open holds.
    expect((await lend.mine({ actor: resident("wang") })).holds).toEqual([]);
    const [zhang] = (await lend.mine({ actor: resident("zhang") })).holds;
    expect(zhang?.status).toBe("ready");
    expect(zhang?.itemId).toBe(ladder);
    expect(zhang?.pickupBy?.toISOString()).toBe(cst("2026-09-26T12:00").toISOString());
    const types = (await community.events.list({ actor: desk, types: ["HoldReady", "HoldExpired"] })).map(
      (e) => [e.type, e.payload.residentId],
    );
    expect(types).toEqual([
      ["HoldReady", "wang"],
      ["HoldExpired", "wang"],
      ["HoldReady", "zhang"],
    ]);
    // Wang's hold ended: he cannot take the ladder Zhang is now waiting for.
    await expectCode(
      lend.checkOut({ actor: desk, residentId: "wang", items: [{ itemId: ladder }] }),
      "ON_HOLD_FOR_ANOTHER",
    );
    await community.close();
  });

  test("Wang misses his Friday appointment: the no-show ends the hold his own 48 hours gave, and Zhang gets the ladder", async () => {
    const { community, clock, lend, ladder, slot } = await pickupRoom(await storage());
    await shelveLadderFor(lend, ladder, "wang");
    expect((await lend.holds.place({ actor: resident("zhang"), itemTypeId: "ladder" })).ok).toBe(true);
    const booked = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-25T10:00") });
    if (!booked.ok) throw new Error(booked.violations[0].code);
    const [held] = (await lend.mine({ actor: resident("wang") })).holds;
    expect(held?.pickupBy?.toISOString()).toBe(cst("2026-09-25T10:15").toISOString());
    clock.set(cst("2026-09-25T10:10"));
    await community.booking.markNoShow({ actor: desk, bookingId: booked.booking.id });
    expect((await lend.mine({ actor: resident("wang") })).holds).toEqual([]);
    const [zhang] = (await lend.mine({ actor: resident("zhang") })).holds;
    expect(zhang?.status).toBe("ready");
    expect(zhang?.itemId).toBe(ladder);
    await community.close();
  });

  test("moving or cancelling one of two appointments keeps the ladder until the latest one still booked", async () => {
    const { community, clock, lend, ladder, slot } = await pickupRoom(await storage());
    await shelveLadderFor(lend, ladder, "wang");
    const pickupBy = async () =>
      (await lend.mine({ actor: resident("wang") })).holds[0]?.pickupBy?.toISOString();
    const friday = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-25T10:00") });
    const saturday = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-26T10:00") });
    if (!friday.ok || !saturday.ok) throw new Error("not booked");
    expect(await pickupBy()).toBe(cst("2026-09-26T10:15").toISOString());
    clock.set(cst("2026-09-23T09:00"));
    // A move is the old booking cancelled and a new one confirmed: the later slot holds.
    const { start, end } = slot("2026-09-26T11:00");
    const moved = await community.booking.reschedule({
      actor: resident("wang"),
      bookingId: saturday.booking.id,
      start,
      end,
    });
    expect(moved.ok).toBe(true);
    expect(await pickupBy()).toBe(cst("2026-09-26T11:15").toISOString());
    if (!moved.ok) return;
    await community.booking.cancel({ actor: resident("wang"), bookingId: moved.booking.id });
    expect(await pickupBy()).toBe(cst("2026-09-25T10:15").toISOString());
    await community.booking.cancel({ actor: resident("wang"), bookingId: friday.booking.id });
    expect(await pickupBy()).toBe(cst("2026-09-24T10:00").toISOString());
    await community.close();
  });

  test("an appointment booked before the ladder came back did not move its deadline, so cancelling it leaves the hold alone", async () => {
    const { community, clock, lend, ladder, slot } = await pickupRoom(await storage());
    await lend.reservations.make({ actor: resident("wang"), itemTypeId: "trowel", from: "2026-09-26" });
    const booked = await community.booking.book({ actor: resident("wang"), ...slot("2026-09-26T10:00") });
    if (!booked.ok) throw new Error(booked.violations[0].code);
    clock.set(cst("2026-09-22T11:00"));
    await shelveLadderFor(lend, ladder, "wang");
    clock.set(cst("2026-09-23T09:00"));
    await community.booking.cancel({ actor: resident("wang"), bookingId: booked.booking.id });
    const [hold] = (await lend.mine({ actor: resident("wang") })).holds;
    expect(hold?.status).toBe("ready");
    expect(hold?.pickupBy?.toISOString()).toBe(cst("2026-09-24T11:00").toISOString());
    await community.close();
  });
}

/** Li borrows the ladder, `who` joins the queue, Li brings it back: it waits on the shelf for `who`. */
async function shelveLadderFor(
  lend: Awaited<ReturnType<typeof pickupRoom>>["lend"],
  ladder: string,
  who: string,
) {
  expect((await lend.checkOut({ actor: desk, residentId: "li", items: [{ itemTypeId: "ladder" }] })).ok).toBe(
    true,
  );
  expect((await lend.holds.place({ actor: resident(who), itemTypeId: "ladder" })).ok).toBe(true);
  const [back] = await lend.checkIn({ actor: desk, items: [{ itemId: ladder, condition: "good" }] });
  expect(back?.unitStatus).toBe("on-hold-shelf");
}
