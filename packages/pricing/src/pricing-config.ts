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
  );

/**
 * The price an eligibility group pays instead of the plan's:
 * - `free`: nothing
 * - `fixed`: a concession price per unit of quantity, whatever the duration
 * - `percentage`: the plan's price less `discountBasisPoints` (5000 = 50% off)
 * A tier never makes a use dearer: the resident pays the lower of the tier and the plan.
 */
export const tierPriceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("free") }),
  z.object({ kind: z.literal("fixed"), amount: amountSchema }),
  z.object({ kind: z.literal("percentage"), discountBasisPoints: z.number().int().min(0).max(10_000) }),
]);

/** A group's price under a plan. */
export const tierSchema = z.object({ group: idSchema, price: tierPriceSchema });

/** A cap on what one resident pays under a plan per calendar month (in the community's zone). */
export const capSchema = z.object({
  period: z.literal("calendar-month").default("calendar-month"),
  amount: amountSchema,
});

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
    charge: z.discriminatedUnion("kind", charges),
    tiers: z.array(tierSchema).default([]),
    cap: capSchema.optional(),
    deposit: z.object({ amount: amountSchema.positive() }).optional(),
  });
}

/** How a cancelled membership is refunded: not at all, or pro rata by unused local days. */
export const refundPolicySchema = z.discriminatedUnion("policy", [
  z.object({ policy: z.literal("none") }),
  z.object({
    policy: z.literal("pro-rata-days"),
    /** Rounding of the refund's fraction of a minor unit. @default "floor" */
    rounding: z.enum(ROUNDING_MODES).default("floor"),
  }),
]);

/** A membership's validity: a calendar month (local) or a number of local days. */
export const membershipPeriodSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("calendar-month") }),
  z.object({ kind: z.literal("days"), days: z.number().int().positive().max(3660) }),
]);

/** A membership plan: 25 yuan per calendar month for unlimited gym visits, or N uses per period. */
export const membershipPlanSchema = z.object({
  id: idSchema,
  name: localizedTextSchema,
  price: amountSchema,
  period: membershipPeriodSchema,
  /** Covered uses per period. @default "unlimited" */
  uses: z.union([z.literal("unlimited"), z.number().int().positive()]).default("unlimited"),
  covers: coverageSchema,
  /** Eligibility tiers on the membership's own price. */
  tiers: z.array(tierSchema).default([]),
  refund: refundPolicySchema.default({ policy: "none" }),
});

/** A voucher's value: a fixed amount off, or a percentage off (basis points). */
export const voucherValueSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("fixed"), amount: amountSchema.positive() }),
  z.object({ kind: z.literal("percentage"), basisPoints: z.number().int().min(1).max(10_000) }),
]);

/** A discount or voucher: its id is the code a resident presents. */
export const voucherSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    value: voucherValueSchema,
    validFrom: z.coerce.date().optional(),
    validUntil: z.coerce.date().optional(),
    /** Uses per resident; unlimited when absent. */
    limitPerResident: z.number().int().positive().optional(),
    /** Plans it applies to; every plan when absent. */
    plans: z.array(idSchema).optional(),
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
  );

/** The `pricing` section of a community configuration. */
export function pricingConfigSchema(components: readonly PriceComponent[]) {
  return z
    .object({
      /** When given, must be the community's currency (a guard for copied configs). */
      currency: z.string().optional(),
      /** Rounding of percentages. @default "half-up" */
      rounding: z.enum(ROUNDING_MODES).default("half-up"),
      plans: z.array(pricePlanSchema(components)).default([]),
      memberships: z.array(membershipPlanSchema).default([]),
      vouchers: z.array(voucherSchema).default([]),
    })
    .prefault({});
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
