import { customProblem, idSchema, localizedTextSchema, ROUNDING_MODES } from "@linli/core";
import * as z from "zod";
import { amountSchema } from "./built-in-components";
import type { PriceComponent } from "./price-component";

/** What a plan or a membership covers: resources and resource groups of the kernel config. */
export const coverageSchema = z
  .object({
    resources: z.array(idSchema).default([]),
    resourceGroups: z.array(idSchema).default([]),
  })
  .refine(
    (c) => c.resources.length + c.resourceGroups.length > 0,
    customProblem("EMPTY_COVERAGE", {
      "zh-CN": "至少列出一个资源或资源组",
      en: "name at least one resource or resource group",
    }),
  )
  .describe("What a plan or a membership covers: resources and resource groups of the kernel config.");

/**
 * The price an eligibility group pays instead of the plan's:
 * - `free`: nothing
 * - `fixed`: a concession price per unit of quantity, whatever the duration
 * - `percentage`: the plan's price less `discountBasisPoints` (5000 = 50% off)
 * A tier never makes a use dearer: the resident pays the lower of the tier and the plan.
 */
export const tierPriceSchema = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("free") }).describe("The group pays nothing."),
    z
      .object({ kind: z.literal("fixed"), amount: amountSchema })
      .describe("A concession price per unit of quantity, whatever the duration."),
    z
      .object({
        kind: z.literal("percentage"),
        discountBasisPoints: z
          .number()
          .int()
          .min(0)
          .max(10_000)
          .describe("Discount in basis points: 5000 is 50% off."),
      })
      .describe("The plan's price less a percentage."),
  ])
  .describe(
    "The price an eligibility group pays instead of the plan's: - `free`: nothing - `fixed`: a concession price per unit of quantity, whatever the duration - `percentage`: the plan's price less `discountBasisPoints` (5000 = 50% off) A tier never makes a use dearer: the resident pays the lower of the tier and the plan.",
  );

/** A group's price under a plan. */
export const tierSchema = z
  .object({ group: idSchema, price: tierPriceSchema })
  .describe("A group's price under a plan.");

/** A cap on what one resident pays under a plan per calendar month (in the community's zone). */
export const capSchema = z
  .object({
    period: z.literal("calendar-month").default("calendar-month"),
    amount: amountSchema,
  })
  .describe("A cap on what one resident pays under a plan per calendar month (in the community's zone).");

/**
 * A price plan: which resources it prices, the charge (a registered component), tiers by
 * eligibility group, an optional monthly cap and an optional refundable deposit.
 */
export function pricePlanSchema(components: readonly PriceComponent[]) {
  // Boundary: a component's schema is typed `ZodType<C>`, and documented to be a z.object
  // with a literal `kind`; the registry always holds the built-ins, so the list is not empty.
  const charges = components.map((c) => c.schema) as [z.ZodObject, ...z.ZodObject[]];
  return z.object({
    id: idSchema,
    name: localizedTextSchema,
    appliesTo: coverageSchema,
    charge: z.discriminatedUnion("kind", charges).describe("What a use costs: a price component by `kind`."),
    tiers: z.array(tierSchema).default([]),
    cap: capSchema.optional(),
    deposit: z
      .object({ amount: amountSchema.positive() })
      .optional()
      .describe("A refundable deposit taken with each use, in minor units."),
  });
}

/** How a cancelled membership is refunded: not at all, or pro rata by unused local days. */
export const refundPolicySchema = z
  .discriminatedUnion("policy", [
    z.object({ policy: z.literal("none") }),
    z.object({
      policy: z.literal("pro-rata-days"),
      /** Rounding of the refund's fraction of a minor unit. @default "floor" */
      rounding: z
        .enum(ROUNDING_MODES)
        .default("floor")
        .describe("Rounding of the refund's fraction of a minor unit."),
    }),
  ])
  .describe("How a cancelled membership is refunded: not at all, or pro rata by unused local days.");

/** A membership's validity: a calendar month (local) or a number of local days. */
export const membershipPeriodSchema = z
  .discriminatedUnion("kind", [
    z
      .object({ kind: z.literal("calendar-month") })
      .describe("Valid until the end of the local calendar month it starts in."),
    z
      .object({
        kind: z.literal("days"),
        days: z.number().int().positive().max(3660).describe("Number of local days."),
      })
      .describe("Valid for a number of local days from the start."),
  ])
  .describe("A membership's validity: a calendar month (local) or a number of local days.");

/** A membership plan: 25 yuan per calendar month for unlimited gym visits, or N uses per period. */
export const membershipPlanSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    price: amountSchema,
    period: membershipPeriodSchema,
    /** Covered uses per period. @default "unlimited" */
    uses: z
      .union([z.literal("unlimited"), z.number().int().positive()])
      .default("unlimited")
      .describe("Covered uses per period."),
    covers: coverageSchema,
    /** Eligibility tiers on the membership's own price. */
    tiers: z.array(tierSchema).default([]).describe("Eligibility tiers on the membership's own price."),
    refund: refundPolicySchema.default({ policy: "none" }),
  })
  .describe("A membership plan: 25 yuan per calendar month for unlimited gym visits, or N uses per period.");

/** A voucher's value: a fixed amount off, or a percentage off (basis points). */
export const voucherValueSchema = z
  .discriminatedUnion("kind", [
    z
      .object({ kind: z.literal("fixed"), amount: amountSchema.positive() })
      .describe("A fixed amount off, in minor units."),
    z
      .object({
        kind: z.literal("percentage"),
        basisPoints: z
          .number()
          .int()
          .min(1)
          .max(10_000)
          .describe("Percentage off in basis points: 1000 is 10% off."),
      })
      .describe("A percentage off the price."),
  ])
  .describe("A voucher's value: a fixed amount off, or a percentage off (basis points).");

/** A discount or voucher: its id is the code a resident presents. */
export const voucherSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    value: voucherValueSchema,
    validFrom: z.coerce
      .date()
      .optional()
      .describe("First instant the voucher is valid (ISO 8601); valid from the start when absent."),
    validUntil: z.coerce
      .date()
      .optional()
      .describe("Instant the voucher stops being valid (ISO 8601); no end when absent."),
    /** Uses per resident; unlimited when absent. */
    limitPerResident: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Uses per resident; unlimited when absent."),
    /** Plans it applies to; every plan when absent. */
    plans: z.array(idSchema).optional().describe("Plans it applies to; every plan when absent."),
  })
  .refine(
    (v) => !v.validFrom || !v.validUntil || v.validFrom < v.validUntil,
    customProblem(
      "ENDS_BEFORE_START",
      {
        "zh-CN": "有效期的结束（validUntil）须晚于开始（validFrom）",
        en: "validUntil must be after validFrom",
      },
      ["validUntil"],
    ),
  )
  .describe("A discount or voucher: its id is the code a resident presents.");

/** The `pricing` section of a community configuration. */
export function pricingConfigSchema(components: readonly PriceComponent[]) {
  return z
    .object({
      /** When given, must be the community's currency (a guard for copied configs). */
      currency: z
        .string()
        .optional()
        .describe("When given, must be the community's currency (a guard for copied configs)."),
      /** Rounding of percentages. @default "half-up" */
      rounding: z.enum(ROUNDING_MODES).default("half-up").describe("Rounding of percentages."),
      plans: z
        .array(pricePlanSchema(components))
        .default([])
        .describe(
          "Price plans: what each use of the covered resources costs, with tiers by eligibility group.",
        ),
      memberships: z
        .array(membershipPlanSchema)
        .default([])
        .describe("Membership plans residents buy (a monthly gym pass)."),
      vouchers: z.array(voucherSchema).default([]).describe("Vouchers and discount codes."),
    })
    .prefault({})
    .describe("The pricing plugin's section: plans, memberships and vouchers in the community's currency.");
}

/** The `pricing` section, as parsed. */
export type PricingConfig = z.output<ReturnType<typeof pricingConfigSchema>>;
/** The `pricing` section, as written. */
export type PricingConfigInput = z.input<ReturnType<typeof pricingConfigSchema>>;
/** A price plan, as parsed. */
export type PricePlan = z.output<ReturnType<typeof pricePlanSchema>>;
/** A tier, as parsed. */
export type Tier = z.output<typeof tierSchema>;
/** A membership plan, as parsed. */
export type MembershipPlan = z.output<typeof membershipPlanSchema>;
/** A voucher, as parsed. */
export type Voucher = z.output<typeof voucherSchema>;
/** A refund policy, as parsed. */
export type RefundPolicy = z.output<typeof refundPolicySchema>;
