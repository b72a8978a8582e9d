import { isLinliError } from "@linli/core";
import { describe, expect, test } from "vitest";
import {
  allWeek,
  cst,
  desk,
  resident,
  type StorageKind,
  volunteer,
  volunteersCommunity,
} from "../test/fixture";

async function setUp(kind: StorageKind) {
  const { community, clock, staff } = await volunteersCommunity(kind);
  await staff.residents.register({
    id: "sun",
    name: "孙爷爷",
    placeId: "courtyard-2",
    phone: "13900000002",
    birthYear: 1950,
  });
  for (const id of ["qian", "zhou"]) {
    await staff.residents.register({ id, name: id, placeId: "courtyard-2", birthYear: 1962 });
    await staff.volunteers.register({
      residentId: id,
      name: id,
      placeId: "courtyard-2",
      weekly: allWeek,
      ageBand: "younger-elderly",
    });
  }
  return { community, clock, staff };
}

/** Everything a failed command could have written: requests and events. */
async function footprint(community: Awaited<ReturnType<typeof setUp>>["community"]) {
  return {
    requests: (await community.volunteers.requests.list({ actor: desk })).length,
    events: (await community.events.list({ actor: desk })).length,
  };
}

describe.each(["memory", "sqlite"] as const)("help request lifecycle on %s", (kind) => {
  test("open → offered → accepted → in progress → done, rated; hours served recorded", async () => {
    const { community, clock, staff } = await setUp(kind);
    const sun = community.as(resident("sun"));
    const created = await sun.volunteers.requests.create({
      kind: "medicine",
      start: cst("2026-06-01T14:00"),
      end: cst("2026-06-01T16:00"),
      durationMinutes: 45,
    });
    expect(created).toMatchObject({ view: "requester", status: "open", requesterId: "sun", price: null });
    const { matched } = await staff.volunteers.match();
    const chosen = matched[0]?.volunteerId ?? "";
    expect(["qian", "zhou"]).toContain(chosen);
    const v = community.as(volunteer(chosen));
    await v.volunteers.requests.accept({ requestId: created.id });
    clock.set(cst("2026-06-01T14:05"));
    await v.volunteers.requests.start({ requestId: created.id });
    await v.volunteers.requests.complete({ requestId: created.id, note: "药已送到" });
    const rated = await sun.volunteers.requests.rate({ requestId: created.id, rating: 5, note: "谢谢" });
    expect(rated).toMatchObject({ status: "done", rating: 5 });
    const changes = await community.events.list({ actor: desk, types: ["HelpRequestStatusChanged"] });
    expect(changes.map((e) => `${e.payload.from}→${e.payload.to}`)).toEqual([
      "open→offered",
      "offered→accepted",
      "accepted→in-progress",
      "in-progress→done",
    ]);
    const hours = await community.volunteers.hours({ actor: volunteer(chosen) });
    expect(hours.months).toEqual([
      { volunteerId: chosen, month: "2026-06", minutes: 45, tasks: 1, shifts: 0, visits: 0, noShows: 0 },
    ]);
    // Done is final: cancelling it is refused, and nothing is written.
    const before = await footprint(community);
    await expect(sun.volunteers.requests.cancel({ requestId: created.id })).rejects.toMatchObject({
      code: "INVALID_TRANSITION",
    });
    expect(await footprint(community)).toEqual(before);
    await community.close();
  });

  test("a declined offer goes to someone else; an offer not answered in time reopens; an ended window expires", async () => {
    const { community, clock, staff } = await setUp(kind);
    const created = await staff.for("sun").volunteers.requests.create({
      kind: "groceries",
      start: cst("2026-06-01T15:00"),
      end: cst("2026-06-01T18:00"),
      durationMinutes: 60,
    });
    const first = (await staff.volunteers.match()).matched[0]?.volunteerId ?? "";
    await community.as(volunteer(first)).volunteers.requests.decline({ requestId: created.id });
    const second = (await staff.volunteers.match()).matched[0]?.volunteerId ?? "";
    expect(second).not.toBe(first);
    clock.set(cst("2026-06-01T11:30"));
    expect(await staff.volunteers.requests.sweep({})).toEqual({ expired: [], reopened: [created.id] });
    // Both declined or let it lapse: nobody is left, and the explanation says why.
    const { unmatched } = await staff.volunteers.match();
    expect(unmatched).toEqual([
      expect.objectContaining({ requestId: created.id, reason: "no-candidate", excluded: { declined: 2 } }),
    ]);
    expect(unmatched[0]?.explanation.en).toContain("No volunteer qualifies");
    clock.set(cst("2026-06-01T18:00"));
    expect(await staff.volunteers.requests.sweep({})).toEqual({ expired: [created.id], reopened: [] });
    await community.close();
  });

  test("a volunteer busy with an accepted task is not matched to an overlapping one in a later batch", async () => {
    const { community, staff } = await setUp(kind);
    const window = { start: cst("2026-06-01T14:00"), end: cst("2026-06-01T15:00") };
    const first = await staff.for("sun").volunteers.requests.create({ kind: "groceries", ...window });
    const busy = (await staff.volunteers.match()).matched[0]?.volunteerId ?? "";
    await community.as(volunteer(busy)).volunteers.requests.accept({ requestId: first.id });
    const second = await staff.for("sun").volunteers.requests.create({ kind: "medicine", ...window });
    const { matched } = await staff.volunteers.match({ requestIds: [second.id] });
    expect(matched.map((m) => m.volunteerId)).toEqual([busy === "qian" ? "zhou" : "qian"]);
    await community.close();
  });

  test("a profile update changes only what it names; a paused volunteer is not matched", async () => {
    const { community, staff } = await setUp(kind);
    await staff.volunteers.update({ volunteerId: "qian", skills: { cooking: 4 } });
    const renamed = await community.volunteers.update({
      actor: volunteer("qian"),
      volunteerId: "qian",
      name: "钱阿姨",
    });
    expect(renamed).toMatchObject({ name: "钱阿姨", skills: { cooking: 4 }, weekly: expect.any(Array) });
    expect(renamed.weekly).toHaveLength(7);
    await expect(
      community.volunteers.update({ actor: volunteer("zhou"), volunteerId: "qian", name: "x" }),
    ).rejects.toMatchObject({ code: "ACCESS_DENIED" });
    await community.volunteers.setStatus({ actor: volunteer("qian"), volunteerId: "qian", status: "paused" });
    await staff.for("sun").volunteers.requests.create({
      kind: "meal-preparation",
      start: cst("2026-06-02T11:00"),
      end: cst("2026-06-02T12:00"),
      requiredSkills: [{ skill: "cooking" }],
    });
    const { unmatched } = await staff.volunteers.match();
    expect(unmatched.map((u) => u.excluded)).toEqual([{ "not-a-candidate": 1 }]);
    await community.close();
  });

  test("contact details: only the assigned volunteer, only until the task's end plus the margin, each time logged", async () => {
    const { community, clock, staff } = await setUp(kind);
    const created = await staff.for("sun").volunteers.requests.create({
      kind: "meal-preparation",
      start: cst("2026-06-01T11:00"),
      end: cst("2026-06-01T12:00"),
      address: "二号院5栋",
    });
    const chosen = (await staff.volunteers.match()).matched[0]?.volunteerId ?? "";
    const other = chosen === "qian" ? "zhou" : "qian";
    const v = community.as(volunteer(chosen));
    await v.volunteers.requests.accept({ requestId: created.id });
    await expect(
      community.as(volunteer(other)).volunteers.requests.contact({ requestId: created.id }),
    ).rejects.toMatchObject({ code: "NOT_ASSIGNED" });
    expect(await v.volunteers.requests.contact({ requestId: created.id })).toMatchObject({
      address: "二号院5栋",
      phone: "13900000002",
    });
    clock.set(cst("2026-06-01T13:01")); // end 12:00 + 60 minutes margin has passed
    const error = await v.volunteers.requests.contact({ requestId: created.id }).catch((e: unknown) => e);
    expect(isLinliError(error, "DISCLOSURE_CLOSED")).toBe(true);
    if (isLinliError(error)) expect(error.messages["zh-CN"]).toContain("联系方式");
    expect(await staff.volunteers.requests.disclosures({ requestId: created.id })).toHaveLength(1);
    await community.close();
  });

  test("bad input: clear errors in zh-CN and en, and nothing written", async () => {
    const { community, staff } = await setUp(kind);
    const before = await footprint(community);
    const sun = staff.for("sun");
    const window = { start: cst("2026-06-02T09:00"), end: cst("2026-06-02T10:00") };
    const cases: [Promise<unknown>, string][] = [
      [sun.volunteers.requests.create({ kind: "juggling", ...window }), "UNKNOWN_HELP_KIND"],
      [
        sun.volunteers.requests.create({ kind: "groceries", start: window.end, end: window.start }),
        "INVALID_WINDOW",
      ],
      [
        sun.volunteers.requests.create({ kind: "groceries", ...window, durationMinutes: 90 }),
        "DURATION_EXCEEDS_WINDOW",
      ],
      [sun.volunteers.requests.create({ kind: "groceries", ...window, placeId: "moon" }), "UNKNOWN_PLACE"],
      [
        sun.volunteers.requests.create({
          kind: "groceries",
          start: window.start,
          end: cst("2026-08-01T09:00"),
        }),
        "WINDOW_TOO_LONG",
      ],
      // @ts-expect-error an unknown field is refused, never dropped
      [sun.volunteers.requests.create({ kind: "groceries", ...window, urgent: true }), "VALIDATION_FAILED"],
      [staff.volunteers.requests.create({ kind: "groceries", ...window }), "SUBJECT_REQUIRED"],
      [staff.volunteers.requests.accept({ requestId: "nope" }), "REQUEST_NOT_FOUND"],
      [staff.volunteers.register({ name: "x", teams: ["juggling"] }), "UNKNOWN_TEAM"],
      [
        staff.volunteers.register({ name: "x", weekly: [{ weekday: 1, from: "10:00", to: "09:00" }] }),
        "INVALID_WINDOW",
      ],
      [staff.for("sun").volunteers.pairs.create({ volunteerId: "nobody" }), "VOLUNTEER_NOT_FOUND"],
      [staff.volunteers.roster.createShifts({ shifts: [{ team: "juggling", ...window }] }), "UNKNOWN_TEAM"],
    ];
    for (const [promise, code] of cases) {
      const error = await promise.then(
        () => null,
        (e: unknown) => e,
      );
      expect(isLinliError(error) ? error.code : error).toBe(code);
      if (isLinliError(error)) {
        expect(error.messages["zh-CN"].length).toBeGreaterThan(0);
        expect(error.messages.en.length).toBeGreaterThan(0);
      }
    }
    expect(await footprint(community)).toEqual(before);
    await community.close();
  });

  test("pairs: the cap per volunteer and the age-band rule are enforced; an overdue visit is escalated once", async () => {
    const { community, clock, staff } = await setUp(kind);
    await staff.residents.register({ id: "young", name: "小吴", placeId: "courtyard-2", birthYear: 1990 });
    // A 1990-born volunteer (adult) may help; a resident volunteer of 1940 (older-elderly) may not.
    await staff.residents.register({ id: "elder", name: "老郑", placeId: "courtyard-2", birthYear: 1940 });
    await staff.volunteers.register({
      residentId: "elder",
      name: "老郑",
      weekly: allWeek,
      ageBand: "older-elderly",
    });
    await expect(
      staff.for("sun").volunteers.pairs.create({ volunteerId: "elder", kinds: ["groceries"] }),
    ).rejects.toMatchObject({ code: "AGE_RULE_VIOLATED" });
    const pair = await staff
      .for("sun")
      .volunteers.pairs.create({ volunteerId: "qian", kinds: ["groceries"], visitsPerWeek: 2 });
    await expect(staff.for("sun").volunteers.pairs.create({ volunteerId: "qian" })).rejects.toMatchObject({
      code: "PAIR_EXISTS",
    });
    // Twice a week: due 3.5 days later; nothing recorded by then raises one event for staff.
    clock.set(cst("2026-06-05T00:00"));
    expect(await staff.volunteers.pairs.sweep({})).toEqual({ overdue: [pair.id] });
    expect(await staff.volunteers.pairs.sweep({})).toEqual({ overdue: [] });
    const [overdue] = await community.events.list({ actor: desk, types: ["PairVisitOverdue"] });
    expect(overdue?.payload).toMatchObject({ pairId: pair.id, volunteerId: "qian", residentId: "sun" });
    await community.as(volunteer("qian")).volunteers.pairs.recordVisit({ pairId: pair.id, minutes: 90 });
    expect(await staff.volunteers.pairs.sweep({})).toEqual({ overdue: [] });
    await staff.volunteers.pairs.pause({ pairId: pair.id });
    await expect(staff.volunteers.pairs.pause({ pairId: pair.id })).rejects.toMatchObject({
      code: "PAIR_INVALID_TRANSITION",
    });
    await staff.volunteers.pairs.end({ pairId: pair.id });
    await community.close();
  });
});
