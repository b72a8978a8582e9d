import { type CommunityConfig, idSchema, localizedTextSchema, type ReportProblem } from "@linli/core";
import * as z from "zod";

/** The kinds of help every community has, before the ones its config adds. */
export const BUILT_IN_HELP_KINDS = [
  "groceries",
  "medicine",
  "doctor-escort",
  "meal-preparation",
  "home-repair",
  "tailoring",
  "ghostwriting",
  "phone-companionship",
] as const;

/** The duty teams every community has, before the ones its config adds. */
export const BUILT_IN_TEAMS = [
  "patrol",
  "sanitation-inspection",
  "garbage-sorting",
  "drying-room-duty",
] as const;

/** A skill a kind of help needs, with an optional minimum level (1–5). */
export const skillRequirementSchema = z
  .object({
    skill: idSchema,
    minLevel: z
      .number()
      .int()
      .min(1)
      .max(5)
      .optional()
      .describe("Minimum skill level, 1\u20135; any level when absent."),
  })
  .describe("A skill a kind of help needs, with an optional minimum level (1–5).");

/** A kind of help as configured: what it needs by default and how it is priced. */
export const helpKindSchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema.optional().describe("Display name of the kind of help."),
    /** Skills every request of this kind needs (a request may add more). */
    requiredSkills: z
      .array(skillRequirementSchema)
      .max(20)
      .default([])
      .describe("Skills every request of this kind needs (a request may add more)."),
    /** Certifications a volunteer must hold for this kind (an escort may require first aid). */
    requiredCertifications: z
      .array(idSchema)
      .max(20)
      .default([])
      .describe("Certifications a volunteer must hold for this kind (an escort may require first aid)."),
    /**
     * The resource of the kernel catalog that prices this kind through the pricing plugin
     * (`pricing.quote`), when pricing is installed. Absent: the help is not priced.
     */
    priceResource: idSchema
      .optional()
      .describe(
        "The resource of the kernel catalog that prices this kind through the pricing plugin (`pricing.quote`), when pricing is installed. Absent: the help is not priced.",
      ),
  })
  .describe("A kind of help as configured: what it needs by default and how it is priced.");

/** An age band: residents whose age (from the birth year) is within `[minAge, maxAge]`. */
export const ageBandSchema = z
  .object({
    id: idSchema,
    minAge: z.number().int().min(0).max(150).default(0).describe("Lowest age in the band, inclusive."),
    maxAge: z.number().int().min(0).max(150).default(150).describe("Highest age in the band, inclusive."),
  })
  .describe("An age band: residents whose age (from the birth year) is within `[minAge, maxAge]`.");

/** The weights of the matching cost (each term is multiplied by its weight). */
export const weightsSchema = z
  .object({
    walking: z
      .number()
      .min(0)
      .max(1000)
      .default(1)
      .describe("Cost per walking minute between the volunteer's place and the request's."),
    continuity: z
      .number()
      .min(0)
      .max(1000)
      .default(10)
      .describe("Bonus for a volunteer who helped the same resident before (a pair, the same kind)."),
    fairness: z
      .number()
      .min(0)
      .max(1000)
      .default(3)
      .describe("Cost of giving more to volunteers who already did more this period."),
    urgency: z.number().min(0).max(1000).default(5).describe("Bonus for serving an urgent request."),
    waiting: z.number().min(0).max(1000).default(1).describe("Bonus per unit of time a request has waited."),
    preference: z
      .number()
      .min(0)
      .max(1000)
      .default(3)
      .describe("Bonus per preference met (a preferred kind of help, a preferred place)."),
  })
  .describe("The weights of the matching cost (each term is multiplied by its weight).");

/** The volunteers section of the community config: what `cx.options` is. */
export const volunteersConfigSchema = z
  .object({
    /** Kinds of help added to (or refining) the built-in ones. */
    kinds: z
      .array(helpKindSchema)
      .max(100)
      .default([])
      .describe("Kinds of help added to (or refining) the built-in ones."),
    /** Duty teams added to the built-in ones. */
    teams: z.array(idSchema).max(50).default([]).describe("Duty teams added to the built-in ones."),
    /** Age bands, for the pairing rule and for profiles. */
    ageBands: z
      .array(ageBandSchema)
      .max(20)
      .default([])
      .describe("Age bands, for the pairing rule and for profiles."),
    /**
     * "A younger elderly volunteer helps an older one": a volunteer in one of `volunteerBands`
     * only for requesters in one of `requesterBands`, for the listed kinds (all when empty).
     */
    ageRule: z
      .object({
        volunteerBands: z.array(idSchema).min(1),
        requesterBands: z.array(idSchema).min(1),
        kinds: z.array(idSchema).default([]),
      })
      .optional()
      .describe(
        '"A younger elderly volunteer helps an older one": a volunteer in one of `volunteerBands` only for requesters in one of `requesterBands`, for the listed kinds (all when empty).',
      ),
    /** Weights of the matching cost. */
    weights: weightsSchema.prefault({}).describe("Weights of the matching cost."),
    /** A candidate further than this many walking minutes is excluded. Unlimited when absent. */
    maxWalkingMinutes: z
      .number()
      .int()
      .min(0)
      .max(600)
      .optional()
      .describe("A candidate further than this many walking minutes is excluded. Unlimited when absent."),
    /** Walking minutes assumed between places with no configured figure. @default 15 */
    defaultWalkingMinutes: z
      .number()
      .int()
      .min(0)
      .max(600)
      .default(15)
      .describe("Walking minutes assumed between places with no configured figure."),
    /** `offer`: the chosen volunteer accepts or declines; `assign`: matched means accepted. @default "offer" */
    assignMode: z
      .enum(["offer", "assign"])
      .default("offer")
      .describe("`offer`: the chosen volunteer accepts or declines; `assign`: matched means accepted."),
    /** Minutes an offer stays open before the request returns to open. @default 120 */
    offerMinutes: z
      .number()
      .int()
      .min(1)
      .max(10_080)
      .default(120)
      .describe("Minutes an offer stays open before the request returns to open."),
    /** Contact details stay visible this many minutes after the task's end. @default 60 */
    disclosureMarginMinutes: z
      .number()
      .int()
      .min(0)
      .max(1440)
      .default(60)
      .describe("Contact details stay visible this many minutes after the task's end."),
    /** Past weeks of load (tasks and shifts served, no-shows) that fairness looks at. @default 4 */
    fairnessWeeks: z
      .number()
      .int()
      .min(1)
      .max(52)
      .default(4)
      .describe("Past weeks of load (tasks and shifts served, no-shows) that fairness looks at."),
    /** How much one no-show weighs in a volunteer's load, in tasks. @default 1 */
    noShowLoad: z
      .number()
      .min(0)
      .max(10)
      .default(1)
      .describe("How much one no-show weighs in a volunteer's load, in tasks."),
    /** Long-term pairs. */
    pairs: z
      .object({
        /** How many residents one volunteer may accompany. @default 3 */
        maxResidentsPerVolunteer: z
          .number()
          .int()
          .min(1)
          .max(50)
          .default(3)
          .describe("How many residents one volunteer may accompany."),
        /** Hours after a visit's due time before it is reported overdue. @default 0 */
        graceHours: z
          .number()
          .int()
          .min(0)
          .max(168)
          .default(0)
          .describe("Hours after a visit's due time before it is reported overdue."),
      })
      .prefault({})
      .describe("Long-term pairs."),
    /** Hours served that earn recognition. @default [10, 50, 100, 200, 500] */
    milestones: z
      .array(z.number().int().positive())
      .max(20)
      .default([10, 50, 100, 200, 500])
      .describe("Hours served that earn recognition."),
  })
  .prefault({})
  .describe("The volunteers section of the community config: what `cx.options` is.");

/** The parsed volunteers options. */
export type VolunteersOptions = z.output<typeof volunteersConfigSchema>;
/** A configured kind of help, as parsed. */
export type HelpKind = z.output<typeof helpKindSchema>;

/** Every kind of help of a community: built-ins, refined or extended by config. */
export function helpKindsOf(options: VolunteersOptions): Map<string, HelpKind> {
  const kinds = new Map<string, HelpKind>();
  for (const id of BUILT_IN_HELP_KINDS) kinds.set(id, { id, requiredSkills: [], requiredCertifications: [] });
  for (const kind of options.kinds) kinds.set(kind.id, kind);
  return kinds;
}

/** Every duty team of a community: built-ins plus configured ones. */
export function teamsOf(options: VolunteersOptions): Set<string> {
  return new Set<string>([...BUILT_IN_TEAMS, ...options.teams]);
}

/** Cross-reference checks: age bands of the rule, priced resources, kinds of the rule. */
export function checkVolunteersConfig(
  options: VolunteersOptions,
  config: CommunityConfig,
  report: ReportProblem,
): void {
  const bands = new Set(options.ageBands.map((b) => b.id));
  const resources = new Set(config.resources.map((r) => r.id));
  const kinds = helpKindsOf(options);
  options.kinds.forEach((kind, i) => {
    if (kind.priceResource !== undefined && !resources.has(kind.priceResource))
      report(["volunteers", "kinds", i, "priceResource"], "UNKNOWN_RESOURCE", {
        "zh-CN": `未定义的资源 "${kind.priceResource}"`,
        en: `Unknown resource "${kind.priceResource}"`,
      });
  });
  options.ageBands.forEach((band, i) => {
    if (band.minAge > band.maxAge)
      report(["volunteers", "ageBands", i], "INVALID_AGE_BAND", {
        "zh-CN": `年龄段 "${band.id}" 的下限大于上限`,
        en: `Age band "${band.id}" starts above its end`,
      });
  });
  const rule = options.ageRule;
  if (rule === undefined) return;
  for (const field of ["volunteerBands", "requesterBands"] as const)
    rule[field].forEach((id, i) => {
      if (!bands.has(id))
        report(["volunteers", "ageRule", field, i], "UNKNOWN_AGE_BAND", {
          "zh-CN": `未定义的年龄段 "${id}"`,
          en: `Unknown age band "${id}"`,
        });
    });
  rule.kinds.forEach((id, i) => {
    if (!kinds.has(id))
      report(["volunteers", "ageRule", "kinds", i], "UNKNOWN_HELP_KIND", {
        "zh-CN": `未定义的求助类别 "${id}"`,
        en: `Unknown kind of help "${id}"`,
      });
  });
}
