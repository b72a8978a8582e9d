import { defineQuery, localDate, type ModelWhere } from "@linli/core";
import { z } from "zod";
import { type AvailableType, availableTypes, blockedUnits, localDayWindow } from "../availability";
import { dueDate } from "../due-date";
import { calendarOf, type LendingCx, termsOf } from "../lending-context";
import { idInput, localDateInput } from "../lending-inputs";
import { claimModel, itemModel, itemTypeModel } from "../lending-models";

/**
 * `lending.available`: what can be borrowed now, or picked up on a date (`on`, a local date:
 * "what can I borrow on Saturday"), by category, tag or place. Now: units on the shelf that no
 * reservation needs before the type's due date. On a date: units in circulation (on the shelf
 * or on loan and expected back) that no loan or reservation claims that day. Reads the units in
 * circulation and the active claims through indexes; the loan history is never read.
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
    const types = await cx.tx.findMany(itemTypeModel, { where: typeWhere });
    const today = localDate(cx.now, zone);
    const future = input.on !== undefined && input.on > today;
    const unitWhere: ModelWhere<typeof itemModel>[] = [
      future
        ? { field: "status", op: "in", value: ["available", "on-loan"] }
        : { field: "status", value: "available" },
    ];
    if (input.category) unitWhere.unshift({ field: "category", value: input.category });
    if (input.place) unitWhere.push({ field: "location", value: input.place });
    const units = await cx.tx.findMany(itemModel, { where: unitWhere });
    const claims = await cx.tx.findMany(claimModel, { where: [{ field: "status", value: "active" }] });
    if (future && input.on !== undefined) {
      return availableTypes(types, units, blockedUnits(claims, localDayWindow(input.on, zone), cx.now));
    }
    // Now: a unit is free when no claim overlaps from now to its type's due date.
    const calendar = calendarOf(cx.options, zone);
    const dueByType = new Map<string, Date>();
    const byId = new Map(types.map((t) => [t.id, t]));
    const claimsByUnit = new Map<string, typeof claims>();
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
      let due = dueByType.get(type.id);
      if (!due) {
        const d = dueDate({ from: cx.now, loanDays: termsOf(cx.options, type).loanDays, calendar });
        due = d.ok ? d.dueAt : cx.now;
        dueByType.set(type.id, due);
      }
      if (blockedUnits(own, { start: cx.now, end: due }, cx.now).size > 0) blocked.add(unit.id);
    }
    return availableTypes(types, units, blocked);
  },
});
