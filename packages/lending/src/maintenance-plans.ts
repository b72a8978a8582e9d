import { addLocalMonths, localDate, startOfLocalDay } from "@linli/core";
import type { LendingOptions } from "./lending-config";
import type { Item } from "./lending-models";

/** A maintenance plan as configured. */
export type MaintenancePlan = LendingOptions["maintenancePlans"][number];

function covers(plan: MaintenancePlan, item: Pick<Item, "itemTypeId" | "category">): boolean {
  if (plan.categories.length === 0 && plan.itemTypes.length === 0) return true;
  return plan.categories.includes(item.category) || plan.itemTypes.includes(item.itemTypeId);
}

/**
 * The first plan a unit is due for at `now`: every N loans since its last service, or every
 * N months since its last service (or since it entered the catalog). Null when none. Pure.
 */
export function duePlan(
  plans: readonly MaintenancePlan[],
  item: Pick<Item, "itemTypeId" | "category" | "loansSinceService" | "lastServiceAt" | "createdAt">,
  now: Date,
  timeZone: string,
): MaintenancePlan | null {
  for (const plan of plans) {
    if (!covers(plan, item)) continue;
    if (plan.everyLoans !== undefined && item.loansSinceService >= plan.everyLoans) return plan;
    if (plan.everyMonths !== undefined) {
      const since = item.lastServiceAt ?? item.createdAt;
      const due = startOfLocalDay(addLocalMonths(localDate(since, timeZone), plan.everyMonths), timeZone);
      if (due.getTime() <= now.getTime()) return plan;
    }
  }
  return null;
}
