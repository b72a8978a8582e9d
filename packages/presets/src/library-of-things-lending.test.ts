// The library of things' lending desk as its preset configures it, with every plugin: members
// borrow everyday kit, big kit costs its day rate and a deposit, late returns cost the late
// fee, and members book a collection slot (three a slot) to pick up what waits for them.
import { bookingPlugin } from "@linli/booking";
import { createCommunity, isLinliError, manualClock, sequentialIds } from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { volunteersPlugin } from "@linli/volunteers";
import { describe, expect, test } from "vitest";
import {
  BIG_KIT_DAY_RATE,
  COLLECTION_SLOT_CAPACITY,
  LATE_FEE_PER_DAY,
  libraryOfThingsInventory,
  presetCopy,
} from "./index";

const counter = { kind: "staff", id: "counter" } as const;
const member = (id: string) => ({ kind: "resident", id }) as const;

async function desk() {
  // Saturday 21 March 2026, 11:00 GMT: the counter is open.
  const clock = manualClock("2026-03-21T11:00:00Z");
  const community = await createCommunity({
    config: { ...presetCopy("library-of-things"), members: [{ id: "counter", kind: "staff" }] },
    storage: memoryStorage(),
    plugins: [bookingPlugin(), pricingPlugin(), volunteersPlugin(), lendingPlugin()],
    clock,
    ids: sequentialIds(),
  });
  await community.lending.catalog.importInventory({ actor: counter, rows: libraryOfThingsInventory() });
  for (const id of ["amara", "ben", "cleo", "dev", "eli"])
    await community.residents.register({ actor: counter, id, name: id });
  const ledger = async (who: string) =>
    (await community.as(counter).for(who).pricing.ledger.entries({})).map((e) => [e.kind, e.amount] as const);
  return { community, clock, ledger };
}

describe("the High Street Library of Things' lending desk", () => {
  test("a drill needs the yearly membership; the carpet cleaner costs its day rate and a deposit, returned on time", async () => {
    const { community, clock, ledger } = await desk();
    const lend = community.lending;
    const drill = await lend
      .checkOut({ actor: counter, residentId: "amara", items: [{ itemTypeId: "drill" }] })
      .catch((e: unknown) => e);
    expect(isLinliError(drill) ? drill.code : drill).toBe("MEMBERSHIP_REQUIRED");
    const out = await lend.checkOut({
      actor: counter,
      residentId: "amara",
      items: [{ itemTypeId: "carpet-cleaner" }],
    });
    if (!out.ok) throw new Error(JSON.stringify(out.violations));
    // Big kit for three days, due at the next opening: Tuesday 24 March, 17:00 GMT.
    expect(out.loans[0]!.dueAt.toISOString()).toBe("2026-03-24T17:00:00.000Z");
    const [charge, deposit] = await ledger("amara");
    expect(charge?.[0]).toBe("charge");
    expect((charge?.[1] ?? 0) % BIG_KIT_DAY_RATE).toBe(0);
    expect(deposit).toEqual(["deposit-held", 2000]);
    // Back when the counter opens on Thursday, two days late: the deposit returned, £2 of late fees.
    clock.set(new Date("2026-03-26T17:00:00Z"));
    await lend.checkIn({ actor: counter, items: [{ itemId: out.loans[0]!.itemId, condition: "good" }] });
    expect((await ledger("amara")).slice(2)).toEqual([
      ["deposit-returned", -2000],
      ["charge", 2 * LATE_FEE_PER_DAY],
    ]);
    await community.close();
  });

  test("collection slots: three members a slot; a fourth takes the next one", async () => {
    const { community } = await desk();
    const slot = (start: string) => ({
      resourceId: "collection-slot",
      start: new Date(start),
      end: new Date(new Date(start).getTime() + 15 * 60_000),
    });
    const things = { amara: "gazebo", ben: "projector", cleo: "camping-stove", dev: "ladder" } as const;
    const who = Object.keys(things) as (keyof typeof things)[];
    // Each reserved a thing for next Saturday: they have something to collect.
    for (const id of who)
      await community.lending.reservations.make({
        actor: member(id),
        itemTypeId: things[id],
        from: "2026-03-28",
      });
    const results = [];
    for (const id of who)
      results.push((await community.booking.book({ actor: member(id), ...slot("2026-03-28T10:00:00Z") })).ok);
    expect(results).toEqual([...Array(COLLECTION_SLOT_CAPACITY).fill(true), false]);
    expect((await community.booking.book({ actor: member("dev"), ...slot("2026-03-28T10:15:00Z") })).ok).toBe(
      true,
    );
    await community.close();
  });
});
