import { isLinliError } from "@linli/core";
import { SeededRandom } from "../seeded-random";
import type { SimulationAction, SimulationDomain, SimulationWorld } from "../simulation-world";
import type { VolunteerLedger } from "./volunteer-ledger";
import { seedShifts } from "./volunteer-seed";

/** A seat of a planned shift. */
interface Seat {
  readonly shiftId: string;
  readonly team: string;
  readonly start: Date;
  readonly end: Date;
  volunteerId: string;
}

const MAX_SHIFTS_PER_CALL = 2000;
/** The roster query reads at most this many days at once. */
const QUERY_DAYS = 60;

/**
 * Duty shifts: before the first day staff create the month's shifts
 * (`volunteers.roster.createShifts`: patrols, the drying room's duty, and the rest of the
 * community's timetable) and plan the roster for the whole stretch at once
 * (`roster.plan`: team membership, availability, monthly maximums, a balanced rotation).
 * The evening before a shift, now and then a volunteer reports an absence
 * (`roster.absence`: the seat goes to the fairest free teammate); after each shift staff
 * record attendance (`roster.attendance`: most serve, a few do not turn up), which goes to the
 * hours ledger that fairness reads.
 */
export function dutyShiftsDomain(ledger: VolunteerLedger): SimulationDomain {
  const byDay = new Map<number, Seat[]>();
  const counts = {
    shifts: 0,
    seats: 0,
    assigned: 0,
    uncovered: 0,
    absences: 0,
    replaced: 0,
    served: 0,
    noShows: 0,
  };

  const load = async (world: SimulationWorld) => {
    const first = world.dayAt(0).start;
    for (let from = 0; from < world.days; from += QUERY_DAYS) {
      const to = Math.min(world.days, from + QUERY_DAYS);
      const shifts = await world.community.volunteers.roster.shifts({
        actor: world.desk,
        from: world.dayAt(from).start,
        to: world.dayAt(to).start,
      });
      for (const shift of shifts) {
        const index = Math.floor((shift.start.getTime() - first.getTime()) / 86_400_000);
        const list = byDay.get(index) ?? [];
        for (const seat of shift.seats)
          list.push({
            shiftId: shift.id,
            team: shift.team,
            start: shift.start,
            end: shift.end,
            volunteerId: seat.volunteerId,
          });
        byDay.set(index, list);
      }
    }
  };

  return {
    id: "duty-shifts",
    async setup(world) {
      const shifts = seedShifts(world);
      if (shifts.length === 0) return;
      for (let i = 0; i < shifts.length; i += MAX_SHIFTS_PER_CALL) {
        await world.community.volunteers.roster.createShifts({
          actor: world.desk,
          shifts: shifts.slice(i, i + MAX_SHIFTS_PER_CALL).map((s) => ({ ...s })),
        });
      }
      counts.shifts = shifts.length;
      counts.seats = shifts.reduce((n, s) => n + s.size, 0);
      const planned = await world.community.volunteers.roster.plan({
        actor: world.desk,
        from: world.dayAt(0).start,
        to: world.dayAt(world.days).start,
      });
      counts.assigned = planned.assigned;
      counts.uncovered = planned.uncovered.reduce((n, u) => n + Math.max(0, u.missing), 0);
      await load(world);
    },
    plan(world, day, rng) {
      const seats = byDay.get(day.index) ?? [];
      const actions: SimulationAction[] = [];
      for (const seat of seats) {
        const absent = rng.chance(0.03);
        const served = rng.chance(0.95);
        if (absent) {
          actions.push({
            // The evening before, or the morning of an evening shift.
            at: new Date(Math.max(day.start.getTime(), seat.start.getTime() - 12 * 3_600_000)),
            run: async () => {
              try {
                const out = await world.community.volunteers.roster.absence({
                  actor: world.desk,
                  shiftId: seat.shiftId,
                  volunteerId: seat.volunteerId,
                });
                counts.absences++;
                if (out.replacement) {
                  counts.replaced++;
                  seat.volunteerId = out.replacement;
                } else seat.volunteerId = "";
              } catch (error) {
                if (!isLinliError(error)) throw error;
              }
            },
          });
        }
        actions.push({
          at: new Date(seat.end.getTime() + 10 * 60_000),
          run: async () => {
            if (seat.volunteerId === "") return;
            const minutes = Math.round((seat.end.getTime() - seat.start.getTime()) / 60_000);
            // A replacement's turn-up is their own draw.
            const came = absent
              ? SeededRandom.derive(world.seed, "shift", seat.shiftId, seat.volunteerId).chance(0.95)
              : served;
            await world.community.volunteers.roster.attendance({
              actor: world.desk,
              shiftId: seat.shiftId,
              volunteerId: seat.volunteerId,
              served: came,
            });
            if (came) {
              counts.served++;
              ledger.shift(seat.volunteerId, minutes);
            } else {
              counts.noShows++;
              ledger.noShow(seat.volunteerId);
            }
          },
        });
      }
      return actions;
    },
    async finish(world) {
      if (counts.shifts === 0) return;
      world.tally.section({
        title: "Duty shifts (roster planned for the whole stretch)",
        rows: [
          ["shifts / seats", `${counts.shifts} / ${counts.seats}`],
          ["seats filled by the plan", counts.assigned],
          ["seats left uncovered", counts.uncovered],
          ["absences reported / seats passed on", `${counts.absences} / ${counts.replaced}`],
          ["seats served", counts.served],
          ["no-shows", counts.noShows],
        ],
      });
    },
  };
}
