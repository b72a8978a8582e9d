import { z } from "zod";
import { builtInComponents } from "../src/built-in-components";
import { type PricePlan, pricePlanSchema } from "../src/pricing-config";
import type { MembershipCoverage, QuoteContext } from "../src/quote-types";

const text = (zh: string, en: string) => ({ "zh-CN": zh, en });

/** Parses a plan as configuration would (defaults applied). */
export function plan(input: z.input<ReturnType<typeof pricePlanSchema>>): PricePlan {
  return pricePlanSchema(builtInComponents).parse(input);
}

/** A quote context in CNY with the Wangjialong groups. */
export function context(rounding: QuoteContext["rounding"] = "half-up"): QuoteContext {
  return {
    currency: "CNY",
    rounding,
    groups: new Map([
      ["hardship", { name: text("困难户", "Household in difficulty"), sensitive: true }],
      ["elderly-living-alone", { name: text("独居老人", "Elderly person living alone"), sensitive: true }],
      ["minimum-subsistence", { name: text("低保户", "Minimum-subsistence household"), sensitive: true }],
      ["student", { name: text("学生", "Student"), sensitive: false }],
      ["veteran", { name: text("退役军人", "Veteran"), sensitive: false }],
    ]),
    components: new Map(builtInComponents.map((c) => [c.kind, c])),
  };
}

/** A membership covering `resources` over `[from, until)`. */
export function membership(
  id: string,
  resources: readonly string[],
  from: string,
  until: string,
  usesRemaining: number | null = null,
): MembershipCoverage {
  return {
    id,
    planId: "pass",
    name: text("月卡", "Monthly pass"),
    validFrom: new Date(from),
    validUntil: new Date(until),
    lastDay: until.slice(0, 10),
    usesRemaining,
    resources,
  };
}

export { text, z };
