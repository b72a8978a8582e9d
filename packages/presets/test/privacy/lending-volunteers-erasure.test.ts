// Erasure on request (issue 16) for the tool room and the volunteers: the person gone from every
// lending and volunteers row, the month's loans per type, requests served and hours unchanged.
import { bookingPlugin } from "@linli/booking";
import { createCommunity, ERASED_NAME, manualClock, sequentialIds, type StorageAdapter } from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { postgresStorage } from "@linli/storage-postgres";
import { sqliteStorage } from "@linli/storage-sqlite";
import { volunteersPlugin } from "@linli/volunteers";
import { describe, expect, it } from "vitest";
import { usePgServer } from "../../../storage-postgres/test/use-pg-server";
import { presetCopy, wangjialongToolInventory } from "../../src/index";

const desk = { kind: "staff", id: "desk" } as const;
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "00:00", to: "24:00" }));
const cst = (local: string) => new Date(`${local}:00+08:00`);
/** What identifies 赵阿姨 (id `zhao`): her name, phone, address and the free text about her. */
const PERSONAL = ["赵阿姨", "13911112222", "幸福里7号", "春联", "旧锤子", "电池", "心情", "满意"];

const pg = usePgServer();
const adapters: Record<string, () => StorageAdapter> = {
  memory: () => memoryStorage(),
  sqlite: () => sqliteStorage({ filename: ":memory:" }),
  postgres: () =>
    postgresStorage({ connectionString: pg.server.url, schema: pg.schemaName("erasure"), max: 4 }),
};

async function world(storage: StorageAdapter) {
  const clock = manualClock("2026-06-02T02:00:00Z"); // Tuesday 10:00 in Changsha: the tool room is open
  const preset = presetCopy("wangjialong");
  const plugins = [bookingPlugin(), pricingPlugin(), volunteersPlugin(), lendingPlugin()] as const;
  const community = await createCommunity({
    config: {
      ...preset,
      members: [
        { id: "desk", kind: "staff" },
        { id: "volunteers", kind: "system" },
      ],
      lending: {
        ...preset.lending,
        policies: [
          ...(preset.lending?.policies ?? []),
          { id: "agreement", kind: "borrower-agreement", version: "2026-1" },
        ],
      },
    },
    storage,
    plugins,
    clock,
    ids: sequentialIds(),
  });
  const staff = community.as(desk);
  await staff.lending.catalog.importInventory({ rows: wangjialongToolInventory() });
  for (const [id, name, placeId, birthYear] of [
    ["zhao", "赵阿姨", "courtyard-1", 1955],
    ["wang", "王奶奶", "courtyard-2", 1944],
    ["li", "李师傅", "courtyard-2", 1960],
  ] as const)
    await staff.residents.register({
      id,
      name,
      placeId,
      birthYear,
      phone: id === "zhao" ? "13911112222" : null,
    });
  // Both are volunteers; 赵阿姨 tailors, 李师傅 writes calligraphy.
  for (const [residentId, name, skills] of [
    ["zhao", "赵阿姨", { tailoring: 5 }],
    ["li", "李师傅", { calligraphy: 5 }],
  ] as const)
    await staff.volunteers.register({
      residentId,
      name,
      placeId: "courtyard-2",
      skills,
      teams: ["alley-pioneers"],
      weekly: allWeek,
    });
  return { community, staff, clock, plugins };
}

type World = Awaited<ReturnType<typeof world>>;

/** A June of 赵阿姨's life in the tool room and with the volunteers, and the others'. */
async function june({ community, staff, clock }: World) {
  for (const who of ["zhao", "wang"]) await staff.for(who).lending.acceptAgreement({ version: "2026-1" });
  const lend = async (residentId: string, itemTypeId: string) => {
    const out = await staff.lending.checkOut({ residentId, items: [{ itemTypeId }] });
    if (!out.ok) throw new Error(JSON.stringify(out.violations));
    return out.loans[0]!;
  };
  const loans = [
    await lend("zhao", "cordless-drill"),
    await lend("zhao", "hammer"),
    await lend("wang", "cordless-drill"),
  ];
  const donation = await staff.for("zhao").lending.donations.offer({
    itemTypeId: "hammer",
    description: "赵阿姨家的旧锤子",
    creditDonor: true,
  });
  await staff.lending.donations.accept({ donationId: donation.id, codes: ["hammer-donated-1"] });
  await staff.for("zhao").lending.reservations.make({ itemTypeId: "pliers", from: "2026-06-20" });
  const hold = await staff.for("zhao").lending.holds.place({ itemTypeId: "step-ladder" });
  expect(hold.ok && hold.hold.status).toBe("ready");

  // Help: 赵阿姨 asks for calligraphy (李师傅 comes), and sews for 王奶奶.
  const ask = (who: string, kind: string, day: string, extra: object = {}) =>
    staff.for(who).volunteers.requests.create({
      kind,
      start: cst(`2026-06-${day}T09:00`),
      end: cst(`2026-06-${day}T11:00`),
      durationMinutes: 60,
      ...extra,
    });
  const hers = await ask("zhao", "ghostwriting", "03", {
    description: "赵阿姨 要写春联",
    address: "幸福里7号",
    phone: "13911112222",
  });
  const forWang = await ask("wang", "tailoring", "03", { description: "棉袄 补一下", address: "二号院" });
  const { matched } = await staff.volunteers.match();
  expect(matched.map((m) => [m.requestId, m.volunteerId]).sort()).toEqual(
    [
      [hers.id, "li"],
      [forWang.id, "zhao"],
    ].sort(),
  );
  const li = community.as({ kind: "volunteer", id: "li" });
  const zhao = community.as({ kind: "volunteer", id: "zhao" });
  clock.set(cst("2026-06-03T08:30"));
  for (const [v, request] of [
    [li, hers],
    [zhao, forWang],
  ] as const) {
    await v.volunteers.requests.accept({ requestId: request.id });
    await v.volunteers.requests.contact({ requestId: request.id });
    await v.volunteers.requests.start({ requestId: request.id });
    await v.volunteers.requests.complete({ requestId: request.id, minutes: 60, note: "赵阿姨 心情不错" });
  }
  await staff.volunteers.requests.rate({ requestId: hers.id, rating: 5, note: "赵阿姨 很满意" });
  // Still pending when she asks to be erased: her own request (offered to 李师傅), and
  // 王奶奶's next one, offered to her.
  await ask("zhao", "ghostwriting", "20", { address: "幸福里7号" });
  await ask("wang", "tailoring", "25");
  const next = await staff.volunteers.match();
  expect(next.matched.map((m) => m.volunteerId).sort()).toEqual(["li", "zhao"]);

  // Pairs: 赵阿姨 accompanies 王奶奶; 李师傅 phones 赵阿姨.
  const visits = await staff.for("wang").volunteers.pairs.create({ volunteerId: "zhao", visitsPerWeek: 1 });
  const calls = await staff
    .for("zhao")
    .volunteers.pairs.create({ volunteerId: "li", kinds: ["phone-companionship"], visitsPerWeek: 1 });
  await zhao.volunteers.pairs.recordVisit({ pairId: visits.id, minutes: 45 });
  await li.volunteers.pairs.recordVisit({ pairId: calls.id, minutes: 30, note: "赵阿姨 心情不好" });

  // The roster: a shift both served in June, one ahead in July.
  await staff.volunteers.roster.createShifts({
    shifts: [
      { team: "alley-pioneers", start: cst("2026-06-04T09:00"), end: cst("2026-06-04T11:00"), size: 2 },
      { team: "alley-pioneers", start: cst("2026-07-04T09:00"), end: cst("2026-07-04T11:00"), size: 2 },
    ],
  });
  await staff.volunteers.roster.plan({ from: cst("2026-06-04T00:00"), to: cst("2026-07-05T00:00") });
  const [served] = await staff.volunteers.roster.shifts({
    from: cst("2026-06-04T00:00"),
    to: cst("2026-06-05T00:00"),
  });
  clock.set(cst("2026-06-05T10:00"));
  for (const volunteerId of ["zhao", "li"])
    await staff.volunteers.roster.attendance({ shiftId: served!.id, volunteerId, served: true });
  // 赵阿姨's tools come back on Friday (王奶奶 keeps hers).
  await staff.lending.checkIn({
    items: loans.slice(0, 2).map((l) => ({
      itemId: l.itemId,
      condition: "good" as const,
      note: "电池 没电了",
      damage: "赵阿姨 说电池不行",
    })),
  });
  clock.set(cst("2026-06-10T10:00"));
}

/** Every row of the lending and volunteers tables, as stored. */
async function rows(storage: StorageAdapter, plugins: World["plugins"]) {
  const names = [...(plugins[2].models ?? []), ...(plugins[3].models ?? [])].map((m) => m.name);
  return storage.transaction(async (tx) => {
    const out: Record<string, unknown[]> = {};
    for (const name of names) out[name] = await tx.findMany(name, {});
    return out;
  });
}

/** The month's statistics: loans per item type, requests served per kind, volunteer minutes and entries. */
async function statistics({ staff }: World, stored: Record<string, unknown[]>) {
  const loans: Record<string, number> = {};
  for (const loan of stored.lending_loan as { itemTypeId: string; checkedOutAt: string | number }[]) {
    const key = `${loan.itemTypeId}/${new Date(loan.checkedOutAt).toISOString().slice(0, 7)}`;
    loans[key] = (loans[key] ?? 0) + 1;
  }
  const served: Record<string, number> = {};
  for (const r of await staff.volunteers.requests.list({ status: ["done"] }))
    served[r.kind] = (served[r.kind] ?? 0) + 1;
  const { months } = await staff.volunteers.hours({ month: "2026-06" });
  const hours = months.reduce(
    (sum, m) => ({
      minutes: sum.minutes + m.minutes,
      tasks: sum.tasks + m.tasks,
      shifts: sum.shifts + m.shifts,
      visits: sum.visits + m.visits,
    }),
    { minutes: 0, tasks: 0, shifts: 0, visits: 0 },
  );
  return { loans, served, hours, disclosures: stored.volunteers_disclosure!.length };
}

describe.each(Object.keys(adapters))("lending and volunteers erasure (%s)", (adapter) => {
  it("exports her loans, holds, reservations, donations, agreement, requests, disclosures, pairs, profile, shifts and hours", async () => {
    const w = await world(adapters[adapter]!());
    await june(w);
    const copy = await w.community.as({ kind: "resident", id: "zhao" }).privacy.export({});
    const lending = copy.plugins.lending as Record<string, unknown[]>;
    expect(Object.fromEntries(Object.entries(lending).map(([k, v]) => [k, v.length]))).toEqual({
      loans: 2,
      holds: 1,
      reservations: 1,
      donations: 1,
      agreements: 1,
      pickups: 0,
    });
    const volunteers = copy.plugins.volunteers as Record<string, unknown[]> & {
      volunteer: Record<string, unknown[]> & { profile: { name: string } };
    };
    expect(volunteers.requests).toHaveLength(2); // one done, one pending
    expect(volunteers.disclosures).toHaveLength(1);
    expect(volunteers.pairs).toHaveLength(1);
    expect(volunteers.visits).toHaveLength(1);
    expect(volunteers.volunteer.profile.name).toBe("赵阿姨");
    expect(volunteers.volunteer.pairs).toHaveLength(1);
    expect(volunteers.volunteer.tasks).toHaveLength(2); // one served, one offered
    expect(volunteers.volunteer.shifts).toHaveLength(2);
    expect(volunteers.volunteer.hours).toHaveLength(3);
    expect(volunteers.volunteer.disclosuresReceived).toHaveLength(1);
    // The tasks she served do not carry 王奶奶's address.
    expect(JSON.stringify(volunteers.volunteer.tasks)).not.toContain("二号院");
    await w.community.close();
  });

  it("refuses while a tool is still out with her, writing nothing", async () => {
    const w = await world(adapters[adapter]!());
    await w.staff.for("zhao").lending.acceptAgreement({ version: "2026-1" });
    await w.staff.lending.checkOut({ residentId: "zhao", items: [{ itemTypeId: "hammer" }] });
    await expect(w.staff.for("zhao").privacy.erase({ reason: "居民书面申请" })).rejects.toMatchObject({
      code: "ERASURE_WITH_OPEN_LOANS",
    });
    expect((await w.staff.for("zhao").residents.get({})).name).toBe("赵阿姨");
    await w.community.close();
  });

  it("no lending or volunteers row holds her id or her personal strings; the month's statistics are unchanged", async () => {
    const storage = adapters[adapter]!();
    const w = await world(storage);
    await june(w);
    const before = await statistics(w, await rows(storage, w.plugins));
    expect(before.loans).toEqual({ "cordless-drill/2026-06": 2, "hammer/2026-06": 1 });
    expect(before.served).toEqual({ ghostwriting: 1, tailoring: 1 });
    expect(before.hours).toEqual({ minutes: 60 + 60 + 45 + 30 + 120 + 120, tasks: 2, shifts: 2, visits: 2 });

    await w.staff.for("zhao").privacy.erase({ reason: "居民书面申请" });

    const after = await rows(storage, w.plugins);
    expect(await statistics(w, after)).toEqual(before);
    const text = JSON.stringify(after);
    expect(text).not.toMatch(/\bzhao\b/);
    for (const gone of PERSONAL) expect(text).not.toContain(gone);
    // Others keep theirs: 王奶奶's loan and request, 李师傅's profile.
    expect(text).toMatch(/\bwang\b/);
    expect(text).toContain("棉袄 补一下");
    expect(text).toContain("李师傅");

    // Her open request cancelled, her pairs ended, the unit on the shelf for her passed on.
    const requests = await w.staff.volunteers.requests.list({});
    // Hers cancelled; 王奶奶's, offered to her, open again for another volunteer.
    expect(requests.map((r) => [r.kind, r.status, r.view === "staff" ? r.volunteerId : "not staff"])).toEqual(
      [
        ["ghostwriting", "done", "li"],
        ["tailoring", "done", expect.stringMatching(/^erased-/)],
        ["ghostwriting", "cancelled", "li"],
        ["tailoring", "open", null],
      ],
    );
    const pairs = await w.staff.volunteers.pairs.list({});
    expect(pairs.map((p) => p.status)).toEqual(["ended", "ended"]);
    expect(await w.staff.for("zhao").lending.mine({})).toEqual({ loans: [], holds: [], reservations: [] });
    // The ladder on the hold shelf for her is back on the shelf for anyone.
    const ladder = (after.lending_item as { code: string; status: string }[]).find(
      (i) => i.code === "step-ladder-1",
    );
    expect(ladder?.status).toBe("available");
    // The donated hammer no longer credits her.
    const inventory = await w.staff.lending.catalog.exportInventory({});
    expect(JSON.stringify(inventory)).not.toContain("donor");
    // Her profile is an erased, paused one under a pseudonym, never matched again.
    const profiles = await w.staff.volunteers.list({});
    expect(profiles.map((p) => [p.name, p.status]).sort()).toEqual([
      [ERASED_NAME, "paused"],
      ["李师傅", "active"],
    ]);
    await w.community.close();
  });
});
