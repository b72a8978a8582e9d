import { describe, expect, test } from "vitest";
import { expectCode } from "../test/scenarios";
import { cst, desk, resident, system, toolRoom, volunteer } from "../test/tool-room-fixture";

const HOUR = 3_600_000;

describe("the tool room's circulation", () => {
  test("a multi-item loan comes back in parts", async () => {
    const { community, lend, item } = await toolRoom();
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "trowel" }, { itemTypeId: "trowel" }, { itemId: item("L-1") }],
    });
    if (!out.ok) throw new Error("refused");
    expect(new Set(out.loans.map((l) => l.batchId)).size).toBe(1);
    expect(out.loans.map((l) => l.itemId)).toEqual([item("T-1"), item("T-2"), item("L-1")]);
    await lend.checkIn({
      actor: volunteer,
      items: [{ itemId: item("T-2"), condition: "worn", note: "edge bent" }],
    });
    const mine = await lend.mine({ actor: resident("wang") });
    expect(mine.loans.map((l) => l.itemId).sort()).toEqual([item("L-1"), item("T-1")].sort());
    const history = await lend.itemHistory({ actor: desk, itemId: item("T-2") });
    expect(history.item).toMatchObject({
      status: "available",
      condition: "worn",
      conditionNote: "edge bent",
    });
    await community.close();
  });

  test("a check-out with bad entries names the first bad one, in input order, and writes nothing", async () => {
    const { community, lend, item } = await toolRoom();
    const reservation = await lend.reservations.make({
      actor: resident("li"),
      itemTypeId: "ladder",
      from: "2026-09-26",
    });
    const attempt = (items: Parameters<typeof lend.checkOut>[0]["items"], residentId = "li") =>
      lend.checkOut({ actor: volunteer, residentId, items });
    await expectCode(
      attempt([{ itemId: item("T-1") }, { itemTypeId: "no-such-type" }, { itemId: "no-such-unit" }]),
      "UNKNOWN_ITEM_TYPE",
    );
    await expectCode(attempt([{ itemId: "no-such-unit" }, { itemTypeId: "no-such-type" }]), "UNKNOWN_ITEM");
    await expectCode(
      attempt(
        [{ itemTypeId: "trowel" }, { reservationId: reservation.id }, { itemId: "no-such-unit" }],
        "wang",
      ),
      "RESERVATION_NOT_FOUND",
    );
    expect((await lend.mine({ actor: resident("li") })).loans).toEqual([]);
    expect((await lend.mine({ actor: resident("wang") })).loans).toEqual([]);
    const out = await attempt([
      { reservationId: reservation.id },
      { itemId: item("T-2") },
      { itemTypeId: "trowel" },
    ]);
    if (!out.ok) throw new Error("refused");
    expect(out.loans.map((l) => l.itemId)).toEqual([item("L-1"), item("T-2"), item("T-1")]);
    await community.close();
  });

  test("a reservation for Saturday and a walk-in never take the same ladder", async () => {
    const { community, lend, item } = await toolRoom();
    const reservation = await lend.reservations.make({
      actor: resident("li"),
      itemTypeId: "ladder",
      from: "2026-09-26",
    });
    // A walk-in loan today would run to the 29th, over Saturday.
    await expectCode(
      lend.checkOut({ actor: volunteer, residentId: "wang", items: [{ itemTypeId: "ladder" }] }),
      "NO_UNIT_AVAILABLE",
    );
    await expectCode(
      lend.reservations.make({
        actor: resident("zhang"),
        itemId: item("L-1"),
        from: "2026-09-25",
        to: "2026-09-26",
      }),
      "UNIT_RESERVED",
    );
    expect(await lend.available({ actor: desk, on: "2026-09-26", category: "ladders" })).toEqual([]);
    expect(
      (await lend.available({ actor: desk, on: "2026-10-10", category: "ladders" })).map((t) => t.codes),
    ).toEqual([["L-1"]]);
    expect((await lend.available({ actor: desk, category: "ladders" })).length).toBe(0);
    const picked = await lend.checkOut({
      actor: volunteer,
      residentId: "li",
      items: [{ reservationId: reservation.id }],
    });
    expect(picked.ok && picked.loans[0]!.itemId).toBe(item("L-1"));
    expect((await lend.mine({ actor: resident("li") })).reservations).toEqual([]);
    await community.close();
  });

  test("pushing one's hold back keeps one's place; the next unit goes to the next in line meanwhile", async () => {
    const { community, lend, clock, item } = await toolRoom();
    await lend.checkOut({ actor: volunteer, residentId: "wang", items: [{ itemId: item("L-1") }] });
    const li = await lend.holds.place({ actor: resident("li"), itemTypeId: "ladder" });
    clock.advance(60_000);
    await lend.holds.place({ actor: resident("zhang"), itemTypeId: "ladder" });
    if (!li.ok) throw new Error("refused");
    await lend.holds.pushBack({ actor: resident("li"), holdId: li.hold.id, until: cst("2026-10-10T00:00") });
    await lend.checkIn({ actor: volunteer, items: [{ itemId: item("L-1"), condition: "good" }] });
    expect((await lend.mine({ actor: resident("zhang") })).holds[0]!.status).toBe("ready");
    const liHolds = (await lend.mine({ actor: resident("li") })).holds;
    expect(liHolds.map((h) => [h.status, h.rank])).toEqual([["waiting", li.hold.rank]]);
    // Li cannot hold the ladder twice, nor what she has.
    const twice = await lend.holds.place({ actor: resident("li"), itemTypeId: "ladder" });
    expect(twice.ok ? [] : twice.violations.map((v) => v.code)).toEqual(["ALREADY_HELD"]);
    clock.advance(HOUR);
    await lend.sweep({ actor: system });
    await community.close();
  });

  test("renewal moves the due date by the loan period from the old one, up to the limit", async () => {
    const { community, lend } = await toolRoom({ overrides: { maxRenewals: 1 } });
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "trowel" }],
    });
    if (!out.ok) throw new Error("refused");
    const first = await lend.renew({ actor: resident("wang"), loanId: out.loans[0]!.id });
    // Due Tuesday 29 September 10:00; 7 days later is 6 October, in the National Day closure.
    expect(first.ok && first.loan.dueAt).toEqual(cst("2026-10-08T09:00"));
    const second = await lend.renew({ actor: resident("wang"), loanId: out.loans[0]!.id });
    expect(second.ok ? [] : second.violations.map((v) => v.code)).toEqual(["RENEWAL_LIMIT"]);
    await expectCode(lend.renew({ actor: resident("li"), loanId: out.loans[0]!.id }), "ACCESS_DENIED");
    await community.close();
  });

  test("power tools: training recorded as a group, or staff approval; not a volunteer's", async () => {
    const { community, lend } = await toolRoom();
    const refused = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemTypeId: "cordless-drill" }],
      staffApproval: true,
    });
    expect(refused.ok ? [] : refused.violations.map((v) => v.code)).toEqual(["TRAINING_REQUIRED"]);
    const approved = await lend.checkOut({
      actor: desk,
      residentId: "wang",
      items: [{ itemTypeId: "cordless-drill" }],
      staffApproval: true,
    });
    expect(approved.ok && approved.loans[0]!.approvedBy).toBe(desk.id);
    await community.close();
  });

  test("a maintenance plan every 2 loans sends the unit to service on its second return", async () => {
    const { community, lend, item } = await toolRoom({
      overrides: { maintenancePlans: [{ id: "trimmer-service", categories: ["garden"], everyLoans: 2 }] },
    });
    for (const round of [1, 2]) {
      await lend.checkOut({ actor: volunteer, residentId: "wang", items: [{ itemId: item("H-1") }] });
      const [back] = await lend.checkIn({
        actor: volunteer,
        items: [{ itemId: item("H-1"), condition: "good" }],
      });
      expect(back!.unitStatus).toBe(round === 1 ? "available" : "in-maintenance");
    }
    const h = await lend.itemHistory({ actor: desk, itemId: item("H-1") });
    expect(h.tickets.map((t) => [t.source, t.planId])).toEqual([["plan", "trimmer-service"]]);
    await community.close();
  });

  test("fines are off by default and charged per started day late when configured", async () => {
    const { community, lend, clock, item } = await toolRoom({
      overrides: { fines: { enabled: true, perDayMinor: 50, maxMinor: 120 } },
    });
    const out = await lend.checkOut({
      actor: volunteer,
      residentId: "wang",
      items: [{ itemId: item("T-1") }],
    });
    if (!out.ok) throw new Error("refused");
    clock.set(new Date(out.loans[0]!.dueAt.getTime() + 30 * HOUR));
    const [back] = await lend.checkIn({
      actor: volunteer,
      items: [{ itemId: item("T-1"), condition: "good" }],
    });
    expect(back!.loan.fineMinor).toBe(100);
    await community.close();
  });

  test("availability by tag and place; inventory export and import round-trip", async () => {
    const { community, lend } = await toolRoom();
    expect(
      (await lend.available({ actor: desk, tag: "garden" })).map((t) => [t.itemTypeId, t.available]),
    ).toEqual([["trowel", 3]]);
    expect((await lend.available({ actor: desk, place: "gatehouse" })).map((t) => t.itemTypeId)).toEqual([
      "cordless-drill",
      "hedge-trimmer",
      "ladder",
      "trowel",
    ]);
    const rows = await lend.catalog.exportInventory({ actor: desk });
    const other = await toolRoom();
    await expectCode(other.lend.catalog.importInventory({ actor: desk, rows }), "DUPLICATE_CODE");
    const fresh = rows.map((r) => ({
      ...r,
      itemTypeId: `x-${r.itemTypeId}`,
      code: `X-${r.code}`,
      status: undefined,
    }));
    expect(await other.lend.catalog.importInventory({ actor: desk, rows: fresh })).toEqual({
      types: 4,
      units: 6,
    });
    await other.community.close();
    await community.close();
  });
});
