import type { StorageAdapter } from "@linli/core";
import { isLinliError } from "@linli/core";
import { expect, test } from "vitest";
import { cst, desk, resident, system, toolRoom, volunteer } from "./tool-room-fixture";

const HOUR = 3_600_000;

/** Expects a call to fail with a LinliError of this code, in zh-CN and en. */
export async function expectCode(call: Promise<unknown>, code: string): Promise<void> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isLinliError(error) ? error.code : error).toBe(code);
  if (isLinliError(error)) {
    expect(error.messages["zh-CN"].length).toBeGreaterThan(0);
    expect(error.messages.en.length).toBeGreaterThan(0);
  }
}

/**
 * The tool room's scenarios in the community's words, on any storage: the same file runs on
 * memory, SQLite and PostgreSQL.
 */
export function lendingScenarios(storage: () => StorageAdapter | Promise<StorageAdapter>): void {
  test("donation to first loan: Zhao's pipe wrench is accepted, credited and lent to Wang", async () => {
    const { community, lend } = await toolRoom({ storage: await storage() });
    const offered = await lend.donations.offer({
      actor: resident("zhao"),
      newType: {
        id: "pipe-wrench",
        category: "hand-tools",
        nameZh: "管钳",
        nameEn: "Pipe wrench",
        tracking: "numbered",
      },
      description: "用了两年的管钳，完好",
      condition: "good",
      creditDonor: true,
    });
    const { items } = await lend.donations.accept({ actor: desk, donationId: offered.id, codes: ["W-1"] });
    expect(items.map((i) => [i.code, i.status, i.acquisition, i.donorId])).toEqual([
      ["W-1", "available", "donated", "zhao"],
    ]);
    const free = await lend.available({ actor: resident("wang"), category: "hand-tools" });
    expect(free.map((t) => [t.itemTypeId, t.available])).toEqual([["pipe-wrench", 1]]);
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "pipe-wrench" }],
    });
    expect(out.ok).toBe(true);
    const mine = await lend.mine({ actor: resident("wang") });
    expect(mine.loans.map((l) => l.itemId)).toEqual([items[0]!.id]);
    const rows = await lend.catalog.exportInventory({ actor: desk });
    expect(rows.find((r) => r.code === "W-1")).toMatchObject({
      donor: "zhao",
      status: "on-loan",
      acquisition: "donated",
    });
    const events = await community.events.list({ actor: desk, types: ["DonationAccepted", "LoanStarted"] });
    expect(events.map((e) => e.type)).toEqual(["DonationAccepted", "LoanStarted"]);
    await community.close();
  });

  test("renewal refused because Li is waiting for the ladder", async () => {
    const { community, lend } = await toolRoom({ storage: await storage() });
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "ladder" }],
    });
    if (!out.ok) throw new Error("loan refused");
    const hold = await lend.holds.place({ actor: resident("li"), itemTypeId: "ladder" });
    expect(hold.ok && hold.hold.status).toBe("waiting");
    const renewed = await lend.renew({ actor: resident("wang"), loanId: out.loans[0]!.id });
    expect(renewed.ok).toBe(false);
    if (renewed.ok) return;
    expect(renewed.violations.map((v) => v.code)).toEqual(["HELD_BY_OTHERS"]);
    expect(renewed.violations[0]!.message["zh-CN"]).toContain("排队");
    expect(renewed.violations[0]!.message.en).toContain("cannot be renewed");
    const after = await lend.mine({ actor: resident("wang") });
    expect(after.loans[0]!.dueAt).toEqual(out.loans[0]!.dueAt);
    expect(after.loans[0]!.renewals).toBe(0);
    await community.close();
  });

  test("a hold not picked up expires and passes to the next resident", async () => {
    const { community, lend, clock, item } = await toolRoom({ storage: await storage() });
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "ladder" }],
    });
    expect(out.ok).toBe(true);
    await lend.holds.place({ actor: resident("li"), itemTypeId: "ladder" });
    clock.advance(60_000);
    await lend.holds.place({ actor: resident("zhang"), itemTypeId: "ladder" });
    clock.advance(HOUR);
    const [back] = await lend.checkIn({
      actor: volunteer,
      items: [{ itemId: item("L-1"), condition: "good" }],
    });
    expect(back!.unitStatus).toBe("on-hold-shelf");
    expect((await lend.mine({ actor: resident("li") })).holds[0]!.status).toBe("ready");
    // Zhang cannot take the ladder that waits for Li.
    await expectCode(
      lend.checkOut({ actor: volunteer, residentId: "zhang", items: [{ itemId: item("L-1") }] }),
      "ON_HOLD_FOR_ANOTHER",
    );
    clock.advance(49 * HOUR);
    const report = await lend.sweep({ actor: system });
    expect(report.holdsExpired).toBe(1);
    expect((await lend.mine({ actor: resident("li") })).holds).toEqual([]);
    const zhang = await lend.mine({ actor: resident("zhang") });
    expect(zhang.holds.map((h) => [h.status, h.itemId])).toEqual([["ready", item("L-1")]]);
    const taken = await lend.checkOut({
      actor: volunteer,
      residentId: "zhang",
      items: [{ itemTypeId: "ladder" }],
    });
    expect(taken.ok && taken.loans[0]!.itemId).toBe(item("L-1"));
    expect((await lend.mine({ actor: resident("zhang") })).holds).toEqual([]);
    const types = (await community.events.list({ actor: desk, types: ["HoldReady", "HoldExpired"] })).map(
      (e) => e.type,
    );
    expect(types).toEqual(["HoldReady", "HoldExpired", "HoldReady"]);
    await community.close();
  });

  test("a broken drill reported on return goes to maintenance, and Li's hold waits for the repair", async () => {
    const { community, lend, item } = await toolRoom({ storage: await storage() });
    for (const id of ["wang", "li"])
      await community.eligibility.grant({ actor: desk, forResident: id, groupId: "power-tool-trained" });
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "cordless-drill" }],
    });
    expect(out.ok).toBe(true);
    await lend.holds.place({ actor: resident("li"), itemTypeId: "cordless-drill" });
    const [back] = await lend.checkIn({
      actor: volunteer,
      items: [{ itemId: item("D-1"), condition: "broken", damage: "夹头打滑 / the chuck slips" }],
    });
    expect(back!.unitStatus).toBe("in-maintenance");
    expect((await lend.mine({ actor: resident("li") })).holds[0]!.status).toBe("waiting");
    expect(await lend.available({ actor: resident("li"), tag: "power" })).toEqual([]);
    await expectCode(
      lend.checkOut({ actor: desk, residentId: "li", items: [{ itemId: item("D-1") }] }),
      "ITEM_NOT_AVAILABLE",
    );
    const history = await lend.itemHistory({ actor: volunteer, itemId: item("D-1") });
    expect(history.tickets.map((t) => [t.status, t.source])).toEqual([["reported", "return"]]);
    await lend.tickets.update({ actor: volunteer, ticketId: back!.ticketId!, status: "repairing" });
    await lend.tickets.update({
      actor: volunteer,
      ticketId: back!.ticketId!,
      status: "done",
      condition: "good",
    });
    const li = await lend.mine({ actor: resident("li") });
    expect(li.holds.map((h) => [h.status, h.itemId])).toEqual([["ready", item("D-1")]]);
    await community.close();
  });

  test("Wang, with an overdue trowel, is refused a new loan with the reason in zh-CN and en", async () => {
    const { community, lend, clock } = await toolRoom({ storage: await storage() });
    const first = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "trowel" }],
    });
    if (!first.ok) throw new Error("loan refused");
    clock.set(new Date(first.loans[0]!.dueAt.getTime() + 26 * HOUR));
    const before = (await community.events.list({ actor: desk })).length;
    const again = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "hedge-trimmer" }],
    });
    expect(again.ok).toBe(false);
    if (again.ok) return;
    expect(again.violations.map((v) => v.code)).toEqual(["OVERDUE_LOANS"]);
    expect(again.violations[0]!.message).toEqual({
      "zh-CN": "有 1 件物品逾期未还，请先归还再借",
      en: "1 overdue item(s) must be returned before a new loan",
    });
    expect((await community.events.list({ actor: desk })).length).toBe(before);
    const overdue = await lend.overdue({ actor: desk });
    expect(overdue.map((l) => l.residentId)).toEqual(["wang"]);
    const swept = await lend.sweep({ actor: system });
    expect(swept.overdue).toBe(1);
    expect((await lend.sweep({ actor: system })).overdue).toBe(0);
    await community.close();
  });

  test("a loan due during the National Day closure is due at the next opening", async () => {
    const { community, lend } = await toolRoom({ storage: await storage(), start: "2026-09-24T02:00:00Z" });
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "trowel" }],
    });
    if (!out.ok) throw new Error("loan refused");
    // 7 days after Thursday 24 September 10:00 is Thursday 1 October: closed until the 7th.
    expect(out.loans[0]!.dueAt).toEqual(cst("2026-10-08T09:00"));
    await community.close();
  });

  test("bad input: a retired item, returning what is not on loan, a hold on an unknown type", async () => {
    const { community, lend, item } = await toolRoom({ storage: await storage() });
    await lend.catalog.retireUnit({ actor: desk, itemId: item("H-1") });
    const before = await community.events.list({ actor: desk });
    const inventory = await lend.catalog.exportInventory({ actor: desk, includeRetired: true });
    await expectCode(
      lend.checkOut({ actor: volunteer, residentId: "wang", items: [{ itemId: item("H-1") }] }),
      "ITEM_RETIRED",
    );
    await expectCode(
      lend.checkIn({ actor: volunteer, items: [{ itemId: item("T-1"), condition: "good" }] }),
      "NOT_ON_LOAN",
    );
    await expectCode(
      lend.holds.place({ actor: resident("wang"), itemTypeId: "chainsaw" }),
      "UNKNOWN_ITEM_TYPE",
    );
    await expectCode(
      lend.checkOut({ actor: volunteer, residentId: "wang", items: [{ itemTypeId: "chainsaw" }] }),
      "UNKNOWN_ITEM_TYPE",
    );
    // A batch whose second entry is bad writes nothing for the first either.
    await expectCode(
      lend.checkOut({
        actor: volunteer,
        residentId: "wang",
        items: [{ itemTypeId: "trowel" }, { itemId: item("H-1") }],
      }),
      "ITEM_RETIRED",
    );
    expect(await community.events.list({ actor: desk })).toEqual(before);
    expect(await lend.catalog.exportInventory({ actor: desk, includeRetired: true })).toEqual(inventory);
    expect((await lend.mine({ actor: resident("wang") })).loans).toEqual([]);
    await community.close();
  });
}
