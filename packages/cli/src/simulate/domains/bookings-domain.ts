import { type Resource, wallDay, wallMinuteOfDay, wallOf } from "@linli/core";
import { type DemandProfile, profileFor } from "../demand-profiles";
import { type DayWindows, openingWindows, startInWindows } from "../opening-windows";
import { ResidentPicker } from "../resident-picker";
import { SeededRandom } from "../seeded-random";
import type {
  ConfirmedBooking,
  SimulationAction,
  SimulationDay,
  SimulationDomain,
  SimulationWorld,
} from "../simulation-world";
import { refusalCode, requesterFor } from "./domain-helpers";

const DAY_MS = 86_400_000;

/**
 * A resource with the demand it draws. Interchangeable units (the dryers of the drying room:
 * pool resources of one resource group with the same profile) share one demand: a request
 * starts at a random unit and tries the next ones while the only reason is a full slot.
 */
interface Demand {
  readonly units: readonly Resource[];
  /** Weekly opening windows (Monday first), when the resource has fixed hours. */
  readonly windows: readonly DayWindows[] | undefined;
  readonly profile: DemandProfile;
  readonly hours: readonly (readonly [number, number])[];
  readonly picker: ResidentPicker;
}

/** Options of {@link bookingsDomain}. */
export interface BookingsDomainOptions {
  /** Only these resources draw demand (a focused what-if). @default every bookable resource */
  readonly resources?: readonly string[];
}

/** The parts of a configured booking rule this domain reads. */
interface BookingRuleView {
  readonly kind: string;
  readonly appliesTo?: {
    readonly resources?: readonly string[];
    readonly resourceGroups?: readonly string[];
  };
}

/** A booking that waits for staff approval. */
interface Pending {
  readonly bookingId: string;
  readonly residentId: string;
  readonly resourceId: string;
  readonly start: Date;
  readonly end: Date;
  readonly quantity: number;
  readonly group: string;
}

/** The channels the community accepts, from its booking section (booking's defaults when none). */
function channelsOf(world: SimulationWorld): readonly string[] {
  const section = world.config.booking as { channels?: readonly string[] } | undefined;
  return section?.channels ?? ["desk", "phone", "wechat", "app"];
}

/**
 * Bookings: every bookable resource of the configuration (spaces, pools, services; lendable
 * items are the loans domain's) draws demand from residents by the habit its
 * {@link profileFor | demand profile} names: library areas, drying room, gym zones,
 * calligraphy classes, gallery proposals, charging points… Requests are made during the day
 * ahead of their start, by the resident on the app or by the desk for callers, all through
 * `community.booking.book`. Refusals are counted by reason; requests awaiting approval are
 * decided by staff at the end of the day (gallery proposals).
 */
export function bookingsDomain(options: BookingsDomainOptions = {}): SimulationDomain {
  let demands: Demand[] | null = null;
  let pending: Pending[] = [];
  const pickers = new Map<string, ResidentPicker>();
  let checkInResources: Set<string> | null = null;
  const attendance = { checkIns: 0, checkInsRefused: 0, released: 0, noShows: 0, completed: 0 };

  /** The resources a `check-in` rule applies to: their bookings need a check-in at the start. */
  const needsCheckIn = (world: SimulationWorld, resourceId: string): boolean => {
    if (!checkInResources) {
      checkInResources = new Set();
      const rules = (world.config.booking as { rules?: readonly BookingRuleView[] } | undefined)?.rules ?? [];
      for (const rule of rules) {
        if (rule.kind !== "check-in") continue;
        for (const id of rule.appliesTo?.resources ?? []) checkInResources.add(id);
        for (const g of rule.appliesTo?.resourceGroups ?? [])
          for (const id of world.config.resourceGroups.find((x) => x.id === g)?.resources ?? [])
            checkInResources.add(id);
      }
    }
    return checkInResources.has(resourceId);
  };

  /**
   * A confirmed booking: counted, handed to pricing, and, where a check-in rule applies, a
   * check-in scheduled a few minutes before the start (most residents come; some do not,
   * and the daily sweep releases their slot).
   */
  const confirmed = (
    world: SimulationWorld,
    c: ConfirmedBooking,
    start: Date,
    end: Date,
    quantity: number,
  ) => {
    record(world, c.resourceId, start, end, quantity);
    world.confirmedBookings.push(c);
    if (!needsCheckIn(world, c.resourceId)) return;
    const rng = SeededRandom.derive(world.seed, "check-in", c.bookingId);
    if (!rng.chance(0.92)) return;
    const resident = { kind: "resident", id: c.residentId } as const;
    world.schedule({
      at: new Date(start.getTime() - rng.int(0, 8) * 60_000),
      run: async () => {
        const code = await refusalCode(() =>
          world.community.booking.checkIn({ actor: resident, bookingId: c.bookingId }),
        );
        if (code === null) attendance.checkIns++;
        else attendance.checkInsRefused++;
      },
    });
  };

  const demandsOf = (world: SimulationWorld): Demand[] => {
    if (demands) return demands;
    demands = [];
    const opening = openingWindows(world.config);
    const byId = new Map(world.config.resources.map((r) => [r.id, r]));
    const pooled = new Set<string>();
    const unitSets: Resource[][] = [];
    for (const group of world.config.resourceGroups) {
      const units = group.resources.map((id) => byId.get(id)).filter((r) => r !== undefined);
      const profile = units[0] ? profileFor(units[0]) : null;
      if (
        units.length > 1 &&
        units.every((u) => u.kind === "pool" && !pooled.has(u.id) && profileFor(u) === profile)
      ) {
        for (const u of units) pooled.add(u.id);
        unitSets.push(units);
      }
    }
    for (const resource of world.config.resources) if (!pooled.has(resource.id)) unitSets.push([resource]);
    const only = options.resources ? new Set(options.resources) : null;
    for (const units of unitSets) {
      if (only && !units.some((u) => only.has(u.id))) continue;
      const first = units[0];
      const profile = first ? profileFor(first) : null;
      if (!profile) continue;
      let picker = pickers.get(profile.habit);
      if (!picker) {
        picker = new ResidentPicker(world.residents, profile.habit);
        pickers.set(profile.habit, picker);
      }
      const hours = Object.entries(profile.hours).map(([h, w]) => [Number(h), w] as const);
      demands.push({ units, profile, hours, picker, windows: opening.get(first?.id ?? "") });
    }
    // Configuration order, for a stable stream of requests.
    const order = new Map(world.config.resources.map((r, i) => [r.id, i]));
    demands.sort((a, b) => (order.get(a.units[0]?.id ?? "") ?? 0) - (order.get(b.units[0]?.id ?? "") ?? 0));
    return demands;
  };

  const record = (world: SimulationWorld, resourceId: string, start: Date, end: Date, quantity: number) => {
    const tz = world.config.community.timeZone;
    const wall = wallOf(start.getTime(), tz);
    const first = wallDay(wallOf(world.dayAt(0).start.getTime(), tz));
    const day = Math.round((wallDay(wall) - first) / DAY_MS);
    world.tally.confirmed(
      resourceId,
      day,
      wallMinuteOfDay(wall),
      (end.getTime() - start.getTime()) / 60_000,
      quantity,
    );
  };

  return {
    id: "bookings",
    plan(world, day, rng) {
      const channels = new Set(channelsOf(world));
      const phone = channels.has("phone") ? "phone" : undefined;
      const wechat = channels.has("wechat") ? "wechat" : phone;
      const app = channels.has("app") ? "app" : undefined;
      const weekend = day.weekday >= 6;
      const actions: SimulationAction[] = [];
      for (const { units, profile, hours, picker, windows } of demandsOf(world)) {
        const mean = profile.dailyRate * picker.total * (weekend ? (profile.weekendFactor ?? 1) : 1);
        const count = rng.poisson(mean);
        for (let i = 0; i < count; i++) {
          const resident = rng.chance(profile.anyoneShare ?? 0.05)
            ? rng.pick(world.residents)
            : picker.pick(rng);
          const firstUnit = rng.int(0, units.length - 1);
          const zoneOf = (r: Resource) => (r.zones.length > 0 ? rng.pick(r.zones) : undefined);
          const zones = units.map(zoneOf);
          const minutes = rng.pick(profile.durations);
          const lead = rng.int(profile.leadMinutes[0], profile.leadMinutes[1]);
          const madeAt = day.at(rng.int(7 * 60, 22 * 60 - 1));
          // The start: the profile's hour on the day the lead reaches, or the next day if that is too soon.
          const hour = rng.weighted(hours);
          const reach = new Date(madeAt.getTime() + lead * 60_000);
          let offset = Math.max(0, Math.floor((reach.getTime() - day.start.getTime()) / DAY_MS));
          // Most residents ask for a time the room is open (the desk tells them); some do not.
          const knowsHours = rng.chance(0.9);
          const startOn = (target: SimulationDay): Date | null => {
            if (!windows || !knowsHours) return target.at(hour * 60);
            const open = windows[target.weekday - 1] ?? [];
            const minute = startInWindows(open, minutes, (n) => rng.int(0, n - 1));
            return minute === null ? null : target.at(minute);
          };
          // The first day from the lead on with a suitable time (fixed hours: within a week).
          let start: Date | null = null;
          for (let tries = 0; tries < 8 && start === null; tries++, offset++) {
            const candidate = startOn(world.dayAt(day.index + offset));
            if (candidate && candidate.getTime() >= madeAt.getTime() + profile.leadMinutes[0] * 60_000)
              start = candidate;
          }
          if (start === null) start = world.dayAt(day.index + offset).at(hour * 60);
          const end = new Date(start.getTime() + minutes * 60_000);
          const who = requesterFor(world, resident, rng.chance(0.3) ? wechat : phone, app);
          actions.push({
            at: madeAt,
            run: async () => {
              let outcome: Awaited<ReturnType<typeof world.community.booking.book>> | undefined;
              let resource = units[firstUnit] as Resource;
              let code: string | null = null;
              for (let k = 0; k < units.length; k++) {
                resource = units[(firstUnit + k) % units.length] as Resource;
                const zone = zones[(firstUnit + k) % units.length];
                code = await refusalCode(async () => {
                  outcome = await world.community.booking.book({
                    ...who,
                    resourceId: resource.id,
                    ...(zone ? { zoneId: zone.id } : {}),
                    start,
                    end,
                  });
                });
                // Another unit only helps when this one is full.
                if (code !== null || !outcome || outcome.ok || !outcome.waitlistable) break;
              }
              world.tally.requested(resource.id);
              if (code !== null || !outcome) {
                world.tally.refused(resource.id, [code ?? "UNKNOWN"], resident.summaryGroup);
                return;
              }
              if (!outcome.ok) {
                world.tally.refused(
                  resource.id,
                  outcome.violations.map((v) => v.code),
                  resident.summaryGroup,
                );
                return;
              }
              const booking = outcome.booking;
              if (booking.status === "pending-approval") {
                world.tally.pendingApproval(resource.id, 1);
                pending.push({
                  bookingId: booking.id,
                  residentId: resident.id,
                  resourceId: resource.id,
                  start,
                  end,
                  quantity: booking.quantity,
                  group: resident.summaryGroup,
                });
                return;
              }
              confirmed(
                world,
                { bookingId: booking.id, residentId: resident.id, resourceId: resource.id },
                start,
                end,
                booking.quantity,
              );
            },
          });
        }
      }
      return actions;
    },
    async endOfDay(world, day: SimulationDay) {
      // Staff decide the day's proposals in the evening (an independent stream: decisions
      // never shift the next day's demand).
      const decide = SeededRandom.derive(world.seed, "approvals", day.index);
      const waiting = pending;
      pending = [];
      for (const p of waiting) {
        const rate = profileFor({ id: p.resourceId, kind: "space" })?.approvalRate ?? 0.8;
        world.tally.pendingApproval(p.resourceId, -1);
        if (decide.chance(rate)) {
          const code = await refusalCode(() =>
            world.community.booking.approve({ actor: world.desk, bookingId: p.bookingId }),
          );
          if (code !== null) {
            world.tally.refused(p.resourceId, [code], p.group);
            continue;
          }
          confirmed(world, p, p.start, p.end, p.quantity);
        } else {
          const code = await refusalCode(() =>
            world.community.booking.reject({
              actor: world.desk,
              bookingId: p.bookingId,
              reason: "programme full",
            }),
          );
          world.tally.refused(p.resourceId, [code ?? "REJECTED_BY_STAFF"], p.group);
        }
      }
      // The scheduler's nightly sweep: missed check-ins released, ended visits completed.
      if (checkInResources && checkInResources.size > 0) {
        const report = await world.community.booking.sweep({ actor: world.desk });
        attendance.released += report.released;
        attendance.noShows += report.noShows;
        attendance.completed += report.completed;
      }
    },
    async finish(world) {
      if (!checkInResources || checkInResources.size === 0) return;
      world.tally.section({
        title: "Attendance (resources with a check-in rule)",
        rows: [
          ["checked in", attendance.checkIns],
          ["check-ins refused (outside the window)", attendance.checkInsRefused],
          ["released after a missed check-in", attendance.released],
          ["recorded as no-shows", attendance.noShows],
          ["completed", attendance.completed],
        ],
      });
    },
  };
}
