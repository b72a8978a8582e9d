import {
  type CommunityConfig,
  type ConfigCheckContext,
  customProblem,
  idSchema,
  localizedTextSchema,
  type Registries,
  type ReportProblem,
} from "@linli/core";
import * as z from "zod";
import { type AnyLoanPolicyKind, lendingPolicyKinds, type PolicyConfig } from "./policy-kind";
import { builtInPolicyKinds } from "./policies/built-in-policy-kinds";
import { checkLoanCharges, loanChargesSchema } from "./loan-charges";
import { checkPickups, pickupsSchema } from "./pickup-appointments";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A local time of day, `HH:mm` (`24:00` ends the day). */
export const timeOfDaySchema = z
  .string()
  .refine(
    (s) => TIME.test(s),
    customProblem("INVALID_TIME", {
      "zh-CN": "时间应写作 HH:mm（如 09:30）",
      en: "A time is written HH:mm (09:30)",
    }),
  )
  .describe("A local time of day, `HH:mm` (`24:00` ends the day).");

/** A local date, `YYYY-MM-DD`. */
export const localDateSchema = z
  .string()
  .refine(
    (s) => DATE.test(s),
    customProblem("INVALID_DATE_FORMAT", {
      "zh-CN": "日期应写作 YYYY-MM-DD（如 2026-10-01）",
      en: "A date is written YYYY-MM-DD (2026-10-01)",
    }),
  )
  .describe("A local date, `YYYY-MM-DD`.");

const ranges = z
  .array(z.object({ from: timeOfDaySchema, to: timeOfDaySchema }))
  .max(12)
  .default([])
  .describe("The day's open ranges, local time (`from`/`to` as `HH:mm`).");

/** The tool room's weekly opening hours, local time; a day without ranges is closed. */
export const openingHoursSchema = z
  .object({ mon: ranges, tue: ranges, wed: ranges, thu: ranges, fri: ranges, sat: ranges, sun: ranges })
  .partial()
  .describe("The tool room's weekly opening hours, local time; a day without ranges is closed.");

/** A closure of whole local days (a holiday), inclusive. */
export const closureSchema = z
  .object({
    from: localDateSchema,
    /** Last closed day, inclusive. @default from */
    to: localDateSchema.optional().describe("Last closed day, inclusive."),
    reason: localizedTextSchema.optional().describe("Why (read out to residents)."),
  })
  .describe("A closure of whole local days (a holiday), inclusive.");

/** Loan terms: days lent and renewals allowed. */
const termsShape = {
  loanDays: z.number().int().min(1).max(365).optional().describe("Days lent; inherited when absent."),
  maxRenewals: z
    .number()
    .int()
    .min(0)
    .max(50)
    .optional()
    .describe("Renewals allowed; inherited when absent."),
};

/** A category of the catalog (hand tools, power tools, ladders, garden). */
export const categorySchema = z
  .object({
    id: idSchema,
    name: localizedTextSchema,
    ...termsShape,
  })
  .describe("A category of the catalog (hand tools, power tools, ladders, garden).");

/** A maintenance plan: a service every N loans and/or every N months, for types or categories. */
export const maintenancePlanSchema = z
  .object({
    id: idSchema,
    /** Categories covered; every unit when both lists are empty. */
    categories: z
      .array(idSchema)
      .max(100)
      .default([])
      .describe("Categories covered; every unit when both lists are empty."),
    itemTypes: z
      .array(z.string().min(1).max(100))
      .max(1000)
      .default([])
      .describe("Item types covered; every unit when both lists are empty."),
    everyLoans: z
      .number()
      .int()
      .min(1)
      .max(10_000)
      .optional()
      .describe("A service after this many loans of a unit."),
    everyMonths: z
      .number()
      .int()
      .min(1)
      .max(120)
      .optional()
      .describe("A service this many months after the last one."),
  })
  .describe("A maintenance plan: a service every N loans and/or every N months, for types or categories.");

/** The schema of one configured policy of any of the given kinds (discriminated by `kind`). */
export function policySchema(kinds: readonly AnyLoanPolicyKind[]) {
  const [first, ...rest] = kinds.map((k) => k.params.extend({ id: idSchema, kind: z.literal(k.kind) }));
  if (!first) throw new TypeError("lending needs at least one policy kind");
  return z.discriminatedUnion("kind", [first, ...rest]);
}

/** The lending section's options besides the policies. */
export const lendingOptionsShape = {
  /** Weekly opening hours of the tool room; absent: open around the clock (closures still apply). */
  openingHours: openingHoursSchema
    .optional()
    .describe("Weekly opening hours of the tool room; absent: open around the clock (closures still apply)."),
  /** Holidays and closures: a due date falling in one moves to the next opening. */
  closures: z
    .array(closureSchema)
    .max(1000)
    .default([])
    .describe("Holidays and closures: a due date falling in one moves to the next opening."),
  /** Categories of the catalog, with their own loan terms. */
  categories: z
    .array(categorySchema)
    .max(500)
    .default([])
    .describe("Categories of the catalog, with their own loan terms."),
  /** Days lent when neither the type nor its category says. @default 7 */
  loanDays: z
    .number()
    .int()
    .min(1)
    .max(365)
    .default(7)
    .describe("Days lent when neither the type nor its category says."),
  /** Renewals allowed when neither the type nor its category says. @default 2 */
  maxRenewals: z
    .number()
    .int()
    .min(0)
    .max(50)
    .default(2)
    .describe("Renewals allowed when neither the type nor its category says."),
  /** Loan terms per item type id (overriding its category's). */
  itemTypeTerms: z
    .record(z.string().min(1).max(100), z.object(termsShape))
    .default({})
    .describe("Loan terms per item type id (overriding its category's)."),
  /** Holds: hours a returned unit waits on the shelf for the first in line, and holds per resident. */
  holds: z
    .object({
      pickupHours: z
        .number()
        .int()
        .min(1)
        .max(24 * 30)
        .default(48)
        .describe("Hours a returned unit waits on the shelf for the first in line."),
      maxPerResident: z
        .number()
        .int()
        .min(1)
        .max(100)
        .default(5)
        .describe("Holds a resident may have at once."),
    })
    .prefault({})
    .describe(
      "Holds: hours a returned unit waits on the shelf for the first in line, and holds per resident.",
    ),
  /** Reservations for a future pickup: how long and how far ahead. */
  reservations: z
    .object({
      maxDays: z.number().int().min(1).max(90).default(14).describe("Longest reservation, in days."),
      maxAheadDays: z
        .number()
        .int()
        .min(1)
        .max(366)
        .default(60)
        .describe("How many days ahead a reservation may start."),
    })
    .prefault({})
    .describe("Reservations for a future pickup: how long and how far ahead."),
  /** `LoanDueSoon` goes out this many hours before the due date. @default 24 */
  dueSoonHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 14)
    .default(24)
    .describe("`LoanDueSoon` goes out this many hours before the due date."),
  /** Fines for late returns, in minor units per started day late; off by default (lending is free). */
  fines: z
    .object({
      enabled: z.boolean().default(false).describe("Whether late returns are fined."),
      perDayMinor: z
        .number()
        .int()
        .min(0)
        .max(1_000_000)
        .default(0)
        .describe("Fine per started day late, in minor units."),
      maxMinor: z
        .number()
        .int()
        .min(0)
        .max(100_000_000)
        .default(0)
        .describe("Most a single late return is fined, in minor units."),
    })
    .prefault({})
    .describe(
      "Fines for late returns, in minor units per started day late; off by default (lending is free).",
    ),
  /** Service plans (every N loans / N months): the sweep and check-in open tickets by them. */
  maintenancePlans: z
    .array(maintenancePlanSchema)
    .max(200)
    .default([])
    .describe("Service plans (every N loans / N months): the sweep and check-in open tickets by them."),
  /** Loan fees, deposits and late fees through the pricing plugin (nothing priced by default). */
  charges: loanChargesSchema.describe(
    "Loan fees, deposits and late fees through the pricing plugin (nothing priced by default).",
  ),
  /** Pickup appointments through the booking plugin (a bookable resource), if any. */
  pickups: pickupsSchema
    .optional()
    .describe("Pickup appointments through the booking plugin (a bookable resource), if any."),
};

/** Policy kinds a community plugin contributes, for the config's types: augment this interface. */
// biome-ignore lint/suspicious/noEmptyInterface: an extension point filled by declaration merging
export interface LendingPolicyKindParams {}

/** One of the built-in loan policy kinds. */
export type BuiltInPolicyKind = (typeof builtInPolicyKinds)[number];

/** The params (config input) of every known policy kind, by kind (built-in plus {@link LendingPolicyKindParams}). */
export type PolicyKindParams = {
  [K in BuiltInPolicyKind as K["kind"]]: z.input<K["params"]>;
} & LendingPolicyKindParams;

/** One policy as written in a community config: id, kind and the kind's params. */
export type PolicyConfigInput = {
  [K in keyof PolicyKindParams & string]: PolicyKindParams[K] & { readonly id: string; readonly kind: K };
}[keyof PolicyKindParams & string];

/** The zod object of the lending section's options (without `policies`). */
export type OptionsShape = z.ZodObject<typeof lendingOptionsShape>;

/** The `lending` section as written in a community config (every field has a default). */
export type LendingConfigInput = Partial<z.input<OptionsShape>> & {
  readonly policies?: readonly PolicyConfigInput[];
};

/** The `lending` section as parsed: `ctx.options` and `cx.options` of the lending plugin. */
export type LendingOptions = z.output<OptionsShape> & { readonly policies: readonly PolicyConfig[] };

/**
 * The schema of the `lending` section for the registered policy kinds: a kind another plugin
 * contributes is part of the schema like a built-in one.
 */
export function lendingConfigSchema(
  registries?: Registries,
): z.ZodType<LendingOptions, LendingConfigInput | undefined> {
  const kinds = registries ? registries.get(lendingPolicyKinds) : builtInPolicyKinds;
  const schema: z.ZodType = z
    .object({
      policies: z
        .array(policySchema(kinds))
        .max(200)
        .default([])
        .describe("Loan policies by kind (limits, overdue blocks, training, agreements)."),
      ...lendingOptionsShape,
    })
    .prefault({})
    .describe(
      "The lending plugin's section: loan policies, loan terms, opening hours, holds, reservations, fines and maintenance.",
    );
  return schema as z.ZodType<LendingOptions, LendingConfigInput | undefined>;
}

function isCalendarDay(day: string): boolean {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The lending section's checks at config load: unique ids; categories, groups and places
 * named exist; closures name real days and do not end before they start; opening hours are
 * not empty and each range has a length; maintenance plans say how often; and each policy's
 * own semantic check (its kind's `check`), for built-in and contributed kinds alike.
 */
export function checkLendingConfig(
  options: LendingOptions,
  config: CommunityConfig,
  report: ReportProblem,
  context?: Pick<ConfigCheckContext, "registries">,
): void {
  const kinds = new Map(
    (context ? context.registries.get(lendingPolicyKinds) : builtInPolicyKinds).map((k) => [k.kind, k]),
  );
  const categories = new Set<string>();
  options.categories.forEach((c, i) => {
    if (categories.has(c.id))
      report(["lending", "categories", i, "id"], "DUPLICATE_ID", {
        "zh-CN": `重复的类别 "${c.id}"`,
        en: `Duplicate category "${c.id}"`,
      });
    categories.add(c.id);
  });
  const unknownCategory = (path: readonly PropertyKey[], id: string) =>
    report(path, "UNKNOWN_CATEGORY", { "zh-CN": `未定义的类别 "${id}"`, en: `Unknown category "${id}"` });
  options.closures.forEach((c, i) => {
    const path = ["lending", "closures", i];
    const fromOk = isCalendarDay(c.from);
    if (!fromOk)
      report([...path, "from"], "INVALID_DATE", {
        "zh-CN": `日期 "${c.from}" 不存在`,
        en: `There is no day "${c.from}"`,
      });
    if (c.to !== undefined && !isCalendarDay(c.to))
      report([...path, "to"], "INVALID_DATE", {
        "zh-CN": `日期 "${c.to}" 不存在`,
        en: `There is no day "${c.to}"`,
      });
    else if (fromOk && c.to !== undefined && c.to < c.from)
      report([...path, "to"], "RANGE_ENDS_BEFORE_START", {
        "zh-CN": `闭馆结束日 ${c.to} 早于开始日 ${c.from}`,
        en: `The closure ends (${c.to}) before it starts (${c.from})`,
      });
  });
  if (options.openingHours !== undefined) {
    const days = Object.entries(options.openingHours);
    if (days.every(([, list]) => (list ?? []).length === 0))
      report(["lending", "openingHours"], "NEVER_OPEN", {
        "zh-CN": "开放时间为空：工具房永不开放，无法确定归还日期",
        en: "The opening hours are empty: the tool room never opens, so no due date can be set",
      });
    for (const [day, list] of days)
      (list ?? []).forEach((r, j) => {
        if (r.from === r.to)
          report(["lending", "openingHours", day, j], "EMPTY_RANGE", {
            "zh-CN": `${r.from} 至 ${r.to} 的时段长度为零`,
            en: `The range ${r.from} to ${r.to} is empty`,
          });
      });
  }
  options.maintenancePlans.forEach((plan, i) => {
    const path = ["lending", "maintenancePlans", i];
    if (plan.everyLoans === undefined && plan.everyMonths === undefined)
      report(path, "PLAN_WITHOUT_INTERVAL", {
        "zh-CN": `保养计划 "${plan.id}" 没有设置间隔（everyLoans 或 everyMonths）`,
        en: `Maintenance plan "${plan.id}" sets no interval (everyLoans or everyMonths)`,
      });
    plan.categories.forEach((c, j) => {
      if (!categories.has(c)) unknownCategory([...path, "categories", j], c);
    });
  });
  const seen = new Set<string>();
  const agreements: number[] = [];
  options.policies.forEach((policy, i) => {
    const path = ["lending", "policies", i];
    if (seen.has(policy.id))
      report([...path, "id"], "DUPLICATE_ID", {
        "zh-CN": `重复的借用规则 id "${policy.id}"`,
        en: `Duplicate policy id "${policy.id}"`,
      });
    seen.add(policy.id);
    if (policy.kind === "borrower-agreement") agreements.push(i);
    const { id: _id, kind, ...params } = policy;
    kinds.get(kind)?.check?.(params, (at, code, message) => report([...path, ...at], code, message));
    const list = policy.categories;
    if (Array.isArray(list))
      list.forEach((c: unknown, j) => {
        if (typeof c === "string" && !categories.has(c)) unknownCategory([...path, "categories", j], c);
      });
  });
  checkLoanCharges(options.charges, config, report, categories);
  checkPickups(options.pickups, config, report);
  for (const i of agreements.slice(1))
    report(["lending", "policies", i], "DUPLICATE_AGREEMENT", {
      "zh-CN": "只能有一个借用协议规则（当前版本）",
      en: "Only one borrower-agreement policy (the version in force) may be configured",
    });
}
