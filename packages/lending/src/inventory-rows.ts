import * as z from "zod";
import { CONDITIONS, ITEM_STATUSES, TRACKING } from "./lending-models";

/**
 * One row of the inventory as CSV tools read and write it (the CLI's import and export): flat
 * strings and numbers, one unit per row with its type's columns repeated. Tags are joined with
 * `;`; empty strings stand for "none".
 */
export const inventoryRowSchema = z.object({
  itemTypeId: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(100),
  tracking: z.enum(TRACKING).default("stock"),
  category: z.string().min(1).max(100),
  nameZh: z.string().min(1).max(200),
  nameEn: z.string().min(1).max(200),
  tags: z.string().max(1000).default(""),
  trainingGroup: z.string().max(100).default(""),
  code: z.string().min(1).max(100),
  condition: z.enum(CONDITIONS).default("good"),
  location: z.string().max(100).default(""),
  acquisition: z.enum(["bought", "donated"]).default("bought"),
  acquiredOn: z.string().max(10).default(""),
  /** Export only: the unit's status. */
  status: z.enum(ITEM_STATUSES).optional(),
  /** Export only: the donor, when they agreed to be credited. */
  donor: z.string().max(200).optional(),
});

/** An inventory row as written (defaults optional). */
export type InventoryRowInput = z.input<typeof inventoryRowSchema>;
/** An inventory row as parsed or exported. */
export type InventoryRow = z.output<typeof inventoryRowSchema>;

/** The CSV header of the inventory, in column order. */
export const INVENTORY_COLUMNS = [
  "itemTypeId",
  "tracking",
  "category",
  "nameZh",
  "nameEn",
  "tags",
  "trainingGroup",
  "code",
  "condition",
  "location",
  "acquisition",
  "acquiredOn",
  "status",
  "donor",
] as const;
