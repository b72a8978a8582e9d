import {
  type CommunityConfig,
  type ConfigCheckContext,
  idSchema,
  type Registries,
  type ReportProblem,
} from "@linli/core";
import * as z from "zod";
import { type AnyRuleKind, bookingRuleKinds } from "./rule-kind";
import { builtInRuleKinds } from "./rules/built-in-rule-kinds";

/** Which resources a rule covers: listed resources and resource groups; every resource when both are absent. */
export const appliesToSchema = z
  .object({
    resources: z.array(idSchema).default([]),
    resourceGroups: z.array(idSchema).default([]),
  })
  .describe(
    "Which resources a rule covers: listed resources and resource groups; every resource when both are absent.",
  );

/** The parts every configured rule has, whatever its kind. */
export const ruleBaseShape = {
  /** The rule's id: what violations name (`drying-room-daily-quota`). */
  id: idSchema.describe("The rule's id: what violations name (`drying-room-daily-quota`)."),
  appliesTo: appliesToSchema.default({ resources: [], resourceGroups: [] }),
};

/** The channels a booking may come through when the config lists none. */
export const DEFAULT_BOOKING_CHANNELS = ["desk", "phone", "wechat", "app"] as const;

/** The booking section's options besides the rules. */
export const bookingOptionsShape = {
  /** Reminders (`BookingReminderDue`) go out this many minutes before the start. @default 60 */
  reminderLeadMinutes: z
    .number()
    .int()
    .min(1)
    .default(60)
    .describe("Reminders (`BookingReminderDue`) go out this many minutes before the start."),
  /** How freed capacity reaches the waitlist. */
  waitlist: z
    .object({
      /** `offer`: the first in line gets an offer that expires; `auto-confirm`: booked at once. @default "offer" */
      mode: z
        .enum(["offer", "auto-confirm"])
        .default("offer")
        .describe("`offer`: the first in line gets an offer that expires; `auto-confirm`: booked at once."),
      /** Minutes an offer stays open before passing to the next in line. @default 30 */
      offerMinutes: z
        .number()
        .int()
        .min(1)
        .default(30)
        .describe("Minutes an offer stays open before passing to the next in line."),
    })
    .default({ mode: "offer", offerMinutes: 30 })
    .describe("How freed capacity reaches the waitlist."),
  /** What a conflicting occurrence does to a recurring booking. @default "skip-and-report" */
  recurrencePolicy: z
    .enum(["fail-series", "skip-and-report"])
    .default("skip-and-report")
    .describe("What a conflicting occurrence does to a recurring booking."),
  /** Slot step of availability for resources without a `slot-grid` rule, in minutes. @default 15 */
  defaultGranularityMinutes: z
    .number()
    .int()
    .min(1)
    .max(1440)
    .default(15)
    .describe("Slot step of availability for resources without a `slot-grid` rule, in minutes."),
  /**
   * How a booking may reach the community (`channel` of `book`, recorded on the booking).
   * @default ["desk", "phone", "wechat", "app"]
   */
  channels: z
    .array(idSchema)
    .min(1)
    .default([...DEFAULT_BOOKING_CHANNELS])
    .describe("How a booking may reach the community (`channel` of `book`, recorded on the booking)."),
};

/** The schema of one configured rule of any of the given kinds (discriminated by `kind`). */
export function ruleSchema(kinds: readonly AnyRuleKind[]) {
  const [first, ...rest] = kinds.map((k) => k.params.extend({ ...ruleBaseShape, kind: z.literal(k.kind) }));
  if (!first) throw new TypeError("booking needs at least one rule kind");
  return z.discriminatedUnion("kind", [first, ...rest]);
}

/** Rule kinds a community plugin contributes, for the config's types: augment this interface. */
// biome-ignore lint/suspicious/noEmptyInterface: an extension point filled by declaration merging
export interface BookingRuleKindParams {}

type BuiltInRuleKind = (typeof builtInRuleKinds)[number];

/**
 * The params (config input) of every known rule kind, by kind: the built-in kinds plus those
 * declared in {@link BookingRuleKindParams}. A community plugin that contributes a kind adds
 * its params there so that configs using it type-check:
 *
 * ```ts
 * declare module "@linli/booking" {
 *   interface BookingRuleKindParams { "students-in-holidays": { holidays: string[] } }
 * }
 * ```
 */
export type RuleKindParams = {
  [K in BuiltInRuleKind as K["kind"]]: z.input<K["params"]>;
} & BookingRuleKindParams;

/** One rule as written in a community config: id, kind, what it applies to, and the kind's params. */
export type RuleConfigInput = {
  [K in keyof RuleKindParams & string]: RuleKindParams[K] & {
    /** The rule's id: what violations name (`drying-room-daily-quota`). */
    readonly id: string;
    readonly kind: K;
    /** Which resources the rule covers; every resource when absent. */
    readonly appliesTo?: {
      readonly resources?: readonly string[];
      readonly resourceGroups?: readonly string[];
    };
  };
}[keyof RuleKindParams & string];

/** The `booking` section as written in a community config (every field has a default). */
export interface BookingConfigInput {
  readonly rules?: readonly RuleConfigInput[];
  readonly reminderLeadMinutes?: number;
  readonly waitlist?: { readonly mode?: "offer" | "auto-confirm"; readonly offerMinutes?: number };
  readonly recurrencePolicy?: "fail-series" | "skip-and-report";
  readonly defaultGranularityMinutes?: number;
  readonly channels?: readonly string[];
}

/** A configured rule as parsed: id, kind, appliesTo and the kind's params. */
export interface RuleConfig {
  readonly id: string;
  readonly kind: string;
  readonly appliesTo: { readonly resources: readonly string[]; readonly resourceGroups: readonly string[] };
  readonly [param: string]: unknown;
}

/** The `booking` section as parsed: `ctx.options` and `cx.options` of the booking plugin. */
export interface BookingOptions {
  readonly rules: readonly RuleConfig[];
  readonly reminderLeadMinutes: number;
  readonly waitlist: { readonly mode: "offer" | "auto-confirm"; readonly offerMinutes: number };
  readonly recurrencePolicy: "fail-series" | "skip-and-report";
  readonly defaultGranularityMinutes: number;
  /** The channels a booking may be recorded as made through. */
  readonly channels: readonly string[];
}

/**
 * The schema of the `booking` section for the registered rule kinds: a rule kind that
 * another plugin registers is part of the schema (and of the JSON Schema) like a built-in one.
 * Its static type is the documented input and options types: the run-time union is built
 * from the registry, which TypeScript cannot follow.
 */
export function bookingConfigSchema(
  registries?: Registries,
): z.ZodType<BookingOptions, BookingConfigInput | undefined> {
  const kinds = registries ? registries.get(bookingRuleKinds) : builtInRuleKinds;
  const schema: z.ZodType = z
    .object({
      rules: z
        .array(ruleSchema(kinds))
        .default([])
        .describe(
          "The booking rules; each applies to the resources and resource groups of its `appliesTo` (every resource when absent).",
        ),
      ...bookingOptionsShape,
    })
    .prefault({})
    .describe(
      "The booking plugin's section: rules by kind and options (reminders, waitlist, recurrence, channels).",
    );
  return schema as z.ZodType<BookingOptions, BookingConfigInput | undefined>;
}

/**
 * The booking section's checks at config load: unique rule ids and channels; the resources, resource
 * groups and eligibility groups rules name exist; and each rule's own semantic check (its
 * kind's `check`: a minimum above the maximum, a day that does not exist…), for built-in and
 * contributed kinds alike. Without `context`, only the built-in kinds are known.
 */
export function checkBookingConfig(
  options: BookingOptions,
  config: CommunityConfig,
  report: ReportProblem,
  context?: Pick<ConfigCheckContext, "registries">,
): void {
  const kinds = new Map(
    (context ? context.registries.get(bookingRuleKinds) : builtInRuleKinds).map((k) => [k.kind, k]),
  );
  const resources = new Set(config.resources.map((r) => r.id));
  const resourceGroups = new Set(config.resourceGroups.map((g) => g.id));
  const groups = new Set(config.groups.map((g) => g.id));
  const channels = new Set<string>();
  options.channels.forEach((channel, i) => {
    if (channels.has(channel))
      report(["booking", "channels", i], "DUPLICATE_ID", {
        "zh-CN": `重复的预约渠道 "${channel}"`,
        en: `Duplicate booking channel "${channel}"`,
      });
    channels.add(channel);
  });
  const seen = new Set<string>();
  options.rules.forEach((rule, i) => {
    const path = ["booking", "rules", i];
    if (seen.has(rule.id))
      report([...path, "id"], "DUPLICATE_ID", {
        "zh-CN": `重复的规则 id "${rule.id}"`,
        en: `Duplicate rule id "${rule.id}"`,
      });
    seen.add(rule.id);
    rule.appliesTo.resources.forEach((id, j) => {
      if (!resources.has(id))
        report([...path, "appliesTo", "resources", j], "UNKNOWN_RESOURCE", {
          "zh-CN": `未定义的资源 "${id}"`,
          en: `Unknown resource "${id}"`,
        });
    });
    rule.appliesTo.resourceGroups.forEach((id, j) => {
      if (!resourceGroups.has(id))
        report([...path, "appliesTo", "resourceGroups", j], "UNKNOWN_RESOURCE_GROUP", {
          "zh-CN": `未定义的资源组 "${id}"`,
          en: `Unknown resource group "${id}"`,
        });
    });
    const { id: _id, kind, appliesTo: _appliesTo, ...params } = rule;
    kinds.get(kind)?.check?.(params, (at, code, message) => report([...path, ...at], code, message));
    // Eligibility groups named by any kind's `groups` / `exemptGroups` parameter.
    for (const key of ["groups", "exemptGroups"]) {
      const list = rule[key];
      if (!Array.isArray(list)) continue;
      list.forEach((id: unknown, j) => {
        if (typeof id === "string" && !groups.has(id))
          report([...path, key, j], "UNKNOWN_GROUP", {
            "zh-CN": `未定义的资格类别 "${id}"`,
            en: `Unknown eligibility group "${id}"`,
          });
      });
    }
  });
}
