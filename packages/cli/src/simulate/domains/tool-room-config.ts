import { type PresetName, presetInventory, presetNames, presets } from "@linli/presets";
import type { InventoryRowInput } from "@linli/lending";
import type { DayWindows } from "../opening-windows";
import type { SimulationWorld } from "../simulation-world";

const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
type Day = (typeof DAYS)[number];
type Ranges = readonly { readonly from: string; readonly to: string }[];
type WeeklyHours = Partial<Record<Day, Ranges>>;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The tool room's opening windows per ISO weekday (Monday first), in local minutes, from the `lending` section. */
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

/**
 * The inventory a simulated community starts with: the shipped inventory of the preset with
 * the same community id (a community file extending `wangjialong` keeps its id), limited to
 * the categories its `lending` section configures; none for any other community.
 */
export function startingInventory(world: SimulationWorld): InventoryRowInput[] {
  const name = presetNames.find((n: PresetName) => presets[n].community.id === world.config.community.id);
  if (name === undefined) return [];
  const categories = configuredCategories(world);
  const places = new Set(world.config.places.map((p) => p.id));
  return presetInventory(name).filter(
    (r) =>
      categories.has(r.category) && (r.location === undefined || r.location === "" || places.has(r.location)),
  );
}
