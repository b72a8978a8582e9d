import {
  customProblem,
  defineRegistry,
  type LocalizedText,
  type ReportProblem,
  type RoundingMode,
} from "@linli/core";
import * as z from "zod";

/** One use of a resource, as the price components see it. */
export interface PriceUsage {
  /** When the use starts: the instant prices, eligibility and memberships are read at. */
  readonly start: Date;
  /** When the use ends; null for uses without a duration (a visit, a repair call). */
  readonly end: Date | null;
  /** Units used at once (two dryers, three seats). A positive integer. */
  readonly quantity: number;
}

/** The zod schema of a {@link PriceUsage}: valid instants, an end not before the start, a positive quantity. */
export const priceUsageSchema = z
  .object({
    start: z.date(),
    end: z.date().nullable(),
    quantity: z.number().int().positive().max(1_000_000),
  })
  .refine(
    (u) => u.end === null || u.end.getTime() >= u.start.getTime(),
    customProblem("ENDS_BEFORE_START", { "zh-CN": "结束时间早于开始时间", en: "end is before start" }, [
      "end",
    ]),
  )
  .describe(
    "The zod schema of a `PriceUsage`: valid instants, an end not before the start, a positive quantity.",
  );

/** What a component needs besides its own config and the usage. */
export interface ComponentContext {
  /** The plan's id, for error messages. */
  readonly planId: string;
  /** ISO 4217 currency of every amount. */
  readonly currency: string;
  /** The community's default rounding rule. */
  readonly rounding: RoundingMode;
}

/** A line a component prices: integer minor units, a stable reason code and its text. */
export interface BaseLine {
  /** Stable UPPER_SNAKE reason code, e.g. `PER_USE`. */
  readonly code: string;
  /** Integer minor units, never negative. */
  readonly amount: number;
  /** The explanation in zh-CN and en (amounts formatted with Intl). */
  readonly text: LocalizedText;
}

/**
 * A kind of charge a price plan can use (`per-use`, `per-time`, `graduated`…). Each is a
 * small typed object: a zod schema for its config (an object with a literal `kind`) and a
 * pure evaluator that prices a usage. Plugins contribute more kinds to
 * {@link priceComponents}; the engine that runs them never changes.
 *
 * @example
 * ```ts
 * const perPerson = {
 *   kind: "per-person",
 *   schema: z.object({ kind: z.literal("per-person"), amount: z.number().int().min(0) }),
 *   evaluate: (charge, usage) => [
 *     { code: "PER_PERSON", amount: charge.amount * usage.quantity, text: { "zh-CN": "按人计费", en: "Per person" } },
 *   ],
 * } satisfies PriceComponent<{ kind: "per-person"; amount: number }>;
 * ```
 */
export interface PriceComponent<C extends { readonly kind: string } = any> {
  /** The `kind` value that selects this component in a plan's `charge`. */
  readonly kind: string;
  /** The zod schema of the charge config; must be an object with `kind: z.literal(kind)`. */
  readonly schema: z.ZodType<C>;
  /**
   * Prices one usage: the base lines before eligibility tiers, caps and vouchers. Throws a
   * `LinliError` for a usage it cannot price (e.g. no end for a per-time charge).
   */
  evaluate(charge: C, usage: PriceUsage, context: ComponentContext): readonly BaseLine[];
  /**
   * Contradictions within one configured charge that its schema does not express (graduated
   * steps that do not ascend). Report each with a path relative to the charge (`["steps", 1,
   * "upTo"]`), a stable code and zh-CN and en messages; the pricing plugin runs it at config
   * load, in the same pass as every other check, for every plan whose charge is of this kind
   * and parsed. Pure.
   */
  check?(charge: C, report: ReportProblem): void;
}

/** The registry of price components: built-ins first, then those contributed by plugins. */
export const priceComponents = defineRegistry<PriceComponent>("pricing.components");
