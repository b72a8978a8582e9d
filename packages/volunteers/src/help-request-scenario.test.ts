import { describe, expect, test } from "vitest";
import { cst, desk, resident, volunteer } from "../test/fixture";
import { setUp } from "../test/scenario-setup";

describe.each(["memory", "sqlite"] as const)("volunteers on %s", (kind) => {
  test("a home repair asked by phone for an elderly person living alone: free, reason for staff only, the electrician of her courtyard", async () => {
    const { community, clock, staff } = await setUp(kind);
    const created = await staff.for("wang").volunteers.requests.create({
      kind: "home-repair",
      start: cst("2026-06-02T09:00"),
      end: cst("2026-06-02T12:00"),
      durationMinutes: 60,
      requiredSkills: [{ skill: "electrician" }],
      description: "厨房灯不亮",
      address: "一号院3栋2单元101",
      channel: "phone",
    });
    // Staff see the price and why: free, decided by the elderly-living-alone group.
    expect(created.view).toBe("staff");
    if (created.view !== "staff") throw new Error("staff view expected");
    expect(created.price?.total).toEqual({ amount: 0, currency: "CNY" });
    expect(created.price?.lines.map((l) => [l.code, l.amount.amount, l.group ?? null])).toEqual([
      ["PER_USE", 1000, null],
      ["TIER_FREE", -1000, "elderly-living-alone"],
    ]);
    expect(created.price?.lines[1]?.text["zh-CN"]).toContain("独居老人");
    expect(created.areaId).toBe("courtyard-1");
    expect(created.actorKind).toBe("staff");

    const { matched, unmatched } = await staff.volunteers.match();
    expect(unmatched).toEqual([]);
    expect(matched).toHaveLength(1);
    expect(matched[0]).toMatchObject({
      requestId: created.id,
      volunteerId: "li",
      status: "offered",
      continuity: "none",
    });
    // The explanation: who was excluded, as counts (chen has no electrician skill).
    expect(matched[0]?.excluded["not-a-candidate"]).toBe(1);

    // The volunteer's view: the task, the area, no price, no group, no address.
    const li = community.as(volunteer("li"));
    const seen = await li.volunteers.requests.get({ requestId: created.id });
    expect(seen).toMatchObject({
      view: "volunteer",
      kind: "home-repair",
      areaId: "courtyard-1",
      yours: true,
    });
    const text = JSON.stringify(seen);
    for (const secret of [
      "elderly-living-alone",
      "独居",
      "TIER_FREE",
      "price",
      "13800000001",
      "一号院3栋",
      "wang",
    ])
      expect(text).not.toContain(secret);
    // Before accepting, no contact details.
    await expect(li.volunteers.requests.contact({ requestId: created.id })).rejects.toMatchObject({
      code: "NOT_ASSIGNED",
    });
    await li.volunteers.requests.accept({ requestId: created.id });
    clock.set(cst("2026-06-02T08:30"));
    const contact = await li.volunteers.requests.contact({ requestId: created.id });
    expect(contact).toMatchObject({ name: "王奶奶", address: "一号院3栋2单元101", phone: "13800000001" });
    expect(JSON.stringify(contact)).not.toContain("elderly-living-alone");
    const log = await staff.volunteers.requests.disclosures({ requestId: created.id });
    expect(log.map((d) => [d.volunteerId, d.requesterId, d.fields])).toEqual([
      ["li", "wang", ["name", "address", "phone"]],
    ]);

    // The requester sees the public receipt: free, no group named.
    const own = await community.as(resident("wang")).volunteers.requests.get({ requestId: created.id });
    expect(own.view).toBe("requester");
    expect(JSON.stringify(own)).not.toContain("elderly-living-alone");
    expect(JSON.stringify(own)).not.toContain("独居");

    const opened = await community.events.list({
      actor: desk,
      types: ["HelpRequestOpened", "HelpRequestMatched"],
    });
    expect(opened.map((e) => e.type)).toEqual(["HelpRequestOpened", "HelpRequestMatched"]);
    expect(JSON.stringify(opened)).not.toMatch(/13800000001|elderly-living-alone/);
    await community.close();
  });

  test("a home repair for a resident in no concession group costs the low fee, and they see the public receipt", async () => {
    const { community, staff } = await setUp(kind);
    await staff.residents.register({ id: "zhou", name: "周先生", placeId: "courtyard-2", birthYear: 1980 });
    const created = await community.as(resident("zhou")).volunteers.requests.create({
      kind: "home-repair",
      start: cst("2026-06-04T09:00"),
      end: cst("2026-06-04T11:00"),
    });
    expect(created.view).toBe("requester");
    expect(created.price).toEqual({
      total: { amount: 1000, currency: "CNY" },
      lines: [expect.objectContaining({ code: "PER_USE", amount: { amount: 1000, currency: "CNY" } })],
    });
    await community.close();
  });

  test("privacy: a volunteer actor reading or listing requests gets no eligibility data", async () => {
    const { community, staff } = await setUp(kind);
    const created = await staff.for("wang").volunteers.requests.create({
      kind: "home-repair",
      start: cst("2026-06-03T09:00"),
      end: cst("2026-06-03T11:00"),
      requiredSkills: [{ skill: "electrician" }],
    });
    for (const id of ["li", "zhao", "chen"]) {
      const v = community.as(volunteer(id));
      const one = await v.volunteers.requests.get({ requestId: created.id });
      const all = await v.volunteers.requests.list({});
      expect(all.map((r) => r.view)).toEqual(["volunteer"]);
      for (const view of [one, ...all]) {
        expect(view.view).toBe("volunteer");
        expect(Object.keys(view)).not.toContain("price");
        expect(Object.keys(view)).not.toContain("requesterId");
        expect(JSON.stringify(view)).not.toMatch(/elderly-living-alone|独居|TIER_|group/);
      }
    }
    // And a volunteer may not ask for the ranked candidates (staff only).
    await expect(
      community.volunteers.candidates({ actor: volunteer("li"), requestId: created.id }),
    ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await community.close();
  });

  test("continuity: the resident's pair volunteer is chosen over a nearer one, and the explanation says so", async () => {
    const { community, staff } = await setUp(kind);
    const pair = await staff.for("wang").volunteers.pairs.create({
      volunteerId: "zhao",
      backupVolunteerId: "chen",
      kinds: ["groceries", "medicine"],
      visitsPerWeek: 2,
    });
    expect(pair.status).toBe("active");
    const created = await staff.for("wang").volunteers.requests.create({
      kind: "groceries",
      start: cst("2026-06-02T15:00"),
      end: cst("2026-06-02T17:00"),
      durationMinutes: 60,
    });
    const ranked = await staff.volunteers.candidates({ requestId: created.id });
    expect(ranked.candidates[0]).toMatchObject({ volunteerId: "zhao", continuity: "pair" });
    expect(ranked.candidates.find((c) => c.volunteerId === "chen")?.continuity).toBe("backup");
    const { matched } = await staff.volunteers.match();
    expect(matched).toEqual([
      expect.objectContaining({ requestId: created.id, volunteerId: "zhao", continuity: "pair" }),
    ]);
    const [event] = await community.events.list({ actor: desk, types: ["HelpRequestMatched"] });
    expect(event?.payload).toMatchObject({ volunteerId: "zhao", continuity: "pair" });
    expect(matched[0]?.explanation.en).toContain("long-term pair");
    expect(matched[0]?.explanation["zh-CN"]).toContain("长期结对");
    await community.close();
  });
});
