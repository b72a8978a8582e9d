import type { InventoryRowInput } from "@linli/lending";
import { libraryOfThingsInventory } from "./library-of-things/inventory";
import type { PresetName } from "./preset-registry";
import { wangjialongToolInventory } from "./wangjialong/tool-inventory";

const inventories: Record<PresetName, () => InventoryRowInput[]> = {
  wangjialong: wangjialongToolInventory,
  "library-of-things": libraryOfThingsInventory,
};

/**
 * The lending inventory shipped with a preset (seed data, not configuration), as CSV-friendly
 * rows for `lending.catalog.importInventory` or `linli import --csv`. A fresh copy on each call.
 */
export function presetInventory(name: PresetName): InventoryRowInput[] {
  return inventories[name]();
}
