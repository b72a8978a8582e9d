import type { SimulationDomain } from "../simulation-world";
import { dutyShiftsDomain } from "./duty-shifts-domain";
import { helpRequestsDomain } from "./help-requests-domain";
import { VolunteerLedger } from "./volunteer-ledger";
import { seedVolunteers } from "./volunteer-seed";

/** Gini coefficient of non-negative values: 0 when everyone carries the same load, towards 1 when one carries it all. */
export function gini(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const sum = sorted.reduce((s, v) => s + v, 0);
  if (n === 0 || sum === 0) return 0;
  let weighted = 0;
  sorted.forEach((v, i) => {
    weighted += (i + 1) * v;
  });
  return (2 * weighted) / (n * sum) - (n + 1) / n;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;

/**
 * The volunteer team: registers the volunteers before the first day (`volunteers.register`:
 * the preset's seed team, or one built from the configuration), and after the last day reads
 * the hours ledger (`volunteers.hours`) for the "Volunteer hours and fairness" section (hours
 * per volunteer, their spread and Gini coefficient, tasks and shifts per volunteer) and the
 * volunteer-load chart's data (the tally's `volunteers`).
 */
function volunteerTeamDomain(ledger: VolunteerLedger): SimulationDomain {
  return {
    id: "volunteers",
    async setup(world) {
      for (const profile of seedVolunteers(world)) {
        await world.community.volunteers.register({ actor: world.desk, ...profile });
        ledger.names.set(profile.id, profile.name);
      }
    },
    plan: () => [],
    async finish(world) {
      if (ledger.names.size === 0) return;
      const read = await world.community.volunteers.hours({ actor: world.desk });
      const minutes = new Map(read.volunteers.map((v) => [v.volunteerId, v.minutes]));
      const ids = [...ledger.names.keys()].sort();
      const totals = ids.map((id) => minutes.get(id) ?? 0);
      const loads = ids.map((id) => {
        const e = ledger.of(id);
        return {
          volunteerId: id,
          name: ledger.names.get(id) ?? id,
          taskMinutes: e.taskMinutes,
          shiftMinutes: e.shiftMinutes,
          tasks: e.tasks,
          shifts: e.shifts,
          noShows: e.noShows,
        };
      });
      world.tally.volunteerLoads(loads);
      const sorted = [...totals].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      const tasks = loads.map((l) => l.tasks);
      const shifts = loads.map((l) => l.shifts);
      const active = totals.filter((m) => m > 0).length;
      world.tally.section({
        title: "Volunteer hours and fairness",
        rows: [
          ["volunteers registered", ids.length],
          ["volunteers with hours", active],
          ["hours served (hours ledger)", hours(totals.reduce((s, m) => s + m, 0))],
          ["  of which help requests", hours(loads.reduce((s, l) => s + l.taskMinutes, 0))],
          ["  of which duty shifts", hours(loads.reduce((s, l) => s + l.shiftMinutes, 0))],
          [
            "hours per volunteer: min / median / max",
            `${hours(sorted[0] ?? 0)} / ${hours(median)} / ${hours(sorted[sorted.length - 1] ?? 0)}`,
          ],
          ["Gini coefficient of hours (0 = even)", gini(totals).toFixed(3)],
          ["tasks per volunteer: min / max", `${Math.min(...tasks)} / ${Math.max(...tasks)}`],
          ["shifts per volunteer: min / max", `${Math.min(...shifts)} / ${Math.max(...shifts)}`],
          ["no-shows (tasks and shifts)", loads.reduce((s, l) => s + l.noShows, 0)],
        ],
      });
    },
  };
}

/**
 * The volunteers' part of community life, as three domains sharing one ledger: the team
 * (registration, hours and fairness), help requests, and duty shifts, in that order.
 */
export function volunteerDomains(): SimulationDomain[] {
  const ledger = new VolunteerLedger();
  return [volunteerTeamDomain(ledger), helpRequestsDomain(ledger), dutyShiftsDomain(ledger)];
}
