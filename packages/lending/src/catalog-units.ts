import { LinliError } from "@linli/core";
import * as z from "zod";
import { releaseUnit } from "./circulation";
import { lendingEvents } from "./events";
import { type LendingCx, requireCategory } from "./lending-context";
import { lendingErrors } from "./lending-errors";
import { idInput } from "./lending-inputs";
import {
  type Condition,
  type Item,
  type ItemType,
  itemModel,
  itemTypeModel,
  TRACKING,
} from "./lending-models";

/** A new item type as commands and the inventory import take it. */
export const itemTypeInput = z.object({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(100),
  tracking: z.enum(TRACKING).default("stock"),
  category: idInput,
  nameZh: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
  tags: z
    .array(
      z
        .string()
        .min(1)
        .max(50)
        .regex(/^[^|]+$/),
    )
    .max(20)
    .default([]),
  photos: z.array(z.string().min(1).max(500)).max(20).default([]),
  instructions: z.string().max(4000).optional(),
  safetyNotes: z.string().max(4000).optional(),
  /** The eligibility group that records the training this type needs (power tools). */
  trainingGroup: idInput.optional(),
});

/** Creates an item type after checking its category, training group and id. Emits `ItemTypeAdded`. */
export async function createItemType(
  cx: LendingCx,
  input: z.output<typeof itemTypeInput>,
): Promise<ItemType> {
  requireCategory(cx.options, input.category);
  if (input.trainingGroup !== undefined && !cx.config.groups.some((g) => g.id === input.trainingGroup))
    throw LinliError.from(lendingErrors, "UNKNOWN_GROUP", { groupId: input.trainingGroup });
  if (await cx.tx.findById(itemTypeModel, input.id))
    throw LinliError.from(lendingErrors, "DUPLICATE_ITEM_TYPE", { itemTypeId: input.id });
  const type = await cx.tx.create(itemTypeModel, {
    id: input.id,
    tracking: input.tracking,
    category: input.category,
    nameZh: input.nameZh,
    nameEn: input.nameEn,
    tags: `|${input.tags.join("|")}|`,
    photos: input.photos,
    instructions: input.instructions ?? null,
    safetyNotes: input.safetyNotes ?? null,
    trainingGroup: input.trainingGroup ?? null,
    createdAt: cx.now,
  });
  await cx.emit(lendingEvents.ItemTypeAdded, { itemTypeId: type.id, category: type.category });
  return type;
}

/** One new unit. */
export interface UnitInput {
  readonly code: string;
  readonly condition: Condition;
  readonly location?: string | null;
  readonly acquisition: "bought" | "donated";
  readonly donorId?: string | null;
  readonly donorCredited?: boolean;
  readonly acquiredOn?: string | null;
}

/**
 * Adds a unit to the catalog and puts it into circulation (the first in line gets it). The
 * caller holds the type's lock. Emits `UnitAdded`.
 */
export async function createUnit(cx: LendingCx, type: ItemType, unit: UnitInput): Promise<Item> {
  if (await cx.tx.findOne(itemModel, [{ field: "code", value: unit.code }]))
    throw LinliError.from(lendingErrors, "DUPLICATE_CODE", { code: unit.code });
  if (unit.location && !cx.config.places.some((p) => p.id === unit.location))
    throw LinliError.from(lendingErrors, "UNKNOWN_ITEM", { itemId: `place ${unit.location}` });
  const item = await cx.tx.create(itemModel, {
    itemTypeId: type.id,
    category: type.category,
    code: unit.code,
    status: "available",
    condition: unit.condition,
    location: unit.location ?? null,
    acquisition: unit.acquisition,
    donorId: unit.donorId ?? null,
    donorCredited: unit.donorCredited ?? false,
    acquiredOn: unit.acquiredOn ?? null,
    createdAt: cx.now,
  });
  await cx.emit(lendingEvents.UnitAdded, {
    itemId: item.id,
    itemTypeId: type.id,
    acquisition: unit.acquisition,
  });
  await releaseUnit(cx, item);
  return cx.tx.get(itemModel, item.id);
}
