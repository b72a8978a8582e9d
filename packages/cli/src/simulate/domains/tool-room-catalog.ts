// The simulated tool room's demand: the catalog is the preset's shipped inventory
// (`presetInventory`, e.g. the Wangjialong tool room's bought tools); this module adds how
// popular each kind is and the new kinds residents donate during the month.
import type { InventoryRowInput } from "@linli/lending";

/** A kind of tool of the simulated catalog. */
export interface ToolType {
  /** Item type id. */
  readonly id: string;
  /** Its category. */
  readonly category: string;
  /** Chinese name. */
  readonly zh: string;
  /** English name. */
  readonly en: string;
  /** Units at the start. */
  readonly units: number;
  /** Relative demand (loans per day are shared by this weight). */
  readonly popularity: number;
}

/** How popular each tool is (relative demand); a kind not listed weighs 1. */
const POPULARITY: Readonly<Record<string, number>> = {
  hammer: 5,
  "screwdriver-set": 8,
  "wrench-set": 5,
  "pipe-wrench": 3,
  pliers: 4,
  "hand-saw": 2,
  "tape-measure": 4,
  "cordless-drill": 9,
  "impact-drill": 5,
  "angle-grinder": 2,
  "glue-gun": 2,
  multimeter: 2,
  "step-ladder": 6,
  "extension-ladder": 3,
  "pruning-shears": 3,
  "pressure-washer": 3,
  "wet-dry-vacuum": 3,
  "window-squeegee": 2,
  "sewing-machine": 2,
  "caulking-gun": 2,
  drill: 6,
  ladder: 4,
};

/** The kinds of tool of inventory rows (one row per unit), in first-seen order, with units and popularity. */
export function toolTypesOf(rows: readonly InventoryRowInput[]): ToolType[] {
  const types = new Map<string, ToolType>();
  for (const r of rows) {
    const known = types.get(r.itemTypeId);
    types.set(r.itemTypeId, {
      id: r.itemTypeId,
      category: r.category,
      zh: r.nameZh,
      en: r.nameEn,
      units: (known?.units ?? 0) + 1,
      popularity: POPULARITY[r.itemTypeId] ?? 1,
    });
  }
  return [...types.values()];
}

/** Tools residents bring that the catalog does not have yet: each offered once, in this order. */
export const DONATED_NEW_TYPES: readonly Omit<ToolType, "units" | "popularity">[] = [
  { id: "bike-pump", category: "hand-tools", zh: "打气筒", en: "Bike pump" },
  { id: "spirit-level", category: "hand-tools", zh: "水平仪", en: "Spirit level" },
  { id: "soldering-iron", category: "power-tools", zh: "电烙铁", en: "Soldering iron" },
  { id: "hedge-trimmer", category: "garden", zh: "绿篱机", en: "Hedge trimmer" },
  { id: "carpet-cleaner", category: "cleaning", zh: "地毯清洗机", en: "Carpet cleaner" },
  { id: "rivet-gun", category: "household", zh: "拉铆枪", en: "Rivet gun" },
  { id: "jigsaw", category: "power-tools", zh: "曲线锯", en: "Jigsaw" },
  { id: "wheelbarrow", category: "garden", zh: "手推车", en: "Wheelbarrow" },
];
