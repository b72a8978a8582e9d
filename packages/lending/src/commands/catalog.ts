import { defineCommand, LinliError } from "@linli/core";
import * as z from "zod";
import { createItemType, createUnit, itemTypeInput } from "../catalog-units";
import { lendingEvents } from "../events";
import { getItem, getItemType, type LendingCx, lockType, STATUS_TEXT } from "../lending-context";
import { lendingErrors } from "../lending-errors";
import { conditionInput, idInput, localDateInput } from "../lending-inputs";
import { holdModel, type Item, type ItemType, itemModel } from "../lending-models";

/** `lending.catalog.addType`: adds a kind of item to the catalog (staff). Emits `ItemTypeAdded`. */
export const addType = defineCommand({
  allow: "staff",
  subject: "none",
  input: itemTypeInput,
  run: (cx: LendingCx, input): Promise<ItemType> => createItemType(cx, input),
});

/**
 * `lending.catalog.addUnits`: adds bought units of a type (staff): ten identical trowels, or
 * the one numbered ladder. Codes are unique in the community. Emits `UnitAdded` per unit.
 */
export const addUnits = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({
    itemTypeId: idInput,
    units: z
      .array(
        z.object({
          code: z.string().min(1).max(100),
          condition: conditionInput.default("good"),
          location: idInput.optional(),
          acquiredOn: localDateInput.optional(),
        }),
      )
      .min(1)
      .max(200),
  }),
  run: async (cx: LendingCx, input): Promise<Item[]> => {
    const type = await getItemType(cx, input.itemTypeId);
    await lockType(cx, type.id);
    const out: Item[] = [];
    for (const unit of input.units) out.push(await createUnit(cx, type, { ...unit, acquisition: "bought" }));
    return out;
  },
});

/**
 * `lending.catalog.retireUnit`: takes a unit out of the catalog for good (staff). A unit on
 * loan must come back first (`ITEM_NOT_AVAILABLE`); a hold waiting on it goes back to the
 * queue with its place. Emits `UnitRetired`.
 */
export const retireUnit = defineCommand({
  allow: "staff",
  subject: "none",
  input: z.object({ itemId: idInput }),
  run: async (cx: LendingCx, input): Promise<Item> => {
    const first = await getItem(cx, input.itemId);
    await lockType(cx, first.itemTypeId);
    const item = await getItem(cx, input.itemId);
    if (item.status === "retired") throw LinliError.from(lendingErrors, "ITEM_RETIRED", { code: item.code });
    if (item.status === "on-loan")
      throw LinliError.from(lendingErrors, "ITEM_NOT_AVAILABLE", {
        code: item.code,
        status: STATUS_TEXT[item.status],
      });
    await cx.tx.update(
      holdModel,
      [
        { field: "itemId", value: item.id },
        { field: "status", value: "ready" },
      ],
      { status: "waiting", itemId: null, readyAt: null, pickupBy: null },
    );
    const retired = await cx.tx.updateById(itemModel, item.id, { status: "retired" });
    await cx.emit(lendingEvents.UnitRetired, { itemId: item.id, itemTypeId: item.itemTypeId });
    return retired;
  },
});
