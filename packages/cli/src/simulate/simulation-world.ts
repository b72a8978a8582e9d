import type { bookingPlugin } from "@linli/booking";
import type { Actor, Community, CommunityConfig, CommunityConfigInput, ManualClock } from "@linli/core";
import type { lendingPlugin } from "@linli/lending";
import type { pricingPlugin } from "@linli/pricing";
import type { volunteersPlugin } from "@linli/volunteers";
import type { ResidentProfile } from "./resident-profiles";
import type { SeededRandom } from "./seeded-random";
import type { Tally } from "./tally";

/** The plugins a simulated community runs: booking, pricing, lending and volunteers. */
export type SimulationPlugins = readonly [
  ReturnType<typeof bookingPlugin>,
  ReturnType<typeof pricingPlugin>,
  ReturnType<typeof lendingPlugin>,
  ReturnType<typeof volunteersPlugin>,
];

/** A configuration a simulation runs (the sections of its plugins, each optional). */
export type SimulationConfigInput = CommunityConfigInput<SimulationPlugins>;

/** The community a simulation drives, through its public API only. */
export type SimulationCommunity = Community<SimulationPlugins>;

/** One simulated local day. */
export interface SimulationDay {
  /** 0 for the first day. */
  readonly index: number;
  /** The local date, `YYYY-MM-DD`. */
  readonly date: string;
  /** ISO weekday, 1 (Monday) to 7 (Sunday). */
  readonly weekday: number;
  /** The instant the local day starts. */
  readonly start: Date;
  /** The instant at a local wall time of this day (`"08:30"`, or minutes after midnight). */
  at(time: string | number): Date;
}

/** What every domain of a simulation shares: the community, its clock, the residents and the tally. */
export interface SimulationWorld {
  /** The running community (embedded SQLite). */
  readonly community: SimulationCommunity;
  /** The parsed configuration the community runs. */
  readonly config: CommunityConfig;
  /** The fake clock: set to each action's instant before it runs. */
  readonly clock: ManualClock;
  /** The simulation's seed: derive a domain's random stream with `SeededRandom.derive(seed, …)`. */
  readonly seed: number;
  /** The synthetic residents (all registered before the first day). */
  readonly residents: readonly ResidentProfile[];
  /** Residents by id. */
  readonly residentById: ReadonlyMap<string, ResidentProfile>;
  /** Where outcomes are counted. */
  readonly tally: Tally;
  /** The service desk's clerk: books for callers, approves, reads quotes. */
  readonly desk: Actor;
  /** Number of days simulated. */
  readonly days: number;
  /** The simulated day of an index (also past the last day, for bookings made ahead). */
  dayAt(index: number): SimulationDay;
  /**
   * Bookings confirmed since the pricing domain last read them (it drains the list at the end
   * of each day): how domains hand each other work without knowing each other.
   */
  readonly confirmedBookings: ConfirmedBooking[];
  /**
   * Schedules an action that follows from an outcome (a check-in at a booking's start): it
   * runs at its instant, today or on a later day, merged with the planned actions.
   */
  schedule(action: SimulationAction): void;
}

/** A booking confirmed during the simulation, waiting for its price to be read. */
export interface ConfirmedBooking {
  /** The booking id. */
  readonly bookingId: string;
  /** The resident it is for. */
  readonly residentId: string;
  /** The resource booked. */
  readonly resourceId: string;
}

/** One thing that happens at an instant of a day: the runner sets the clock to `at`, then runs it. */
export interface SimulationAction {
  /** When it happens. */
  readonly at: Date;
  /** Does it through the community's API and counts the outcome in the tally. */
  run(): Promise<void>;
}

/**
 * A domain of the simulation: one generator per part of community life (residents,
 * bookings, pricing; later loans, repairs, help requests and duty shifts).
 *
 * **Extension point.** A new domain is one file exporting a `SimulationDomain`, added to the
 * list in `domains/index.ts`. Rules a domain must follow so that the simulation stays
 * deterministic and `whatif` compares like with like:
 * - Demand comes from `rng` (a stream derived from the seed, the domain id and the day),
 *   never from outcomes: the same seed yields the same requests under any rules. Reacting to
 *   an outcome (a retry after a refusal) is fine inside an action, with its own derived stream.
 * - Everything goes through `world.community` (the public API). Refusals are data: count
 *   them with `world.tally.refused(...)`, never throw them.
 * - Anything to print goes into the tally (`world.tally.section(...)`) so the summary and
 *   the HTML report show it; a domain whose plugin is absent from the config does nothing.
 */
export interface SimulationDomain {
  /** Stable id: keys its random stream and its summary section. */
  readonly id: string;
  /**
   * Before the community is created: returns the configuration with what this domain's
   * plugin needs and the community does not configure. Returns a new object; never mutates
   * its input.
   */
  prepareConfig?(config: SimulationConfigInput): SimulationConfigInput;
  /** Once, before the first day (register things, buy season passes). */
  setup?(world: SimulationWorld, rng: SeededRandom): Promise<void>;
  /** The day's actions: the runner merges every domain's actions in time order. */
  plan(world: SimulationWorld, day: SimulationDay, rng: SeededRandom): readonly SimulationAction[];
  /** After the day's actions (staff approvals, reading quotes, sweeps). */
  endOfDay?(world: SimulationWorld, day: SimulationDay): Promise<void>;
  /** After the last day: add the domain's own summary section (`world.tally.section`). */
  finish?(world: SimulationWorld): Promise<void>;
}
