// The volunteer facts of the domain brief, checked against the Wangjialong preset with the
// volunteers plugin: the 42-member Alley Pioneers and their duties, the drying room's weekly
// duty, the repair volunteers, the pairing programme (younger elderly help older), and home
// repair requested through volunteers priced by pricing: free for the three groups.
import { bookingPlugin } from "@linli/booking";
import { createCommunity, manualClock, sequentialIds } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { memoryStorage } from "@linli/storage-memory";
import { volunteersPlugin } from "@linli/volunteers";
import { describe, expect, test } from "vitest";
import {
  DRYING_ROOM_DUTY,
  HOME_REPAIR_FREE_GROUPS,
  HOME_REPAIR_LOW_FEE,
  presetCopy,
  registerInput,
  WEEKDAYS,
  wangjialong,
  wangjialongDutyShifts,
  wangjialongVolunteers,
} from "./index";

const section = wangjialong.volunteers!;
const roster = wangjialongVolunteers();
const inTeam = (team: string) => roster.filter((v) => v.teams.includes(team));

describe("the Alley Pioneers and the programmes as the domain brief describes them", () => {
  test("the Alley Pioneers: 42 volunteers, every one in the team, ids unique, homes in the three courtyards", () => {
    expect(roster).toHaveLength(42);
    expect(new Set(roster.map((v) => v.id)).size).toBe(42);
    expect(new Set(roster.map((v) => v.name)).size).toBe(42);
    expect(inTeam("alley-pioneers")).toHaveLength(42);
    expect(new Set(roster.map((v) => v.placeId))).toEqual(
      new Set(["courtyard-1", "courtyard-2", "courtyard-3"]),
    );
    expect(wangjialongVolunteers()).toEqual(roster);
  });

  test("duty teams: patrol, mediation, sanitation inspection, garbage sorting and the others of the brief, each staffed", () => {
    expect(section.teams).toEqual(
      expect.arrayContaining([
        "alley-pioneers",
        "mediation",
        "policy-explaining",
        "pet-keeping",
        "street-order",
        "feedback-collection",
        "tool-room-duty",
        "courtyard-council",
      ]),
    );
    for (const team of [
      "patrol",
      "mediation",
      "sanitation-inspection",
      "garbage-sorting",
      "drying-room-duty",
      "policy-explaining",
      "pet-keeping",
      "street-order",
      "feedback-collection",
      "tool-room-duty",
      "courtyard-council",
    ])
      expect(inTeam(team).length, team).toBeGreaterThan(0);
  });

  test("the drying room's weekly duty: retired tailors and veteran party members at the room's fixed staffed times", () => {
    const duty = inTeam("drying-room-duty");
    expect(duty.map((v) => v.role).sort()).toEqual([
      ...Array(4).fill("party-veteran"),
      ...Array(4).fill("retired-tailor"),
    ]);
    expect(duty.filter((v) => v.role === "retired-tailor").every((v) => v.skills.tailoring === 5)).toBe(true);
    const staffed = wangjialong.booking?.rules?.find((r) => r.id === "drying-room-staffed-hours");
    const weekly = staffed && "weekly" in staffed ? staffed.weekly : undefined;
    const fromRule = Object.entries(weekly ?? {}).flatMap(([day, ranges]) =>
      (ranges ?? []).map((r) => ({ weekday: WEEKDAYS.indexOf(day as (typeof WEEKDAYS)[number]) + 1, ...r })),
    );
    expect(DRYING_ROOM_DUTY.map(({ weekday, from, to }) => ({ weekday, from, to }))).toEqual(fromRule);
  });

  test("repair volunteers: home repair plus a trade, on duty at the tool room; home repair is priced by pricing", () => {
    const repair = inTeam("tool-room-duty");
    expect(repair).toHaveLength(8);
    expect(repair.every((v) => (v.skills["home-repair"] ?? 0) >= 3)).toBe(true);
    expect(new Set(repair.flatMap((v) => Object.keys(v.skills)))).toEqual(
      new Set(["home-repair", "electrician", "plumbing", "carpentry", "appliance-repair"]),
    );
    expect(section.kinds?.find((k) => k.id === "home-repair")).toMatchObject({
      priceResource: "home-repair",
      requiredSkills: [{ skill: "home-repair" }],
    });
  });

  test("help kinds: groceries, medicine, doctor escort, meals, home repair, tailoring, ghostwriting, phone companionship", () => {
    expect(section.kinds?.map((k) => k.id)).toEqual([
      "groceries",
      "medicine",
      "doctor-escort",
      "meal-preparation",
      "home-repair",
      "tailoring",
      "ghostwriting",
      "phone-companionship",
    ]);
  });

  test("targeted pairing: younger elderly volunteers (60–74) help older elderly people (75+) with groceries, medicine, the doctor and meals", () => {
    expect(section.ageBands).toEqual(
      expect.arrayContaining([
        { id: "younger-elderly", minAge: 60, maxAge: 74 },
        { id: "older-elderly", minAge: 75, maxAge: 150 },
      ]),
    );
    expect(section.ageRule).toEqual({
      volunteerBands: ["younger-elderly"],
      requesterBands: ["older-elderly"],
      kinds: ["groceries", "medicine", "doctor-escort", "meal-preparation"],
    });
    const pairing = roster.filter((v) => v.role === "pairing");
    expect(pairing).toHaveLength(12);
    expect(pairing.every((v) => v.ageBand === "younger-elderly")).toBe(true);
  });

  test("the duty timetable expands to a week of shifts in Asia/Shanghai, deterministic and bounded", () => {
    const week = wangjialongDutyShifts("2026-07-06", 7);
    expect(week.filter((s) => s.team === "drying-room-duty").map((s) => s.start.toISOString())).toEqual([
      "2026-07-07T01:00:00.000Z",
      "2026-07-09T06:30:00.000Z",
      "2026-07-11T01:00:00.000Z",
    ]);
    expect(week.filter((s) => s.team === "patrol")).toHaveLength(14);
    expect(wangjialongDutyShifts("2026-07-06", 7)).toEqual(week);
    expect(() => wangjialongDutyShifts("2026-07-06", 400)).toThrow(RangeError);
  });
});

describe("the volunteers at the desk (the preset and its seed on the SDK)", () => {
  const desk = { kind: "staff", id: "desk" } as const;
  const at = (local: string) => new Date(`${local}:00+08:00`);
  async function community() {
    const c = await createCommunity({
      config: {
        ...presetCopy("wangjialong"),
        members: [
          { id: "desk", kind: "staff" },
          { id: "volunteers", kind: "system" },
        ],
      },
      storage: memoryStorage(),
      plugins: [bookingPlugin(), pricingPlugin(), volunteersPlugin()],
      clock: manualClock("2026-07-01T01:00:00Z"),
      ids: sequentialIds(),
    });
    for (const [id, groups, birthYear] of [
      ["wang", [], 1970],
      ["zhou", ["elderly-living-alone"], 1944],
      ["li", ["minimum-subsistence"], 1958],
      ["qian", ["extremely-poor"], 1950],
    ] as const) {
      await c.residents.register({ actor: desk, id, name: id, placeId: "courtyard-2", birthYear });
      for (const groupId of groups)
        await c.eligibility.grant({
          actor: desk,
          forResident: id,
          groupId,
          validFrom: new Date("2026-01-01T00:00:00Z"),
        });
    }
    for (const v of roster) await c.as(desk).volunteers.register(registerInput(v));
    return c;
  }

  test("home repair asked through volunteers: free for the three groups, the low fee for others, a repair volunteer matched", async () => {
    const c = await community();
    const ask = (who: string) =>
      c
        .as(desk)
        .for(who)
        .volunteers.requests.create({
          kind: "home-repair",
          start: at("2026-07-02T09:00"),
          end: at("2026-07-02T11:30"),
          durationMinutes: 60,
          channel: "phone",
        });
    const prices: Record<string, number | undefined> = {};
    for (const who of ["wang", "zhou", "li", "qian"]) {
      const request = await ask(who);
      prices[who] = request.view === "staff" ? request.price?.total.amount : undefined;
    }
    expect(HOME_REPAIR_FREE_GROUPS).toEqual([
      "minimum-subsistence",
      "elderly-living-alone",
      "extremely-poor",
    ]);
    expect(prices).toEqual({ wang: HOME_REPAIR_LOW_FEE, zhou: 0, li: 0, qian: 0 });
    const { matched } = await c.as(desk).volunteers.match();
    const repairers = new Set(inTeam("tool-room-duty").map((v) => v.id));
    expect(matched.length).toBeGreaterThan(0);
    expect(matched.every((m) => repairers.has(m.volunteerId))).toBe(true);
    await c.close();
  });

  test("the pairing rule: an 82-year-old's groceries go to younger elderly volunteers only", async () => {
    const c = await community();
    const request = await c
      .as(desk)
      .for("zhou")
      .volunteers.requests.create({
        kind: "groceries",
        start: at("2026-07-02T09:00"),
        end: at("2026-07-02T11:00"),
        durationMinutes: 60,
      });
    const ranked = await c.as(desk).volunteers.candidates({ requestId: request.id, limit: 50 });
    const band = new Map(roster.map((v) => [v.id, v.ageBand]));
    expect(ranked.candidates.length).toBeGreaterThan(0);
    expect(ranked.candidates.every((x) => band.get(x.volunteerId) === "younger-elderly")).toBe(true);
    // The adults and the older volunteers are excluded by the rule (under its name).
    expect(ranked.excluded["age-band"]).toBeGreaterThan(0);
    await c.close();
  });

  test("a week of duty shifts planned from the timetable: the drying room's seats go to its tailors and party veterans", async () => {
    const c = await community();
    const shifts = wangjialongDutyShifts("2026-07-06", 7);
    await c.as(desk).volunteers.roster.createShifts({ shifts: shifts.map((s) => ({ ...s })) });
    const from = at("2026-07-06T00:00");
    const to = at("2026-07-13T00:00");
    await c.as(desk).volunteers.roster.plan({ from, to });
    const drying = await c.as(desk).volunteers.roster.shifts({ from, to, team: "drying-room-duty" });
    const duty = new Set(inTeam("drying-room-duty").map((v) => v.id));
    expect(drying.map((s) => s.seats.length)).toEqual([2, 2, 2]);
    expect(drying.every((s) => s.seats.every((seat) => duty.has(seat.volunteerId)))).toBe(true);
    await c.close();
  });
});
