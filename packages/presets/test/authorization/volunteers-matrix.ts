import { actorOf, type MatrixWorld } from "./matrix-community";
import { type MatrixTable, OWNER_AND_STAFF, type Profile, STAFF } from "./matrix-types";

const DESK = actorOf("desk");
const VOL = actorOf("volunteer");
/** Staff, or the volunteer the thing is about (`vol`: offered the request, paired, on the shift). */
const VOLUNTEER_AND_STAFF: readonly Profile[] = ["volunteer", ...STAFF];
const allWeek = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: "00:00", to: "23:59" }));
/** Tomorrow 10:00-12:00 local. */
const window = { start: new Date("2026-07-02T02:00:00Z"), end: new Date("2026-07-02T04:00:00Z") };

/** `vol`'s volunteer profile (a resident volunteer, known by their resident id), on the patrol team. */
async function profile(w: MatrixWorld): Promise<string> {
  await w.api.volunteers.register({
    actor: DESK,
    residentId: "vol",
    name: "vol",
    weekly: allWeek,
    teams: ["patrol"],
  });
  return "vol";
}

/** Wang's grocery request, moved to `status` (offered to, then accepted and done by `vol`). */
async function request(w: MatrixWorld, status: "open" | "offered" | "accepted" | "done"): Promise<string> {
  const v = w.api.volunteers;
  const created = await v.requests.create({ actor: DESK, forResident: "wang", kind: "groceries", ...window });
  if (status === "open") return created.id;
  await profile(w);
  await v.match({ actor: DESK, requestIds: [created.id] });
  if (status === "offered") return created.id;
  await v.requests.accept({ actor: VOL, requestId: created.id });
  if (status === "done") await v.requests.complete({ actor: VOL, requestId: created.id });
  return created.id;
}

/** A long-term pair of `vol` with wang: its id. */
async function pair(w: MatrixWorld): Promise<string> {
  await profile(w);
  return (await w.api.volunteers.pairs.create({ actor: DESK, forResident: "wang", volunteerId: "vol" })).id;
}

/** A patrol shift tomorrow with `vol` planned on it: its id. */
async function shift(w: MatrixWorld): Promise<string> {
  await profile(w);
  const [created] = await w.api.volunteers.roster.createShifts({
    actor: DESK,
    shifts: [{ team: "patrol", ...window }],
  });
  await w.api.volunteers.roster.plan({
    actor: DESK,
    from: new Date("2026-07-01T00:00:00Z"),
    to: new Date("2026-07-03T00:00:00Z"),
  });
  return created.id;
}

/**
 * The volunteers plugin's commands and queries. Wang is the requester; `vol` the volunteer.
 * An open request is visible to every volunteer (its volunteer view names no one): that is
 * how volunteers see what help is needed.
 */
export const volunteersMatrix: MatrixTable = {
  "volunteers.register": {
    allow: STAFF,
    subject: false,
    input: async () => ({ residentId: "vol", name: "vol", weekly: allWeek }),
  },
  "volunteers.update": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ volunteerId: await profile(w), languages: ["zh"] }),
  },
  "volunteers.setStatus": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ volunteerId: await profile(w), status: "paused" }),
  },
  "volunteers.get": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ volunteerId: await profile(w) }),
  },
  "volunteers.list": { allow: STAFF, subject: false, input: async () => ({}) },
  "volunteers.requests.create": {
    allow: OWNER_AND_STAFF,
    subject: true,
    input: async () => ({ kind: "groceries", ...window }),
  },
  "volunteers.requests.accept": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "offered") }),
  },
  "volunteers.requests.decline": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "offered") }),
  },
  "volunteers.requests.start": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "accepted") }),
  },
  "volunteers.requests.complete": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "accepted") }),
  },
  "volunteers.requests.noShow": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "accepted") }),
  },
  "volunteers.requests.cancel": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "open") }),
  },
  "volunteers.requests.rate": {
    allow: OWNER_AND_STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "done"), rating: 5 }),
  },
  "volunteers.requests.note": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "done"), note: "已送到" }),
  },
  "volunteers.requests.sweep": { allow: STAFF, subject: false, input: async () => ({}) },
  "volunteers.requests.contact": {
    allow: ["volunteer"],
    subject: false,
    input: async (w) => ({ requestId: await request(w, "accepted") }),
  },
  "volunteers.requests.get": {
    allow: ["volunteer", ...OWNER_AND_STAFF],
    subject: false,
    input: async (w) => {
      await profile(w);
      return { requestId: await request(w, "open") };
    },
  },
  "volunteers.requests.list": { allow: OWNER_AND_STAFF, subject: true, input: async () => ({}) },
  "volunteers.requests.disclosures": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ requestId: await request(w, "accepted") }),
  },
  "volunteers.match": { allow: STAFF, subject: false, input: async () => ({}) },
  "volunteers.candidates": {
    allow: STAFF,
    subject: false,
    input: async (w) => {
      await profile(w);
      return { requestId: await request(w, "open") };
    },
  },
  "volunteers.pairs.create": {
    allow: STAFF,
    subject: true,
    input: async (w) => ({ volunteerId: await profile(w) }),
  },
  "volunteers.pairs.pause": { allow: STAFF, subject: false, input: async (w) => ({ pairId: await pair(w) }) },
  "volunteers.pairs.resume": {
    allow: STAFF,
    subject: false,
    input: async (w) => {
      const pairId = await pair(w);
      await w.api.volunteers.pairs.pause({ actor: DESK, pairId });
      return { pairId };
    },
  },
  "volunteers.pairs.end": { allow: STAFF, subject: false, input: async (w) => ({ pairId: await pair(w) }) },
  "volunteers.pairs.recordVisit": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ pairId: await pair(w) }),
  },
  "volunteers.pairs.sweep": { allow: STAFF, subject: false, input: async () => ({}) },
  // Called without a subject: a volunteer lists their own pairs, staff every pair.
  "volunteers.pairs.list": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => {
      await pair(w);
      return {};
    },
  },
  "volunteers.pairs.visits": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ pairId: await pair(w) }),
  },
  "volunteers.roster.createShifts": {
    allow: STAFF,
    subject: false,
    input: async () => ({ shifts: [{ team: "patrol", ...window }] }),
  },
  "volunteers.roster.plan": {
    allow: STAFF,
    subject: false,
    input: async () => ({ from: new Date("2026-07-01T00:00:00Z"), to: new Date("2026-07-03T00:00:00Z") }),
  },
  "volunteers.roster.absence": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => ({ shiftId: await shift(w), volunteerId: "vol" }),
  },
  "volunteers.roster.swap": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => {
      const shiftId = await shift(w);
      await w.api.volunteers.register({
        actor: DESK,
        residentId: "li",
        name: "li",
        weekly: allWeek,
        teams: ["patrol"],
      });
      return { shiftId, fromVolunteerId: "vol", toVolunteerId: "li" };
    },
  },
  "volunteers.roster.attendance": {
    allow: STAFF,
    subject: false,
    input: async (w) => ({ shiftId: await shift(w), volunteerId: "vol", served: true }),
  },
  "volunteers.roster.shifts": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => {
      await shift(w);
      return { from: new Date("2026-07-01T00:00:00Z"), to: new Date("2026-07-03T00:00:00Z") };
    },
  },
  "volunteers.hours": {
    allow: VOLUNTEER_AND_STAFF,
    subject: false,
    input: async (w) => {
      await profile(w);
      return {};
    },
  },
};
