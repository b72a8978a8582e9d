import { defineCommand } from "@linli/core";
import * as z from "zod";
import { createItemType, createUnit } from "../catalog-units";
import { inventoryRowSchema } from "../inventory-rows";
import { getItemType, type LendingCx, lockType } from "../lending-context";
import { itemTypeModel } from "../lending-models";

/**
 * `lending.catalog.importInventory`: loads inventory rows (one unit per row, CSV-friendly; see
 * `inventoryRowSchema`) in one transaction (staff): unknown types are created from the row's
 * type columns, units are added as bought (or donated, without a donor). Any bad row (unknown
 * category, duplicate code) fails the whole import with nothing written.
 */
export const importInventory = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ rows: z.array(inventoryRowSchema).min(1).max(5000) }),
  run: async (cx: LendingCx, input): Promise<{ types: number; units: number }> => {
    let types = 0;
    for (const row of input.rows) {
      let type = await cx.tx.findById(itemTypeModel, row.itemTypeId);
      if (!type) {
        type = await createItemType(cx, {
          id: row.itemTypeId,
          tracking: row.tracking,
          category: row.category,
          nameZh: row.nameZh,
          nameEn: row.nameEn,
          tags: row.tags
            .split(";")
            .map((t) => t.trim())
            .filter((t) => t.length > 0),
          photos: [],
          ...(row.trainingGroup ? { trainingGroup: row.trainingGroup } : {}),
        });
        types++;
      }
      await lockType(cx, type.id);
      await createUnit(cx, await getItemType(cx, type.id), {
        code: row.code,
        condition: row.condition,
        location: row.location || null,
        acquisition: row.acquisition,
        acquiredOn: row.acquiredOn || null,
      });
    }
    return { types, units: input.rows.length };
  },
});
