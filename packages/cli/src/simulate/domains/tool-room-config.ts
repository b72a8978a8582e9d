import type { DayWindows } from "../opening-windows";
import type { SimulationConfigInput, SimulationWorld } from "../simulation-world";
import { TOOL_CATEGORIES } from "./tool-room-catalog";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type Day = (typeof DAYS)[number];
type Ranges = readonly { readonly from: string; readonly to: string }[];
type WeeklyHours = Partial<Record<Day, Ranges>>;

/** The parts of a booking rule read here: an `opening-hours` rule's resources and weekly hours. */
interface RuleView {
  readonly kind?: string;
  readonly appliesTo?: { readonly resources?: readonly string[] };
  readonly weekly?: WeeklyHours;
}

/** The parts of a configuration read here (any config: a plain object view). */
interface ConfigView {
  readonly resources?: readonly { readonly id: string; readonly kind: string }[];
  readonly booking?: { readonly rules?: readonly RuleView[] };
  readonly lending?: unknown;
}

/** The tool room's weekly hours from a booking `opening-hours` rule on a lendable resource, if any. */
function toolRoomHours(config: ConfigView): WeeklyHours | undefined {
  const items = new Set((config.resources ?? []).filter((r) => r.kind === "item").map((r) => r.id));
  for (const rule of config.booking?.rules ?? []) {
    if (rule.kind !== "opening-hours" || !rule.weekly) continue;
    if ((rule.appliesTo?.resources ?? []).some((id) => items.has(id))) return rule.weekly;
  }
  return undefined;
}

/**
 * The `lending` section a simulation installs when the community configures none: the tool
 * room's categories (power tools and ladders for three days, the rest for a week, one
 * renewal), its opening hours taken from the booking rule of the lendable resource (the
 * preset's `tool-room-hours`; 09:00-18:00 every day without one), holds waiting 48 hours,
 * a service every 20 loans for power tools, and two policies: three tools at once, nothing
 * new while a loan is a day overdue.
 */
export function withToolRoom(config: SimulationConfigInput): SimulationConfigInput {
  const view: ConfigView = config;
  if (view.lending !== undefined) return config;
  const every: Ranges = [{ from: "09:00", to: "18:00" }];
  const hours = toolRoomHours(view) ?? Object.fromEntries(DAYS.map((d) => [d, every]));
  const openingHours = Object.fromEntries(
    DAYS.map((d) => [d, (hours[d] ?? []).map((r) => ({ from: r.from, to: r.to }))]),
  );
  return {
    ...config,
    lending: {
      openingHours,
      categories: TOOL_CATEGORIES.map((c) => ({
        id: c.id,
        name: { ...c.name },
        loanDays: c.loanDays,
        maxRenewals: 1,
      })),
      loanDays: 7,
      maxRenewals: 1,
      holds: { pickupHours: 48, maxPerResident: 3 },
      maintenancePlans: [{ id: "power-tools-service", categories: ["power-tools"], everyLoans: 20 }],
      policies: [
        { id: "three-at-once", kind: "max-loans", max: 3 },
        { id: "overdue-blocks", kind: "no-loans-while-overdue", graceHours: 24 },
      ],
    },
  };
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The tool room's opening windows per ISO weekday (Monday first), in local minutes. */
export function toolRoomWindows(world: SimulationWorld): readonly DayWindows[] {
  const hours = (world.config.lending as { openingHours?: WeeklyHours } | undefined)?.openingHours;
  return DAYS.map((d) => {
    const ranges = hours ? (hours[d] ?? []) : [{ from: "00:00", to: "24:00" }];
    return ranges.map((r) => [minutes(r.from), minutes(r.to)] as const);
  });
}

/** The categories the community's lending section configures. */
export function configuredCategories(world: SimulationWorld): Set<string> {
  const section = world.config.lending as { categories?: readonly { id: string }[] } | undefined;
  return new Set((section?.categories ?? []).map((c) => c.id));
}
