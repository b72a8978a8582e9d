import { defineQuery, localDate, type ModelWhere } from "@linli/core";
import * as z from "zod";
import { type AvailableType, availableTypes, blockedUnits, localDayWindow } from "../availability";
import { type BlockingClaim, blockingClaims } from "../claim-reads";
import { dueDate } from "../due-date";
import { calendarOf, type LendingCx, termsOf } from "../lending-context";
import { idInput, localDateInput } from "../lending-inputs";
import { itemModel, type ItemType, itemTypeModel } from "../lending-models";

/** The fields of a type the answer shows (and the loan terms need). */
const TYPE_FIELDS = ["id", "category", "nameZh", "nameEn"] as const;
/** The fields of a unit the answer needs. */
const UNIT_FIELDS = ["id", "itemTypeId", "code"] as const;

/**
 * `lending.available`: what can be borrowed now, or picked up on a date (`on`, a local date:
 * "what can I borrow on Saturday"), by category, tag or place. Now: units on the shelf that no
 * reservation needs before the type's due date. On a date: units in circulation (on the shelf
 * or on loan and expected back) that no loan or reservation claims that day. Reads only the
 * fields it shows, and the active claims around the window on a bounded range of the claims'
 * `(status, end, start)` index (`blockingClaims`); the loan history is never read.
 */
export const available = defineQuery({
  subject: "none",
  input: z.object({
    on: localDateInput.optional(),
    category: idInput.optional(),
    tag: z
      .string()
      .min(1)
      .max(50)
      .regex(/^[^|]+$/)
      .optional(),
    place: idInput.optional(),
  }),
  run: async (cx: LendingCx, input): Promise<AvailableType[]> => {
    const zone = cx.config.community.timeZone;
    const typeWhere: ModelWhere<typeof itemTypeModel>[] = [];
    if (input.category) typeWhere.push({ field: "category", value: input.category });
    if (input.tag) typeWhere.push({ field: "tags", op: "contains", value: `|${input.tag}|` });
    const types = await cx.tx.findMany(itemTypeModel, { where: typeWhere, select: TYPE_FIELDS });
    const today = localDate(cx.now, zone);
    const future = input.on !== undefined && input.on > today;
    const unitWhere: ModelWhere<typeof itemModel>[] = [
      future
        ? { field: "status", op: "in", value: ["available", "on-loan"] }
        : { field: "status", value: "available" },
    ];
    if (input.category) unitWhere.unshift({ field: "category", value: input.category });
    if (input.place) unitWhere.push({ field: "location", value: input.place });
    const units = await cx.tx.findMany(itemModel, { where: unitWhere, select: UNIT_FIELDS });
    if (future && input.on !== undefined) {
      const window = localDayWindow(input.on, zone);
      return availableTypes(
        types,
        units,
        blockedUnits(await blockingClaims(cx, window, cx.now), window, cx.now),
      );
    }
    // Now: a unit is free when no claim overlaps from now to its type's due date (one due
    // date per loan length; the claims read up to the latest of them).
    const calendar = calendarOf(cx.options, zone);
    const dueByDays = new Map<number, Date>();
    const dueOf = (type: Pick<ItemType, "id" | "category">): Date => {
      const days = termsOf(cx.options, type).loanDays;
      let due = dueByDays.get(days);
      if (!due) {
        const d = dueDate({ from: cx.now, loanDays: days, calendar });
        due = d.ok ? d.dueAt : cx.now;
        dueByDays.set(days, due);
      }
      return due;
    };
    const byId = new Map(types.map((t) => [t.id, t]));
    let latest = cx.now;
    for (const type of types) {
      const due = dueOf(type);
      if (due > latest) latest = due;
    }
    const claims = await blockingClaims(cx, { start: cx.now, end: latest }, cx.now);
    const claimsByUnit = new Map<string, BlockingClaim[]>();
    for (const c of claims) {
      const list = claimsByUnit.get(c.itemId);
      if (list) list.push(c);
      else claimsByUnit.set(c.itemId, [c]);
    }
    const blocked = new Set<string>();
    for (const unit of units) {
      const own = claimsByUnit.get(unit.id);
      const type = byId.get(unit.itemTypeId);
      if (!own || !type) continue;
      if (blockedUnits(own, { start: cx.now, end: dueOf(type) }, cx.now).size > 0) blocked.add(unit.id);
    }
    return availableTypes(types, units, blocked);
  },
});
