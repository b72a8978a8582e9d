import { createCommunity, isLinliError, manualClock, sequentialIds, type StorageAdapter } from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { expect, test } from "vitest";
import { pricingPlugin } from "../src/pricing-plugin";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });
const counter = { kind: "staff", id: "counter" } as const;
const DAY = 86_400_000;

/**
 * A small library of things (London, pence): a drill covered by the yearly membership, a
 * carpet cleaner at £6 a started day with a £20 deposit, late returns at £1 a started day
 * capped at £10 a calendar month; lending names these resources in its `charges`. The counter
 * is open around the clock (due dates are exact). Starts Monday 2026-06-01 10:00 BST.
 */
async function hub(storage: StorageAdapter) {
  const clock = manualClock("2026-06-01T09:00:00Z");
  const community = await createCommunity({
    config: {
      members: [{ id: "counter", kind: "staff" }],
      community: {
        id: "hub",
        name: text("物品图书馆", "Library of Things"),
        timeZone: "Europe/London",
        currency: "GBP",
      },
      places: [{ id: "hub", kind: "facility", name: text("物品图书馆", "Hub") }],
      resources: [
        { id: "drill", kind: "item", name: text("电钻", "Drill"), place: "hub" },
        { id: "carpet-cleaner", kind: "item", name: text("地毯清洗机", "Carpet cleaner"), place: "hub" },
        { id: "late-return", kind: "service", name: text("逾期归还", "Late return"), place: "hub" },
      ],
      resourceGroups: [{ id: "everyday-kit", name: text("日常物品", "Everyday kit"), resources: ["drill"] }],
      pricing: {
        currency: "GBP",
        plans: [
          {
            id: "big-kit-day-rate",
            name: text("大件设备日租", "Big kit day rate"),
            appliesTo: { resources: ["carpet-cleaner"] },
            charge: { kind: "per-time", amount: 600, unitMinutes: 1440, unitRounding: "started" },
            deposit: { amount: 2000 },
          },
          {
            id: "late-fee",
            name: text("逾期费", "Late fee"),
            appliesTo: { resources: ["late-return"] },
            charge: { kind: "per-time", amount: 100, unitMinutes: 1440, unitRounding: "started" },
            cap: { period: "calendar-month", amount: 1000 },
          },
        ],
        memberships: [
          {
            id: "yearly",
            name: text("年度会员", "Yearly membership"),
            price: 4000,
            period: { kind: "days", days: 365 },
            covers: { resourceGroups: ["everyday-kit"] },
          },
        ],
      },
      lending: {
        categories: [
          { id: "everyday-kit", name: text("日常物品", "Everyday kit"), loanDays: 7 },
          { id: "big-kit", name: text("大件设备", "Big kit"), loanDays: 3 },
        ],
        charges: {
          itemTypes: { drill: "drill", "carpet-cleaner": "carpet-cleaner" },
          lateReturnResource: "late-return",
        },
      },
    },
    storage,
    plugins: [pricingPlugin(), lendingPlugin()],
    clock,
    ids: sequentialIds(),
  });
  for (const id of ["amara", "ben"]) await community.residents.register({ actor: counter, id, name: id });
  const lend = community.lending;
  for (const [id, category, zh, en] of [
    ["drill", "everyday-kit", "电钻", "Drill"],
    ["carpet-cleaner", "big-kit", "地毯清洗机", "Carpet cleaner"],
  ] as const) {
    await lend.catalog.addType({ actor: counter, id, category, nameZh: zh, nameEn: en });
    await lend.catalog.addUnits({ actor: counter, itemTypeId: id, units: [{ code: `${id}-1` }] });
  }
  const ledger = async (who: string) =>
    (await community.as(counter).for(who).pricing.ledger.entries({})).map((e) => [e.kind, e.amount] as const);
  const borrow = async (who: string, itemTypeId: string) => {
    const out = await lend.checkOut({ actor: counter, residentId: who, items: [{ itemTypeId }] });
    if (!out.ok) throw new Error(JSON.stringify(out.violations));
    return out.loans[0]!;
  };
  const giveBack = (itemId: string) =>
    lend.checkIn({ actor: counter, items: [{ itemId, condition: "good" }] });
  return { community, clock, lend, ledger, borrow, giveBack };
}

/** Loan fees, deposits and late fees charged by pricing through lending's events, on any storage. */
export function lendingChargesScenarios(storage: () => StorageAdapter | Promise<StorageAdapter>): void {
  test("big kit: three days at £6 and a £20 deposit, quoted before and charged at check-out; the deposit comes back at check-in", async () => {
    const { community, clock, ledger, borrow, giveBack } = await hub(await storage());
    const quote = await community
      .as(counter)
      .for("amara")
      .pricing.quote({
        resourceId: "carpet-cleaner",
        start: clock.now(),
        end: new Date(clock.now().getTime() + 3 * DAY),
      });
    expect([quote.charge.amount, quote.deposit.amount]).toEqual([1800, 2000]);
    const loan = await borrow("amara", "carpet-cleaner");
    expect(await ledger("amara")).toEqual([
      ["charge", 1800],
      ["deposit-held", 2000],
    ]);
    clock.advance(2 * DAY);
    await giveBack(loan.itemId);
    expect(await ledger("amara")).toEqual([
      ["charge", 1800],
      ["deposit-held", 2000],
      ["deposit-returned", -2000],
    ]);
    await community.close();
  });

  test("a renewal of big kit is priced to its new due date: the extra days as a correction", async () => {
    const { community, lend, ledger, borrow } = await hub(await storage());
    const loan = await borrow("amara", "carpet-cleaner");
    const renewed = await lend.renew({ actor: counter, loanId: loan.id });
    expect(renewed.ok).toBe(true);
    expect(await ledger("amara")).toEqual([
      ["charge", 1800],
      ["deposit-held", 2000],
      ["correction", 1800],
    ]);
    await community.close();
  });

  test("a late return: £1 a started day from the due date, at most £10 a month; the deposit still comes back", async () => {
    const { community, clock, ledger, borrow, giveBack } = await hub(await storage());
    const loan = await borrow("amara", "carpet-cleaner");
    clock.set(new Date(loan.dueAt.getTime() + 2.5 * DAY));
    await giveBack(loan.itemId);
    expect(await ledger("amara")).toEqual([
      ["charge", 1800],
      ["deposit-held", 2000],
      ["deposit-returned", -2000],
      ["charge", 300],
    ]);
    const again = await borrow("amara", "carpet-cleaner");
    clock.set(new Date(again.dueAt.getTime() + 20 * DAY));
    await giveBack(again.itemId);
    const late = (await ledger("amara")).filter(([kind, amount]) => kind === "charge" && amount !== 1800);
    // 300 in June, then the capped rest of the month: £10 a calendar month in all.
    expect(late.reduce((sum, [, amount]) => sum + amount, 0)).toBe(1000);
    await community.close();
  });

  test("everyday kit needs the yearly membership: without it the check-out is refused and nothing is written", async () => {
    const { community, lend, ledger, borrow } = await hub(await storage());
    const refused = await lend
      .checkOut({ actor: counter, residentId: "ben", items: [{ itemTypeId: "drill" }] })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(isLinliError(refused) ? refused.code : refused).toBe("MEMBERSHIP_REQUIRED");
    expect((await lend.mine({ actor: counter, forResident: "ben" })).loans).toEqual([]);
    expect(await ledger("ben")).toEqual([]);
    await community.as(counter).for("ben").pricing.memberships.purchase({ planId: "yearly" });
    await borrow("ben", "drill");
    expect(await ledger("ben")).toEqual([
      ["charge", 4000],
      ["charge", 0],
    ]);
    await community.close();
  });
}
