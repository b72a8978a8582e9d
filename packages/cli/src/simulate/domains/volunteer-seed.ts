import { registerInput, wangjialong, wangjialongDutyShifts, wangjialongVolunteers } from "@linli/presets";
import { helpKindsOf, teamsOf, type VolunteersOptions } from "@linli/volunteers";
import { SeededRandom } from "../seeded-random";
import type { SimulationWorld } from "../simulation-world";

/** A volunteer profile as `volunteers.register` takes it (not a resident). */
export interface SeedProfile {
  readonly id: string;
  readonly name: string;
  readonly placeId?: string;
  readonly skills: Record<string, number>;
  readonly certifications: string[];
  readonly languages: string[];
  readonly teams: string[];
  readonly weekly: { weekday: number; from: string; to: string }[];
  readonly maxTasksPerWeek: number;
  readonly maxShiftsPerMonth: number;
  readonly preferredKinds: string[];
  readonly ageBand?: string;
}

/** A duty shift to create: team, UTC start and end, seats. */
export interface SeedShift {
  readonly team: string;
  readonly start: Date;
  readonly end: Date;
  readonly size: number;
}

/** The community's volunteers options, as parsed (every field has a default). */
export function volunteersOptions(world: SimulationWorld): VolunteersOptions | undefined {
  return world.config.volunteers as VolunteersOptions | undefined;
}

/** True when the simulated community is the Wangjialong preset (its seed team and timetable apply). */
function isWangjialong(world: SimulationWorld): boolean {
  return world.config.community.id === wangjialong.community.id;
}

/** The places volunteers live at: courtyards when the community has them, else every place. */
function homePlaces(world: SimulationWorld): string[] {
  const courtyards = world.config.places.filter((p) => p.kind === "courtyard").map((p) => p.id);
  return courtyards.length > 0 ? courtyards : world.config.places.map((p) => p.id);
}

/**
 * The volunteers a simulation registers: the preset's 42 Alley Pioneers for Wangjialong;
 * for any other community, 24 volunteers built from its volunteers configuration (with the
 * plugin's defaults when the section is absent): each kind's required skills and
 * certifications held by a few, every duty team staffed, weekly windows spread over the
 * week, the community's age bands. Deterministic for the seed.
 */
export function seedVolunteers(world: SimulationWorld): SeedProfile[] {
  if (isWangjialong(world)) return wangjialongVolunteers().map((v) => registerInput(v));
  const options = volunteersOptions(world);
  const rng = SeededRandom.derive(world.seed, "volunteer-seed");
  const kinds = options ? [...helpKindsOf(options).values()] : [];
  const teams = options ? [...teamsOf(options)] : ["patrol", "drying-room-duty"];
  const skills = [...new Set(kinds.flatMap((k) => k.requiredSkills.map((s) => s.skill)))];
  const certs = [...new Set(kinds.flatMap((k) => k.requiredCertifications))];
  const bands = options?.ageBands.map((b) => b.id) ?? [];
  const places = homePlaces(world);
  const out: SeedProfile[] = [];
  for (let i = 0; i < 24; i++) {
    const own: Record<string, number> = {};
    if (skills.length > 0) {
      own[skills[i % skills.length] as string] = 5;
      if (rng.chance(0.5)) own[rng.pick(skills)] = rng.int(3, 5);
    }
    const weekly = [1, 2, 3, 4, 5, 6, 7]
      .filter((d) => (d + i) % 3 !== 0)
      .map((weekday) =>
        i % 2 === 0 ? { weekday, from: "08:00", to: "13:00" } : { weekday, from: "13:00", to: "21:00" },
      );
    out.push({
      id: `volunteer-${String(i + 1).padStart(2, "0")}`,
      name: `Volunteer ${i + 1}`,
      ...(places.length > 0 ? { placeId: places[i % places.length] as string } : {}),
      skills: own,
      certifications: certs.length > 0 && i % 3 === 0 ? [certs[i % certs.length] as string] : [],
      languages: [],
      teams:
        teams.length > 0 ? [teams[i % teams.length] as string, teams[(i + 1) % teams.length] as string] : [],
      weekly,
      maxTasksPerWeek: rng.int(3, 6),
      maxShiftsPerMonth: 8,
      preferredKinds: [],
      ...(bands.length > 0 ? { ageBand: bands[i % bands.length] as string } : {}),
    });
  }
  return out;
}

/**
 * The duty shifts of the simulated days: the preset's weekly timetable for Wangjialong
 * (patrols, garbage sorting, sanitation, the drying room's duty, the tool room, mediation);
 * otherwise two patrols a day and the drying room's duty on Tuesdays, Thursdays and Saturdays,
 * for the teams the community has.
 */
export function seedShifts(world: SimulationWorld): SeedShift[] {
  if (isWangjialong(world)) return wangjialongDutyShifts(world.dayAt(0).date, world.days);
  const teams = new Set(
    volunteersOptions(world) ? teamsOf(volunteersOptions(world) as VolunteersOptions) : [],
  );
  const out: SeedShift[] = [];
  for (let i = 0; i < world.days; i++) {
    const day = world.dayAt(i);
    const at = (from: string, to: string, team: string, size: number) => {
      if (teams.has(team)) out.push({ team, start: day.at(from), end: day.at(to), size });
    };
    at("08:00", "10:00", "patrol", 2);
    at("19:00", "21:00", "patrol", 2);
    if (day.weekday === 2 || day.weekday === 6) at("09:00", "11:30", "drying-room-duty", 2);
    if (day.weekday === 4) at("14:30", "17:00", "drying-room-duty", 2);
  }
  return out;
}
