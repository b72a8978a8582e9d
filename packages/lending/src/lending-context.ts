import { type CommandContext, LinliError } from "@linli/core";
import type { ToolRoomCalendar } from "./due-date";
import type { LendingOptions } from "./lending-config";
import { lendingErrors } from "./lending-errors";
import { type Item, type ItemType, itemModel, itemTypeModel } from "./lending-models";

/** The context lending's commands and helpers run with. */
export type LendingCx = CommandContext<LendingOptions, string | undefined>;

/** The tool room's calendar from the options and the community's zone. */
export function calendarOf(options: LendingOptions, timeZone: string): ToolRoomCalendar {
  return { openingHours: options.openingHours, closures: options.closures, timeZone };
}

/** Loan days and renewals for a type: its own terms, else its category's, else the defaults. */
export function termsOf(options: LendingOptions, type: Pick<ItemType, "id" | "category">) {
  const own = options.itemTypeTerms[type.id];
  const category = options.categories.find((c) => c.id === type.category);
  return {
    loanDays: own?.loanDays ?? category?.loanDays ?? options.loanDays,
    maxRenewals: own?.maxRenewals ?? category?.maxRenewals ?? options.maxRenewals,
  };
}

/** The item type with this id; throws `UNKNOWN_ITEM_TYPE`. */
export async function getItemType(cx: LendingCx, itemTypeId: string): Promise<ItemType> {
  const type = await cx.tx.findById(itemTypeModel, itemTypeId);
  if (!type) throw LinliError.from(lendingErrors, "UNKNOWN_ITEM_TYPE", { itemTypeId });
  return type;
}

/** The unit with this id; throws `UNKNOWN_ITEM`. */
export async function getItem(cx: LendingCx, itemId: string): Promise<Item> {
  const item = await cx.tx.findById(itemModel, itemId);
  if (!item) throw LinliError.from(lendingErrors, "UNKNOWN_ITEM", { itemId });
  return item;
}

/** Serializes every change to the units and queue of one item type (all adapters). */
export function lockType(cx: LendingCx, itemTypeId: string): Promise<void> {
  return cx.tx.lock(`lending:type:${itemTypeId}`);
}

/** Locks several types in a fixed order (no deadlock between two desks). */
export async function lockTypes(cx: LendingCx, itemTypeIds: Iterable<string>): Promise<void> {
  for (const id of [...new Set(itemTypeIds)].sort()) await lockType(cx, id);
}

/** Checks that a category is configured; throws `UNKNOWN_CATEGORY`. */
export function requireCategory(options: LendingOptions, category: string): void {
  if (!options.categories.some((c) => c.id === category))
    throw LinliError.from(lendingErrors, "UNKNOWN_CATEGORY", { category });
}

/** Human status names for messages. */
export const STATUS_TEXT: Record<Item["status"], string> = {
  available: "可借",
  "on-loan": "已借出",
  "on-hold-shelf": "在预留架上",
  "in-maintenance": "维修中",
  retired: "已报废",
};
