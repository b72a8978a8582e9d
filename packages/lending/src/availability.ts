import { addLocalDays, startOfLocalDay } from "@linli/core";
import type { Claim, Item, ItemType } from "./lending-models";

/** One item type that can be borrowed, with its free units. */
export interface AvailableType {
  readonly itemTypeId: string;
  readonly category: string;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Free units. */
  readonly available: number;
  /** Their codes, in code order. */
  readonly codes: readonly string[];
}

/** The instants of a local day: `[start of day, start of the next day)`. */
export function localDayWindow(date: string, timeZone: string): { start: Date; end: Date } {
  return { start: startOfLocalDay(date, timeZone), end: startOfLocalDay(addLocalDays(date, 1), timeZone) };
}

/**
 * Which types can be borrowed, from the units in circulation and the claims that block some of
 * them: a unit is free unless a claim blocks it. Types without a free unit are left out; the
 * result is in type id order. Pure (the query loads the rows with indexed reads).
 */
export function availableTypes(
  types: readonly Pick<ItemType, "id" | "category" | "nameZh" | "nameEn">[],
  units: readonly Pick<Item, "id" | "itemTypeId" | "code">[],
  blocked: ReadonlySet<string>,
): AvailableType[] {
  const free = new Map<string, string[]>();
  for (const unit of units) {
    if (blocked.has(unit.id)) continue;
    const list = free.get(unit.itemTypeId);
    if (list) list.push(unit.code);
    else free.set(unit.itemTypeId, [unit.code]);
  }
  const out: AvailableType[] = [];
  for (const type of types) {
    const codes = free.get(type.id);
    if (!codes) continue;
    codes.sort();
    out.push({
      itemTypeId: type.id,
      category: type.category,
      nameZh: type.nameZh,
      nameEn: type.nameEn,
      available: codes.length,
      codes,
    });
  }
  return out.sort((a, b) => (a.itemTypeId < b.itemTypeId ? -1 : a.itemTypeId > b.itemTypeId ? 1 : 0));
}

/** The units a set of claims blocks in a window: overlapping it, or overdue (still out, due before now). */
export function blockedUnits(
  claims: readonly Pick<Claim, "itemId" | "start" | "end">[],
  window: { start: Date; end: Date },
  now: Date,
): Set<string> {
  const out = new Set<string>();
  const s = window.start.getTime();
  const e = window.end.getTime();
  const t = now.getTime();
  for (const c of claims) {
    const cs = c.start.getTime();
    const ce = c.end.getTime();
    if ((cs < e && ce > s) || ce <= t) out.add(c.itemId);
  }
  return out;
}
