// The library's things as lending inventory (seed data): one item type per thing resource, in
// the category of its resource group, with as many units as the resource's capacity.
import type { InventoryRowInput } from "@linli/lending";
import { things } from "./things";

/**
 * The High Street Library of Things' inventory, one row per unit: each thing of the preset
 * (a resource, priced through `lending.charges`) is an item type of its kit's category
 * (`everyday-kit` or `big-kit`), with as many units as its capacity (three drills), coded
 * `<thing>-<n>`, donated by members, at the hub. A fresh copy on each call.
 */
export function libraryOfThingsInventory(): InventoryRowInput[] {
  const categoryOf = new Map(
    (things.resourceGroups ?? []).flatMap((g) => g.resources.map((id) => [id, g.id] as const)),
  );
  return (things.resources ?? []).flatMap((r) =>
    Array.from({ length: r.capacity ?? 1 }, (_, k) => ({
      itemTypeId: r.id,
      category: categoryOf.get(r.id) ?? "everyday-kit",
      nameZh: r.name["zh-CN"],
      nameEn: r.name.en,
      code: `${r.id}-${k + 1}`,
      location: "hub",
      acquisition: "donated" as const,
    })),
  );
}
