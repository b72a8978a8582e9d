import { defineQuery } from "@linli/core";
import * as z from "zod";
import type { InventoryRow } from "../inventory-rows";
import type { LendingCx } from "../lending-context";
import { itemModel, itemTypeModel } from "../lending-models";

/**
 * `lending.catalog.exportInventory`: every unit as a CSV-friendly row (`inventoryRowSchema`,
 * columns `INVENTORY_COLUMNS`), in code order (staff). A donor is named only when they agreed.
 */
export const exportInventory = defineQuery({
  allow: "staff",
  subject: "none",
  input: z.object({ includeRetired: z.boolean().default(false) }),
  run: async (cx: LendingCx, input): Promise<InventoryRow[]> => {
    const types = new Map((await cx.tx.findMany(itemTypeModel)).map((t) => [t.id, t]));
    const units = await cx.tx.findMany(itemModel, {
      where: input.includeRetired ? [] : [{ field: "status", op: "ne", value: "retired" }],
      orderBy: [{ field: "code" }],
    });
    return units.flatMap((u) => {
      const t = types.get(u.itemTypeId);
      if (!t) return [];
      return [
        {
          itemTypeId: t.id,
          tracking: t.tracking,
          category: t.category,
          nameZh: t.nameZh,
          nameEn: t.nameEn,
          tags: t.tags
            .split("|")
            .filter((x) => x.length > 0)
            .join(";"),
          trainingGroup: t.trainingGroup ?? "",
          code: u.code,
          condition: u.condition,
          location: u.location ?? "",
          acquisition: u.acquisition,
          acquiredOn: u.acquiredOn ?? "",
          status: u.status,
          ...(u.donorCredited && u.donorId ? { donor: u.donorId } : {}),
        },
      ];
    });
  },
});
