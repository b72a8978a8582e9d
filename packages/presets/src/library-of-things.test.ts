// The second preset at the counter: a community unlike Wangjialong (London, pounds, clock
// changes, members-only lending, a sliding scale, deposits and late fees) on the same SDK.
import { bookingPlugin } from "@linli/booking";
import { createCommunity, manualClock, sequentialIds } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { volunteersPlugin } from "@linli/volunteers";
import { describe, expect, test } from "vitest";
import { presetCopy } from "./index";

const counter = { kind: "staff", id: "counter" } as const;

async function hub() {
  const community = await createCommunity({
    // A preset declares no staff: the community adds its own (linli verifies every actor id).
    config: { ...presetCopy("library-of-things"), members: [{ id: "counter", kind: "staff" }] },
    storage: memoryStorage(),
    plugins: [bookingPlugin(), pricingPlugin(), volunteersPlugin()],
    clock: manualClock("2026-03-20T12:00:00Z"),
    ids: sequentialIds(),
  });
  for (const [id, groups] of [
    ["amara", []],
    ["ben", ["student"]],
    ["cleo", ["universal-credit"]],
    ["dev", ["volunteer"]],
  ] as const) {
    await community.residents.register({ actor: counter, id, name: id });
    // Verified at the counter today: each grant lasts its group's year.
    for (const groupId of groups)
      await community.eligibility.grant({ actor: counter, forResident: id, groupId });
  }
  return community;
}

describe("the High Street Library of Things", () => {
  test("the yearly membership on a sliding scale: £40, £20 for students, £5 on Universal Credit, free for volunteers", async () => {
    const c = await hub();
    const paid: Record<string, number> = {};
    for (const who of ["amara", "ben", "cleo", "dev"]) {
      await c.as(counter).for(who).pricing.memberships.purchase({ planId: "yearly" });
      const entries = await c.as(counter).for(who).pricing.ledger.entries();
      paid[who] = entries.reduce((sum, e) => sum + e.amount, 0);
    }
    expect(paid).toEqual({ amara: 4000, ben: 2000, cleo: 500, dev: 0 });
  });

  test("only members borrow; a week's loan across the change to summer time (167 hours) is one loan", async () => {
    const c = await hub();
    // Saturday 28 March 10:00 GMT to Saturday 4 April 10:00 BST: the clocks go forward on the 29th.
    const week = {
      resourceId: "drill",
      start: new Date("2026-03-28T10:00:00Z"),
      end: new Date("2026-04-04T09:00:00Z"),
    };
    const refused = await c.as(counter).for("amara").booking.check(week);
    expect(refused.ok ? [] : refused.violations.map((v) => v.code)).toEqual(["MEMBERSHIP_REQUIRED"]);
    await c.as(counter).for("amara").pricing.memberships.purchase({ planId: "yearly" });
    const loan = await c.as(counter).for("amara").booking.book(week);
    expect(loan.ok).toBe(true);
  });

  test("big kit: £6 a started day with a £20 deposit, half price on Universal Credit; late fees £1 a started day, at most £10 a month", async () => {
    const c = await hub();
    const cleaner = {
      resourceId: "carpet-cleaner",
      start: new Date("2026-03-21T10:00:00Z"),
      end: new Date("2026-03-23T09:00:00Z"),
    };
    const quote = async (who: string, use: typeof cleaner) => {
      await c.as(counter).for(who).pricing.memberships.purchase({ planId: "yearly-supporter" });
      return c.as(counter).for(who).pricing.quote(use);
    };
    const amara = await quote("amara", cleaner);
    expect([amara.charge.amount, amara.deposit.amount, amara.total.currency]).toEqual([1200, 2000, "GBP"]);
    const cleo = await quote("cleo", cleaner);
    expect([cleo.charge.amount, cleo.deposit.amount]).toEqual([600, 2000]);
    const late = (days: number) => ({
      resourceId: "late-return",
      start: new Date("2026-03-23T10:00:00Z"),
      end: new Date(Date.UTC(2026, 2, 23 + days, 10)),
    });
    expect((await c.as(counter).for("amara").pricing.quote(late(3))).total.amount).toBe(300);
    await c.as(counter).for("amara").pricing.charge(late(8));
    const second = await c.as(counter).for("amara").pricing.quote(late(5));
    expect(second.total.amount).toBe(200);
    expect(second.lines.map((l) => l.code)).toContain("MONTHLY_CAP");
  });

  test("its own volunteer rota: a repair-café fixer is assigned a repair at home (assign mode, unpriced, no age rule)", async () => {
    const c = await hub();
    await c.as(counter).volunteers.register({
      id: "fixer",
      name: "Sam",
      placeId: "hub",
      skills: { fixing: 3 },
      teams: ["repair-cafe-fixers"],
      weekly: [{ weekday: 6, from: "10:00", to: "16:00" }],
    });
    const request = await c.as(counter).for("amara").volunteers.requests.create({
      kind: "home-repair",
      placeId: "hub",
      start: "2026-03-28T10:00:00Z",
      end: "2026-03-28T12:00:00Z",
      durationMinutes: 60,
    });
    expect(request.view === "staff" ? request.price : "not staff").toBeNull();
    const { matched } = await c.as(counter).volunteers.match();
    expect(matched.map((m) => [m.volunteerId, m.status])).toEqual([["fixer", "accepted"]]);
  });
});
