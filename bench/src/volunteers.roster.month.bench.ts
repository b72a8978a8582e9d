import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  addLocalMonths,
  createCommunity,
  defineCommunityConfig,
  localParts,
  manualClock,
  minuteOfDay,
  sequentialIds,
  startOfLocalDay,
} from "@linli/core";
import { sqliteStorage } from "@linli/storage-sqlite";
import { volunteersPlugin } from "@linli/volunteers";
import Database from "better-sqlite3";
import {
  monthOfShifts,
  type PioneerProfile,
  pioneers,
  type ShiftInput,
  ZONE,
} from "../../packages/volunteers/test/pioneers-month";
import { compare } from "./report";

// A month of duty rosters for Wangjialong's 42 Alley Pioneers (patrol twice a day, garbage
// sorting daily, sanitation inspection and drying-room duty twice a week: 186 seats), planned
// by `community.volunteers.roster.plan` on a SQLite file. Before each run the next month's
// shifts are created (not timed), so history grows as it would in use. Baseline: the same job
// written by hand on raw better-sqlite3 by a competent engineer: read the month's shifts and
// the volunteers, give each seat greedily to the least-loaded member who is available, free
// and under their maximum, insert the seats in one transaction. Both must cover the same
// number of seats (checked before timing); ours also balances the rotation optimally.

const plugins = [volunteersPlugin()] as const;
const config = defineCommunityConfig(plugins, {
  // Every non-resident actor is declared: linli verifies actor ids.
  members: [
    { id: "desk", kind: "staff" },
    { id: "volunteers", kind: "system" },
  ],
  community: {
    id: "wangjialong",
    name: { "zh-CN": "王家垅社区", en: "Wangjialong" },
    timeZone: ZONE,
    currency: "CNY",
  },
  places: [1, 2, 3].map((n) => ({
    id: `courtyard-${n}`,
    kind: "courtyard" as const,
    name: { "zh-CN": `${n}号院`, en: `Courtyard ${n}` },
  })),
});
const desk = { kind: "staff", id: "desk" } as const;
const team = pioneers();
const dir = mkdtempSync(join(tmpdir(), "linli-bench-roster-"));
process.once("exit", () => rmSync(dir, { recursive: true, force: true }));

/** A community with the 42 volunteers registered, and a function that plans month k (0 = June 2026). */
async function ours(file: string) {
  const community = await createCommunity({
    config,
    storage: sqliteStorage({ filename: join(dir, file), synchronous: "NORMAL" }),
    plugins,
    clock: manualClock("2026-05-20T00:00:00Z"),
    ids: sequentialIds(),
  });
  for (const p of team) await community.volunteers.register({ actor: desk, ...p });
  let month = -1;
  return {
    community,
    prepare: async () => {
      month += 1;
      await community.volunteers.roster.createShifts({
        actor: desk,
        shifts: monthOfShifts(monthStart(month)),
      });
    },
    plan: async () => {
      const first = monthStart(month);
      const result = await community.volunteers.roster.plan({
        actor: desk,
        from: startOfLocalDay(first, ZONE),
        to: startOfLocalDay(addLocalMonths(first, 1), ZONE),
      });
      const missing = result.uncovered.reduce((n, u) => n + u.missing, 0);
      return { result, answer: { covered: result.assigned, missing } };
    },
  };
}

const monthStart = (k: number) => addLocalMonths("2026-06-01", k);

/** The hand-written greedy baseline on raw SQLite. */
function baseline(file: string) {
  const db = new Database(join(dir, file));
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.exec(`CREATE TABLE volunteer (id TEXT PRIMARY KEY, teams TEXT, weekly TEXT, max INTEGER);
    CREATE TABLE shift (id INTEGER PRIMARY KEY, team TEXT, start INTEGER, end INTEGER, size INTEGER);
    CREATE INDEX shift_start ON shift (start);
    CREATE TABLE seat (shift_id INTEGER, volunteer_id TEXT, start INTEGER, end INTEGER);
    CREATE INDEX seat_volunteer ON seat (volunteer_id, start);`);
  const addVolunteer = db.prepare("INSERT INTO volunteer VALUES (?, ?, ?, ?)");
  for (const p of team)
    addVolunteer.run(p.id, JSON.stringify(p.teams), JSON.stringify(p.weekly), p.maxShiftsPerMonth);
  const addShift = db.prepare("INSERT INTO shift (team, start, end, size) VALUES (?, ?, ?, ?)");
  const shiftsIn = db.prepare(
    "SELECT id, team, start, end, size FROM shift WHERE start >= ? AND start < ? ORDER BY start, id",
  );
  const volunteers = db.prepare("SELECT id, teams, weekly, max FROM volunteer ORDER BY id");
  const seatsIn = db.prepare("SELECT volunteer_id, start, end FROM seat WHERE start >= ? AND start < ?");
  const addSeat = db.prepare("INSERT INTO seat VALUES (?, ?, ?, ?)");
  let month = -1;
  let lastCounts: number[] = [];
  return {
    /** Shifts per volunteer in the last planned month. */
    counts: () => lastCounts,
    prepare: () => {
      month += 1;
      db.transaction((shifts: ShiftInput[]) => {
        for (const s of shifts) addShift.run(s.team, s.start.getTime(), s.end.getTime(), s.size);
      })(monthOfShifts(monthStart(month)));
    },
    plan: () => {
      const first = monthStart(month);
      const from = startOfLocalDay(first, ZONE).getTime();
      const to = startOfLocalDay(addLocalMonths(first, 1), ZONE).getTime();
      const people = (volunteers.all() as { id: string; teams: string; weekly: string; max: number }[]).map(
        (v) => ({
          id: v.id,
          teams: JSON.parse(v.teams) as string[],
          weekly: JSON.parse(v.weekly) as PioneerProfile["weekly"],
          max: v.max,
          held: [] as { start: number; end: number }[],
        }),
      );
      const byId = new Map(people.map((p) => [p.id, p] as const));
      for (const s of seatsIn.all(from, to) as { volunteer_id: string; start: number; end: number }[])
        byId.get(s.volunteer_id)?.held.push({ start: s.start, end: s.end });
      const shifts = shiftsIn.all(from, to) as {
        id: number;
        team: string;
        start: number;
        end: number;
        size: number;
      }[];
      let covered = 0;
      let missing = 0;
      db.transaction(() => {
        for (const shift of shifts) {
          const local = localParts(new Date(shift.start), ZONE);
          const endMinute = localParts(new Date(shift.end), ZONE).minuteOfDay;
          for (let seat = 0; seat < shift.size; seat++) {
            let best: (typeof people)[number] | undefined;
            for (const p of people) {
              if (!p.teams.includes(shift.team) || p.held.length >= p.max) continue;
              if (p.held.some((h) => h.start < shift.end && h.end > shift.start)) continue;
              const fits = p.weekly.some(
                (w) =>
                  w.weekday === local.weekday &&
                  minuteOfDay(w.from) <= local.minuteOfDay &&
                  minuteOfDay(w.to) >= endMinute,
              );
              if (fits && (!best || p.held.length < best.held.length)) best = p;
            }
            if (!best) {
              missing += 1;
              continue;
            }
            best.held.push({ start: shift.start, end: shift.end });
            addSeat.run(shift.id, best.id, shift.start, shift.end);
            covered += 1;
          }
        }
      })();
      lastCounts = people.map((p) => p.held.length);
      return { covered, missing };
    },
  };
}

export default async function run() {
  // The rotation's figures, on a community of its own with the same inputs.
  const probe = await ours("probe.db");
  await probe.prepare();
  const { result } = await probe.plan();
  await probe.community.close();
  const counts = team.map((p) => result.perVolunteer[p.id] ?? 0);
  const probeBaseline = baseline("probe-baseline.db");
  probeBaseline.prepare();
  probeBaseline.plan();
  const baselineCounts = probeBaseline.counts();

  const side = await ours("ours.db");
  const base = baseline("baseline.db");
  await compare({
    id: "volunteers.roster.month",
    unit: "ms",
    params: {
      volunteers: team.length,
      shifts: result.shifts,
      seats: result.assigned + result.uncovered.reduce((n, u) => n + u.missing, 0),
      teams: 4,
      adapter: "sqlite-file",
      spread: { min: Math.min(...counts), max: Math.max(...counts) },
      baselineSpread: { min: Math.min(...baselineCounts), max: Math.max(...baselineCounts) },
      target: "< 1000 ms",
    },
    ours: {
      name: "community.volunteers.roster.plan",
      beforeEach: side.prepare,
      run: async () => (await side.plan()).answer,
    },
    baseline: { name: "hand-written-greedy-sqlite", beforeEach: base.prepare, run: base.plan },
    time: 500,
    warmupTime: 100,
    iterations: 10,
  });
  await side.community.close();
}
