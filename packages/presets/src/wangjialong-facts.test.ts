// Each Wangjialong fact of the domain brief (the 2023 news report) that booking and pricing can
// express, checked against the preset. The volunteer facts (the 42-member Alley Pioneers and
// their duties, pairing, home repair through volunteers) are in wangjialong-volunteer-facts.test.ts;
// the tool room (lending section and inventory) in wangjialong-tool-room-facts.test.ts.
import { bookingPlugin } from "@linli/booking";
import { createCommunity, manualClock, sequentialIds } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { describe, expect, test } from "vitest";
import { presetCopy, wangjialong } from "./index";

const config = wangjialong;
const resource = (id: string) => {
  const found = config.resources?.find((r) => r.id === id);
  if (!found) throw new Error(`no resource ${id}`);
  return found;
};
const rules = (kind: string, resourceId: string) =>
  (config.booking?.rules ?? []).filter(
    (r) =>
      r.kind === kind &&
      (r.appliesTo?.resources?.includes(resourceId) ||
        config.resourceGroups
          ?.filter((g) => g.resources.includes(resourceId))
          .some((g) => r.appliesTo?.resourceGroups?.includes(g.id))),
  );
const planFor = (resourceId: string) => {
  const groups =
    config.resourceGroups?.filter((g) => g.resources.includes(resourceId)).map((g) => g.id) ?? [];
  const plans = (config.pricing?.plans ?? []).filter(
    (p) =>
      p.appliesTo.resources?.includes(resourceId) ||
      p.appliesTo.resourceGroups?.some((g) => groups.includes(g)),
  );
  expect(plans).toHaveLength(1);
  return plans[0]!;
};
const freeGroups = (resourceId: string) =>
  planFor(resourceId)
    .tiers?.filter((t) => t.price.kind === "free")
    .map((t) => t.group)
    .sort();

describe("Wangjialong as the domain brief describes it", () => {
  test("community: Asia/Shanghai, CNY (minor units: fen), zh-CN; bounded by Lanes 5, 6, 7 and Dongfeng Road", () => {
    expect(config.community).toMatchObject({
      id: "wangjialong",
      timeZone: "Asia/Shanghai",
      currency: "CNY",
      locale: "zh-CN",
    });
    expect(config.places?.filter((p) => p.kind === "street").map((p) => p.id)).toEqual(
      expect.arrayContaining(["lane-5", "lane-6", "lane-7", "dongfeng-road"]),
    );
    expect(config.places?.find((p) => p.id === "culture-wall")?.parent).toBe("lane-6");
  });

  test("every eligibility group of the glossary, staff-verified and sensitive except students", () => {
    const groups = Object.fromEntries((config.groups ?? []).map((g) => [g.id, g]));
    for (const id of [
      "minimum-subsistence",
      "extremely-poor",
      "hardship",
      "elderly-living-alone",
      "elderly-no-family",
      "empty-nest-elderly",
    ]) {
      expect(groups[id]?.sensitive ?? true).toBe(true);
      expect(groups[id]?.verification ?? "staff").toBe("staff");
    }
    expect(groups.student).toMatchObject({ sensitive: false });
  });

  test("24-hour library on the commercial street: five areas, open 24 hours, free", () => {
    const library = resource("library");
    expect(library.zones?.map((z) => z.name.en)).toEqual([
      "Adult reading area",
      "Children's reading area",
      "E-reading area",
      "Activity area",
      "Exhibition area",
    ]);
    expect(rules("opening-hours", "library")).toEqual([expect.objectContaining({ alwaysOpen: true })]);
    expect(config.places?.find((p) => p.id === library.place)?.parent).toBe("commercial-street");
    expect(planFor("library").charge.kind).toBe("free");
  });

  test("calligraphy room: free ghostwriting of wedding certificates, invitations, obituaries, thank-you letters, couplets", () => {
    const writing = config.resourceGroups?.find((g) => g.id === "ghostwriting")?.resources ?? [];
    expect(writing.map((id) => resource(id).name.en)).toEqual([
      "Ghostwriting: Wedding certificate",
      "Ghostwriting: Invitation",
      "Ghostwriting: Obituary",
      "Ghostwriting: Thank-you letter",
      "Ghostwriting: Couplet",
    ]);
    for (const id of [...writing, "calligraphy-room"]) expect(planFor(id).charge.kind).toBe("free");
  });

  test("calligraphy classes: free, for students, in the winter and summer school holidays", () => {
    expect(planFor("calligraphy-class").charge.kind).toBe("free");
    expect(rules("seasonal", "calligraphy-class")).toEqual([
      expect.objectContaining({
        groups: ["student"],
        periods: [
          { from: "01-20", to: "02-20" },
          { from: "07-10", to: "08-31" },
        ],
      }),
    ]);
  });

  test("drying room: 1 yuan per use for drying, disinfecting, ironing, tailoring; free for elderly with no family and households in difficulty", () => {
    for (const id of ["drying-room", "ironing", "tailoring"]) {
      expect(planFor(id).charge).toEqual({ kind: "per-use", amount: 100 });
      expect(freeGroups(id)).toEqual(expect.arrayContaining(["elderly-no-family", "hardship"]));
    }
    expect(resource("drying-room").tags).toEqual(expect.arrayContaining(["drying", "disinfecting"]));
    // Booking by phone or WeChat on someone's behalf.
    expect(config.booking?.channels).toEqual(expect.arrayContaining(["phone", "wechat"]));
    // Staffed at fixed times each week.
    expect(rules("opening-hours", "tailoring")).toHaveLength(1);
  });

  test("tool room lends free; home repair is free for minimum-subsistence, elderly living alone, extremely poor, low fee otherwise", () => {
    expect(planFor("tool-room").charge.kind).toBe("free");
    const repair = planFor("home-repair");
    expect(repair.charge).toEqual({ kind: "per-use", amount: 1000 });
    expect(freeGroups("home-repair")).toEqual([
      "elderly-living-alone",
      "extremely-poor",
      "minimum-subsistence",
    ]);
  });

  test("gallery: 1,200 m², exhibition proposals need approval, viewing free", () => {
    expect(resource("gallery").tags).toContain("area-m2-1200");
    expect(rules("approval-required", "gallery-exhibition")).toHaveLength(1);
    expect(rules("approval-required", "gallery")).toHaveLength(0);
    expect(planFor("gallery").charge.kind).toBe("free");
  });

  test("24-hour smart gym: 25 yuan a month unlimited, members only, four zones, anti-tailgating and monitoring", () => {
    const gym = resource("gym");
    expect(gym.zones?.map((z) => z.name.en)).toEqual([
      "Fixed strength machines",
      "Cardio",
      "Free weights",
      "Exercise room",
    ]);
    expect(gym.tags).toEqual(expect.arrayContaining(["anti-tailgating", "central-monitoring", "alarm"]));
    expect(rules("opening-hours", "gym")).toEqual([expect.objectContaining({ alwaysOpen: true })]);
    expect(rules("requires-membership", "gym")).toHaveLength(1);
    expect(config.pricing?.memberships).toEqual([
      expect.objectContaining({
        id: "gym-monthly",
        price: 2500,
        period: { kind: "calendar-month" },
        uses: "unlimited",
      }),
    ]);
  });

  test("charging points and parcel lockers are pooled, countable resources", () => {
    expect(resource("ev-charging")).toMatchObject({ kind: "pool" });
    expect(resource("parcel-lockers")).toMatchObject({ kind: "pool" });
    expect(config.places?.map((p) => p.id)).toContain("vending-machines");
  });

  test("three courtyards, each with a neighbours' centre for its residents", () => {
    const courtyards = config.places?.filter((p) => p.kind === "courtyard") ?? [];
    expect(courtyards).toHaveLength(3);
    for (const c of courtyards) {
      const centre = resource(`${c.id}-centre`);
      expect(centre.place).toBe(c.id);
      expect(rules("who-may-book", centre.id)).toEqual([expect.objectContaining({ residentsOnly: true })]);
    }
  });
});

describe("the same facts at the desk (the preset running on the SDK)", () => {
  const desk = { kind: "staff", id: "desk" } as const;
  async function community() {
    const c = await createCommunity({
      // A preset declares no staff: the community adds its own (linli verifies every actor id).
      config: (() => {
        const config = presetCopy("wangjialong");
        // The preset declares its system accounts (volunteers' quoting account); add the desk.
        return { ...config, members: [...(config.members ?? []), { id: "desk", kind: "staff" as const }] };
      })(),
      storage: memoryStorage(),
      plugins: [bookingPlugin(), pricingPlugin()],
      clock: manualClock("2026-07-01T01:00:00Z"),
      ids: sequentialIds(),
    });
    for (const [id, groups] of [
      ["wang", []],
      ["li", ["hardship"]],
      ["zhou", ["elderly-living-alone"]],
    ] as const) {
      await c.residents.register({ actor: desk, id, name: id });
      for (const groupId of groups)
        await c.eligibility.grant({
          actor: desk,
          forResident: id,
          groupId,
          validFrom: new Date("2026-01-01T00:00:00Z"),
        });
    }
    return c;
  }
  const at = (local: string) => new Date(`${local}:00+08:00`);

  test("a drying-room use is 1 yuan, free for a household in difficulty; home repair is low-fee, free for the elderly living alone", async () => {
    const c = await community();
    const quote = (who: string, resourceId: string) =>
      c
        .as(desk)
        .for(who)
        .pricing.quote({ resourceId, start: at("2026-07-02T09:00"), end: at("2026-07-02T10:00") });
    expect((await quote("wang", "drying-room")).total.amount).toBe(100);
    expect((await quote("li", "drying-room")).total.amount).toBe(0);
    expect((await quote("wang", "home-repair")).total.amount).toBe(1000);
    expect((await quote("zhou", "home-repair")).total.amount).toBe(0);
    expect((await quote("li", "home-repair")).total.amount).toBe(1000);
  });

  test("the gym at 03:00 is refused without the monthly pass and covered with it (25 yuan)", async () => {
    const c = await community();
    const night = { resourceId: "gym", start: at("2026-07-02T03:00"), end: at("2026-07-02T04:00") };
    const refused = await c.as(desk).for("wang").booking.check(night);
    expect(refused.ok ? [] : refused.violations.map((v) => v.code)).toEqual(["MEMBERSHIP_REQUIRED"]);
    await c.as(desk).for("wang").pricing.memberships.purchase({ planId: "gym-monthly" });
    expect((await c.as(desk).for("wang").booking.check(night)).ok).toBe(true);
    const entries = await c.as(desk).for("wang").pricing.ledger.entries();
    expect(entries.map((e) => e.amount)).toEqual([2500]);
  });
});
