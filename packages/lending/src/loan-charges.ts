import { type CommunityConfig, idSchema, type ReportProblem } from "@linli/core";
import * as z from "zod";

/**
 * What loans cost through the pricing plugin, when it is installed: the kernel resource whose
 * price plan prices a loan (a fee, a deposit held until the return, a membership required) by
 * item type or by category, and the resource whose plan prices a late return from the due
 * date to the return. Lending only names the resources in its events (`LoanStarted`,
 * `LoanReturned`); pricing quotes, charges and refunds in the same transaction. Nothing is
 * priced when nothing is named or pricing is not installed (Wangjialong lends free).
 */
export const loanChargesSchema = z
  .object({
    /** The resource pricing a loan of a type (wins over its category's). */
    itemTypes: z
      .record(z.string().min(1).max(100), idSchema)
      .default({})
      .describe("The resource pricing a loan of a type (wins over its category's)."),
    /** The resource pricing a loan of any type of a category. */
    categories: z
      .record(idSchema, idSchema)
      .default({})
      .describe("The resource pricing a loan of any type of a category."),
    /** The resource pricing a late return (from the due date to the return), if any. */
    lateReturnResource: idSchema
      .optional()
      .describe("The resource pricing a late return (from the due date to the return), if any."),
  })
  .prefault({});

/** The `charges` options as parsed. */
export type LoanCharges = z.output<typeof loanChargesSchema>;

/** The resource whose price plan prices a loan of this type, or null when loans of it are not priced. */
export function loanPriceResource(
  charges: LoanCharges,
  type: { readonly id: string; readonly category: string },
): string | null {
  return charges.itemTypes[type.id] ?? charges.categories[type.category] ?? null;
}

/** Checks that every resource the charges name is a resource of the community. */
export function checkLoanCharges(
  charges: LoanCharges,
  config: CommunityConfig,
  report: ReportProblem,
  categories: ReadonlySet<string>,
): void {
  const resources = new Set((config.resources ?? []).map((r) => r.id));
  const unknown = (path: readonly PropertyKey[], id: string) =>
    report(path, "UNKNOWN_RESOURCE", {
      "zh-CN": `未定义的资源 "${id}"`,
      en: `Unknown resource "${id}"`,
    });
  for (const [type, id] of Object.entries(charges.itemTypes))
    if (!resources.has(id)) unknown(["lending", "charges", "itemTypes", type], id);
  for (const [category, id] of Object.entries(charges.categories)) {
    if (!resources.has(id)) unknown(["lending", "charges", "categories", category], id);
    if (!categories.has(category))
      report(["lending", "charges", "categories", category], "UNKNOWN_CATEGORY", {
        "zh-CN": `未定义的类别 "${category}"`,
        en: `Unknown category "${category}"`,
      });
  }
  if (charges.lateReturnResource !== undefined && !resources.has(charges.lateReturnResource))
    unknown(["lending", "charges", "lateReturnResource"], charges.lateReturnResource);
}

/** `LoanStarted`'s pricing field for a loan of this type: `{ priceResourceId }`, or nothing. */
export function loanPriceFields(
  charges: LoanCharges,
  type: { readonly id: string; readonly category: string },
): { priceResourceId?: string } {
  const resourceId = loanPriceResource(charges, type);
  return resourceId === null ? {} : { priceResourceId: resourceId };
}

/** `LoanReturned`'s late-fee fields: the due date and the late-return resource, for a late return only. */
export function lateFeeFields(
  charges: LoanCharges,
  dueAt: Date,
  returnedAt: Date,
): { dueAt?: string; lateFeeResourceId?: string } {
  if (charges.lateReturnResource === undefined || returnedAt.getTime() <= dueAt.getTime()) return {};
  return { dueAt: dueAt.toISOString(), lateFeeResourceId: charges.lateReturnResource };
}
