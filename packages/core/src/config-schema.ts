import * as z from "zod";
import { isCurrency } from "./money";
import { recordIdSchema } from "./record-id";
import { isTimeZone } from "./zone-offsets";

/** True for a BCP 47 locale tag that `Intl` can format with (`zh-CN`, `en-GB`; not `en_US`, not empty). */
export function isLocale(value: string): boolean {
  if (value.length === 0 || value.length > 35) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** A text in zh-CN and en, as written in configuration. */
export const localizedTextSchema = z
  .object({
    "zh-CN": z.string().min(1).describe("The text in Simplified Chinese."),
    en: z.string().min(1).describe("The text in English."),
  })
  .describe("A text in zh-CN and en, as written in configuration.");

/** A configuration id: lowercase letters, digits and dashes (`drying-room`). */
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/)
  .describe("A configuration id: lowercase letters, digits and dashes (`drying-room`).");

/** The community's identity, zone, currency and locale. */
export const communitySectionSchema = z
  .object({
    /** Stable id, stored in every record (`communityId`). */
    id: idSchema.describe("Stable id, stored in every record (`communityId`)."),
    /** Display name. */
    name: localizedTextSchema.describe("Display name."),
    /** IANA time zone in which local rules are evaluated, e.g. `Asia/Shanghai`. */
    timeZone: z
      .string()
      .refine(isTimeZone, {
        params: {
          code: "INVALID_TIME_ZONE",
          message: { "zh-CN": "不是有效的 IANA 时区", en: "Not an IANA time zone" },
        },
      })
      .describe("IANA time zone in which local rules are evaluated, e.g. `Asia/Shanghai`."),
    /** ISO 4217 currency of all prices, e.g. `CNY`. */
    currency: z
      .string()
      .refine(isCurrency, {
        params: {
          code: "INVALID_CURRENCY",
          message: { "zh-CN": "不是有效的 ISO 4217 货币代码", en: "Not an ISO 4217 currency code" },
        },
      })
      .describe("ISO 4217 currency of all prices, e.g. `CNY`."),
    /** BCP 47 locale for formatting. @default "zh-CN" */
    locale: z
      .string()
      .refine(isLocale, {
        params: {
          code: "INVALID_LOCALE",
          message: {
            "zh-CN": "不是有效的 BCP 47 语言标记（如 zh-CN）",
            en: "Not a BCP 47 locale (such as zh-CN)",
          },
        },
      })
      .default("zh-CN")
      .describe("BCP 47 locale for formatting."),
  })
  .describe("The community's identity, zone, currency and locale.");

/** Kinds of place in a community's map. */
export const PLACE_KINDS = ["courtyard", "building", "unit", "street", "facility", "area"] as const;

/** A place: a courtyard, a building in it, a unit, a facility. */
export const placeSchema = z
  .object({
    id: idSchema,
    kind: z.enum(PLACE_KINDS).describe("What the place is."),
    name: localizedTextSchema,
    /** The enclosing place (a building's courtyard). */
    parent: idSchema.optional().describe("The enclosing place (a building's courtyard)."),
  })
  .describe("A place: a courtyard, a building in it, a unit, a facility.");

/** Walking minutes between two places (symmetric). */
export const walkingSchema = z
  .object({
    from: idSchema,
    to: idSchema,
    minutes: z.number().int().min(0).describe("Minutes on foot, either way."),
  })
  .describe("Walking minutes between two places (symmetric).");

/** A resident eligibility group such as `minimum-subsistence` or `elderly-living-alone`. */
export const eligibilityGroupSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    /**
     * Sensitive personal data (e.g. minimum-subsistence status): never shown to volunteers or
     * other residents, nor named on public receipts. @default true
     */
    sensitive: z
      .boolean()
      .default(true)
      .describe(
        "Sensitive personal data (e.g. minimum-subsistence status): never shown to volunteers or other residents, nor named on public receipts.",
      ),
    /** Who may grant membership: staff after verification, or the resident's own declaration. @default "staff" */
    verification: z
      .enum(["staff", "self-declared"])
      .default("staff")
      .describe("Who may grant membership: staff after verification, or the resident's own declaration."),
    /** How long a grant lasts when it does not name its own end. Unlimited when absent. */
    validForDays: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("How long a grant lasts when it does not name its own end. Unlimited when absent."),
  })
  .describe("A resident eligibility group such as `minimum-subsistence` or `elderly-living-alone`.");

/** Kinds of resource: spaces, pooled units, lendable items, services delivered by people. */
export const RESOURCE_KINDS = ["space", "pool", "item", "service"] as const;

/** A zone of a space (the gym's cardio zone, the library's children's area). */
export const zoneSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    capacity: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Units usable at once in the zone; the resource's capacity bounds it."),
  })
  .describe("A zone of a space (the gym's cardio zone, the library's children's area).");

/** A resource of the catalog. Plugins add what they need about it in their own sections. */
export const resourceSchema = z
  .object({
    id: idSchema,
    kind: z
      .enum(RESOURCE_KINDS)
      .describe(
        "`space`: a room or area booked by time (the drying room); `pool`: interchangeable units booked by time up to `capacity` (gym places, charging points); `item`: a thing lent out (a drill); `service`: help delivered by people (a home repair).",
      ),
    name: localizedTextSchema,
    place: idSchema.optional().describe("Where the resource is: a place id of `places`."),
    /** Units usable at once (seats, machines, people). @default 1 */
    capacity: z
      .number()
      .int()
      .positive()
      .default(1)
      .describe("Units usable at once (seats, machines, people)."),
    zones: z.array(zoneSchema).default([]).describe("Zones of a space (the gym's cardio zone)."),
    tags: z.array(z.string()).default([]).describe("Free labels for apps and reports (`24h`, `accessible`)."),
  })
  .describe("A resource of the catalog. Plugins add what they need about it in their own sections.");

/** A named set of resources, for rules and prices that span several. */
export const resourceGroupSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    resources: z.array(idSchema).min(1),
  })
  .describe("A named set of resources, for rules and prices that span several.");

/** The actor kinds a member acts as (residents are registered with `core.residents.register`). */
export const MEMBER_KINDS = ["staff", "admin", "system", "volunteer"] as const;

/** A member's roles when none are given: `desk` for staff, the kind's own name otherwise. */
export function defaultRoles(kind: (typeof MEMBER_KINDS)[number]): string[] {
  return [kind === "staff" ? "desk" : kind];
}

/**
 * A staff member, admin, system account or volunteer allowed to act in this community. Every
 * non-resident actor must be a declared (or stored, see `core.members.add`) active member.
 */
export const memberSchema = z
  .object({
    /** The id the host app passes as `actor.id`. */
    id: recordIdSchema.describe("The id the host app passes as `actor.id`."),
    /** The actor kind this id acts as. */
    kind: z.enum(MEMBER_KINDS).describe("The actor kind this id acts as."),
    /** Roles that `permissions` refer to. @default ["desk"] for staff, [kind] otherwise */
    roles: z.array(idSchema).max(20).optional().describe("Roles that `permissions` refer to."),
    /** A display name. */
    name: z.string().min(1).max(200).optional().describe("A display name."),
  })
  .describe(
    "A staff member, admin, system account or volunteer allowed to act in this community. Every non-resident actor must be a declared (or stored, see `core.members.add`) active member.",
  );

/**
 * Per-command permissions by role: `{ "pricing.ledger.waive": ["admin"] }` lets only admins
 * waive fees. An entry only narrows who may run a command (its own `allow` and checks still
 * apply); commands without an entry follow the default policy (see docs/guarantees.md).
 * Residents have the role `resident`.
 */
export const permissionsSchema = z
  .record(z.string().min(1).max(200), z.array(idSchema).max(20))
  .describe(
    'Per-command permissions by role: `{ "pricing.ledger.waive": ["admin"] }` lets only admins waive fees. An entry only narrows who may run a command (its own `allow` and checks still apply); commands without an entry follow the default policy (see docs/guarantees.md). Residents have the role `resident`.',
  );

/** The kernel's part of a community configuration. */
export const kernelConfigShape = {
  community: communitySectionSchema,
  places: z
    .array(placeSchema)
    .default([])
    .describe("Places of the community map: courtyards, buildings, units, streets, facilities."),
  walking: z
    .array(walkingSchema)
    .default([])
    .describe("Walking minutes between places (symmetric), for matching volunteers to nearby requests."),
  groups: z
    .array(eligibilityGroupSchema)
    .default([])
    .describe(
      "Eligibility groups residents are granted (minimum subsistence, elderly living alone); prices, rules and help follow them.",
    ),
  resources: z
    .array(resourceSchema)
    .default([])
    .describe("The catalog: every space, pool, item and service that can be booked, borrowed or priced."),
  resourceGroups: z
    .array(resourceGroupSchema)
    .default([])
    .describe("Named sets of resources that rules, plans and memberships refer to."),
  members: z
    .array(memberSchema)
    .max(10_000)
    .default([])
    .describe(
      "Staff, admins, system accounts and volunteers allowed to act (residents are registered, not declared).",
    ),
  permissions: permissionsSchema
    .default({})
    .describe(
      'Per-command role lists that narrow who may run a command: `{ "pricing.ledger.waive": ["admin"] }`.',
    ),
};

/** The kernel's part of the configuration, as parsed. */
export type KernelConfig = z.output<z.ZodObject<typeof kernelConfigShape>>;

/** The kernel's part of the configuration, as written. */
export type KernelConfigInput = z.input<z.ZodObject<typeof kernelConfigShape>>;

/** A place, as parsed. */
export type Place = z.output<typeof placeSchema>;
/** An eligibility group, as parsed. */
export type EligibilityGroup = z.output<typeof eligibilityGroupSchema>;
/** A resource, as parsed. */
export type Resource = z.output<typeof resourceSchema>;
/** A resource group, as parsed. */
export type ResourceGroup = z.output<typeof resourceGroupSchema>;
/** A declared member, as parsed. */
export type MemberDecl = z.output<typeof memberSchema>;
