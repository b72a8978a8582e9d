import { type CommandContext, LinliError } from "@linli/core";
import { pricingErrors } from "./pricing-errors";

/**
 * The resident a pricing command concerns (`forResident`, or the acting resident), checked
 * to exist and to be someone the actor may act for. Throws `RESIDENT_REQUIRED` for a staff
 * actor who names no resident.
 */
export async function residentSubject(cx: CommandContext, action: string): Promise<string> {
  if (cx.subject === undefined) throw LinliError.from(pricingErrors, "RESIDENT_REQUIRED", { action });
  await cx.requireActFor(cx.subject, action);
  return cx.subject;
}
