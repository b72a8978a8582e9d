import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bookingPlugin } from "@linli/booking";
import {
  type CommunityConfigInput,
  coreErrors,
  createCommunity,
  LinliError,
  localParts,
  manualClock,
  sequentialIds,
  startOfLocalDay,
  zonedInstant,
  addLocalDays,
} from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { sqliteStorage } from "@linli/storage-sqlite";
import { volunteersPlugin } from "@linli/volunteers";
import { defaultDomains } from "./domains/index";
import { generateResidents } from "./resident-profiles";
import { SeededRandom } from "./seeded-random";
import { parseSimulationOptions, type SimulationOptionsInput } from "./simulation-options";
import type {
  ConfirmedBooking,
  SimulationDay,
  SimulationDomain,
  SimulationPlugins,
  SimulationWorld,
} from "./simulation-world";
import { ActionQueue } from "./action-queue";
import { Tally, type TallyData } from "./tally";

/** What a simulation run returns: its parameters, the names it needs to print, and the counts. */
export interface SimulationResult {
  /** The community's id and name (zh-CN, en). */
  readonly community: { readonly id: string; readonly name: Readonly<Record<string, string>> };
  /** The currency of every amount (minor units). */
  readonly currency: string;
  /** The community's IANA time zone. */
  readonly timeZone: string;
  /** The first local day simulated. */
  readonly start: string;
  /** Days simulated. */
  readonly days: number;
  /** The seed. */
  readonly seed: number;
  /** Resource names (en) by id, for the summary and the report. */
  readonly resourceNames: Readonly<Record<string, string>>;
  /** Eligibility group names (en) by id. */
  readonly groupNames: Readonly<Record<string, string>>;
  /** The counts. */
  readonly tally: TallyData;
  /** The SQLite file kept, or null when a temporary file was used and removed. */
  readonly db: string | null;
}

/** Extra inputs of {@link simulate} that are not options of the command line. */
export interface SimulateExtras {
  /** Called after each day (for a progress bar). */
  readonly onDay?: (done: number, total: number) => void;
  /** Makes the domains to run (fresh for each run: domains keep state). @default defaultDomains */
  readonly domains?: () => readonly SimulationDomain[];
}

const plugins = (): SimulationPlugins => [
  bookingPlugin(),
  pricingPlugin(),
  lendingPlugin(),
  volunteersPlugin(),
];

/**
 * Runs a seeded synthetic stretch of community life on embedded SQLite, through the
 * community's public API only, with a fake clock set to each action's instant. Each day,
 * every domain plans its actions from its own random stream (demand never depends on
 * outcomes, so the same seed gives the same requests under any rules); the runner merges
 * them in time order and runs them, then each domain's end-of-day step.
 *
 * Deterministic for a seed: the same config and options give the same result. Options are
 * validated first (`VALIDATION_FAILED`); an existing `db` file is refused before anything is
 * written; an invalid config is `CONFIG_INVALID` with every problem.
 */
export async function simulate(
  config: CommunityConfigInput<SimulationPlugins>,
  input: SimulationOptionsInput = {},
  extras: SimulateExtras = {},
): Promise<SimulationResult> {
  const options = parseSimulationOptions(input);
  if (options.db !== undefined && existsSync(options.db)) {
    throw LinliError.from(coreErrors, "VALIDATION_FAILED", {
      summary: `db: ${options.db} already exists; give a new file name, or none for a temporary file`,
    });
  }
  const dir = options.db === undefined ? mkdtempSync(join(tmpdir(), "linli-sim-")) : null;
  const filename = options.db ?? join(dir ?? ".", "simulation.db");
  try {
    return await run(config, { ...options, filename }, extras, options.db ?? null);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

async function run(
  config: CommunityConfigInput<SimulationPlugins>,
  options: { days: number; seed: number; residents: number; start: string; filename: string },
  extras: SimulateExtras,
  kept: string | null,
): Promise<SimulationResult> {
  const domains = (extras.domains ?? defaultDomains)();
  let prepared = config;
  for (const domain of domains) prepared = domain.prepareConfig?.(prepared) ?? prepared;
  // The simulation's desk and the volunteers plugin's quoting account act as declared members.
  prepared = withMembers(prepared, [
    { id: "desk-1", kind: "staff" },
    { id: "volunteers", kind: "system" },
  ]);
  const storage = sqliteStorage({ filename: options.filename, synchronous: "NORMAL" });
  // Before the first day: residents are registered the evening before.
  const clock = manualClock(new Date(0));
  const community = await createCommunity({
    config: prepared,
    storage,
    plugins: plugins(),
    clock,
    ids: sequentialIds(),
  });
  try {
    const tz = community.config.community.timeZone;
    clock.set(new Date(startOfLocalDay(options.start, tz).getTime() - 3_600_000));
    const dayCache = new Map<number, SimulationDay>();
    const dayAt = (index: number): SimulationDay => {
      let day = dayCache.get(index);
      if (!day) {
        const date = addLocalDays(options.start, index);
        const start = startOfLocalDay(date, tz);
        day = {
          index,
          date,
          weekday: localParts(start, tz).weekday,
          start,
          at: (time) =>
            typeof time === "string"
              ? zonedInstant(date, time, tz)
              : // Minutes after local midnight (the community's zones have no DST at these hours in practice;
                // a DST day still gives a valid instant).
                new Date(start.getTime() + time * 60_000),
        };
        dayCache.set(index, day);
      }
      return day;
    };
    const residents = generateResidents(
      options.residents,
      options.seed,
      new Set(community.config.groups.map((g) => g.id)),
    );
    const tally = new Tally(
      community.config.resources.map((r) => ({ id: r.id, capacity: r.capacity })),
      options.days,
    );
    const confirmedBookings: ConfirmedBooking[] = [];
    const queue = new ActionQueue();
    const world: SimulationWorld = {
      community,
      config: community.config,
      clock,
      seed: options.seed,
      residents,
      residentById: new Map(residents.map((r) => [r.id, r])),
      tally,
      desk: { kind: "staff", id: "desk-1" },
      days: options.days,
      dayAt,
      confirmedBookings,
      schedule: (action) => queue.push(action),
    };
    for (const domain of domains)
      await domain.setup?.(world, SeededRandom.derive(options.seed, domain.id, "setup"));

    for (let index = 0; index < options.days; index++) {
      const day = dayAt(index);
      for (const domain of domains) {
        for (const action of domain.plan(world, day, SeededRandom.derive(options.seed, domain.id, index)))
          queue.push(action);
      }
      const dayEnd = dayAt(index + 1).start.getTime();
      for (let action = queue.popBefore(dayEnd); action; action = queue.popBefore(dayEnd)) {
        // Never backwards: an action scheduled in the past of the clock runs now.
        if (action.at.getTime() > clock.now().getTime()) clock.set(action.at);
        await action.run();
      }
      clock.set(day.at(23 * 60 + 30));
      for (const domain of domains) await domain.endOfDay?.(world, day);
      extras.onDay?.(index + 1, options.days);
    }

    for (const domain of domains) await domain.finish?.(world);
    const name = community.config.community.name;
    return {
      community: { id: community.id, name: { ...name } },
      currency: community.config.community.currency,
      timeZone: tz,
      start: options.start,
      days: options.days,
      seed: options.seed,
      resourceNames: Object.fromEntries(community.config.resources.map((r) => [r.id, r.name.en])),
      groupNames: Object.fromEntries(community.config.groups.map((g) => [g.id, g.name.en])),
      tally: tally.data(),
      db: kept,
    };
  } finally {
    await community.close();
  }
}

/** `config` with `members` added unless an entry with the same id is declared already. */
function withMembers<C>(config: C, add: readonly { id: string; kind: "staff" | "system" }[]): C {
  const members = ((config as { members?: { id: string }[] }).members ?? []) as { id: string }[];
  const missing = add.filter((m) => !members.some((d) => d.id === m.id));
  return missing.length === 0 ? config : { ...config, members: [...members, ...missing] };
}
