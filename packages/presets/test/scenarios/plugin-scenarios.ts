import { bookingPlugin } from "@linli/booking";
import type { StorageAdapter } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { describe, expect, test } from "vitest";
import {
  cst,
  desk,
  resident,
  system,
  wangjialong,
  withCourtyardHall,
} from "../../../booking/test/wangjialong-fixture";
import { lendingScenarios } from "../../../lending/test/scenarios";
import {
  asJson,
  desk as pricingDesk,
  resident as registerResident,
  testCommunity,
  wangjialongWithGym,
} from "../../../pricing/test/fixtures";
import { cst as volunteersCst, volunteer } from "../../../volunteers/test/fixture";
import { setUp as volunteersSetUp } from "../../../volunteers/test/scenario-setup";

/** A fresh, empty storage for one scenario. */
export type StorageFactory = () => StorageAdapter | Promise<StorageAdapter>;

/**
 * The scenarios of every plugin of the repository (booking, pricing, lending, volunteers), in
 * the community's words, written once and run unchanged on each storage adapter: the memory
 * adapter, SQLite and PostgreSQL give the same answers.
 */
export function pluginScenarios(storage: StorageFactory): void {
  describe("booking", () => {
    test("10 callers at once for the courtyard hall (capacity 2): exactly 2 confirmed, the 8 others told it is full", async () => {
      const callers = Array.from({ length: 10 }, (_, i) => `caller-${i}`);
      const { community } = await wangjialong({
        config: withCourtyardHall(),
        storage: await storage(),
        residents: callers,
      });
      const outcomes = await Promise.all(
        callers.map((id) =>
          community.booking.book({
            actor: resident(id),
            resourceId: "courtyard-hall",
            start: cst("2026-07-06T14:00"),
            end: cst("2026-07-06T16:00"),
          }),
        ),
      );
      expect(outcomes.filter((o) => o.ok)).toHaveLength(2);
      for (const o of outcomes) if (!o.ok) expect(o.violations.map((v) => v.code)).toEqual(["CAPACITY_FULL"]);
      expect(await community.events.list({ actor: desk, types: ["BookingConfirmed"] })).toHaveLength(2);
      await community.close();
    });

    test("the drying room's waitlist: an offer not taken in 30 minutes passes to the next in line at the sweep", async () => {
      const { community, clock } = await wangjialong({ storage: await storage() });
      const slot = { resourceId: "dryer-1", start: cst("2026-07-06T15:00"), end: cst("2026-07-06T16:00") };
      const first = await community.booking.book({ actor: resident("wang"), ...slot });
      if (!first.ok) throw new Error("refused");
      await community.booking.waitlist.join({ actor: resident("li"), ...slot });
      await community.booking.waitlist.join({ actor: resident("zhang"), ...slot });
      await community.booking.cancel({ actor: resident("wang"), bookingId: first.booking.id });
      clock.advance(31 * 60_000);
      expect(await community.booking.sweep({ actor: system })).toMatchObject({ offersExpired: 1 });
      const offers = await community.events.list({
        actor: desk,
        types: ["WaitlistOffered", "WaitlistOfferExpired"],
      });
      expect(offers.map((e) => [e.type, e.payload.residentId])).toEqual([
        ["WaitlistOffered", "li"],
        ["WaitlistOfferExpired", "li"],
        ["WaitlistOffered", "zhang"],
      ]);
      await community.close();
    });
  });

  describe("pricing", () => {
    test("the members-only gym: refused without a pass; with June's pass the booking is covered at 0, and the ledger shows the pass and the covered visit", async () => {
      const { community } = await testCommunity({
        config: asJson(wangjialongWithGym()),
        plugins: [bookingPlugin(), pricingPlugin()],
        storage: await storage(),
      });
      await registerResident(community, "li");
      await registerResident(community, "zhao");
      const morning = { start: cst("2026-06-02T09:00"), end: cst("2026-06-02T10:00") };
      const refused = await community
        .as(pricingDesk)
        .for("li")
        .booking.book({ resourceId: "gym", ...morning });
      expect(!refused.ok && refused.violations.map((v) => v.code)).toEqual(["MEMBERSHIP_REQUIRED"]);
      const zhao = community.as(pricingDesk).for("zhao");
      await zhao.pricing.memberships.purchase({ planId: "gym-monthly" });
      const booked = await zhao.booking.book({ resourceId: "gym", ...morning });
      if (!booked.ok) throw new Error(JSON.stringify(booked.violations));
      const entries = await zhao.pricing.ledger.entries();
      expect(entries.map((e) => [e.kind, e.amount, e.code])).toEqual([
        ["charge", 2500, "MEMBERSHIP_PURCHASE"],
        ["charge", 0, "MEMBERSHIP_COVERED"],
      ]);
      await community.close();
    });
  });

  describe("lending", () => lendingScenarios(storage));

  describe("volunteers", () => {
    test("a home repair for an elderly person living alone: priced 0 for staff, matched to her courtyard's electrician, no reason shown to the volunteer", async () => {
      const { community, staff } = await volunteersSetUp(await storage());
      const created = await staff.for("wang").volunteers.requests.create({
        kind: "home-repair",
        start: volunteersCst("2026-06-02T09:00"),
        end: volunteersCst("2026-06-02T12:00"),
        durationMinutes: 60,
        requiredSkills: [{ skill: "electrician" }],
        channel: "phone",
      });
      if (created.view !== "staff") throw new Error("staff view expected");
      expect(created.price?.total.amount).toBe(0);
      const { matched } = await staff.volunteers.match();
      expect(matched.map((m) => m.volunteerId)).toEqual(["li"]);
      const seen = await community.as(volunteer("li")).volunteers.requests.get({ requestId: created.id });
      expect(JSON.stringify(seen)).not.toMatch(/elderly-living-alone|TIER_FREE|price/);
      await community.close();
    });
  });
}
