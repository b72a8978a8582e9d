import type { BookingConfigInput, bookingPlugin, RuleConfigInput } from "@linli/booking";
import type { CommunityConfigInput, KernelConfigInput, LocalizedText } from "@linli/core";
import type { LendingConfigInput, lendingPlugin } from "@linli/lending";
import type { PricingConfigInput, pricingPlugin } from "@linli/pricing";
import type { volunteersConfigSchema, volunteersPlugin } from "@linli/volunteers";
import type * as z from "zod";

/** The plugins every preset is written for (and validated with): booking, pricing, volunteers and lending. */
export type PresetPlugins = readonly [
  ReturnType<typeof bookingPlugin>,
  ReturnType<typeof pricingPlugin>,
  ReturnType<typeof volunteersPlugin>,
  ReturnType<typeof lendingPlugin>,
];

/** The volunteers section of a preset, as written (every field optional). */
export type VolunteersSectionInput = NonNullable<z.input<typeof volunteersConfigSchema>>;

/** A whole preset: a community configuration for the kernel, booking, pricing, volunteers and lending. */
export type PresetConfig = CommunityConfigInput<PresetPlugins>;

type ItemOf<T> = T extends readonly (infer I)[] ? I : never;
type Pricing = NonNullable<PricingConfigInput>;

/**
 * One facility area of a preset (the drying room, the gym…): its places, groups, resources
 * and resource groups, its booking rules, and its price plans and memberships. A preset is
 * the community section plus its parts, concatenated in order by {@link composePreset}.
 */
export interface PresetPart {
  /** Places the area adds (a courtyard, a facility). */
  readonly places?: readonly ItemOf<KernelConfigInput["places"]>[];
  /** Eligibility groups the area introduces. */
  readonly groups?: readonly ItemOf<KernelConfigInput["groups"]>[];
  /** Resources of the area. */
  readonly resources?: readonly ItemOf<KernelConfigInput["resources"]>[];
  /** Walking minutes between the area's places (or to others), for matching volunteers. */
  readonly walking?: readonly ItemOf<KernelConfigInput["walking"]>[];
  /** Resource groups of the area. */
  readonly resourceGroups?: readonly ItemOf<KernelConfigInput["resourceGroups"]>[];
  /** Booking rules of the area. */
  readonly rules?: readonly RuleConfigInput[];
  /** Price plans of the area. */
  readonly plans?: Pricing["plans"];
  /** Membership plans of the area. */
  readonly memberships?: Pricing["memberships"];
  /** Vouchers of the area. */
  readonly vouchers?: Pricing["vouchers"];
  /**
   * The area's part of the volunteers section: its kinds of help, duty teams and age bands are
   * concatenated with the other parts'; its other options (weights, pairs…) are merged, later
   * parts winning.
   */
  readonly volunteers?: VolunteersSectionInput;
  /**
   * The lending section (the tool room's loan policies, hours, categories and fees): at most
   * one part of a preset configures it (composing two is a programming error).
   */
  readonly lending?: LendingConfigInput;
}

/** The parts of a preset that are not per area: the community and the sections' options. */
export interface PresetBase {
  /** The community section. */
  readonly community: KernelConfigInput["community"];
  /** Booking options besides the rules (channels, waitlist, reminders). */
  readonly booking?: Omit<BookingConfigInput, "rules">;
  /** Pricing options besides plans, memberships and vouchers (currency guard, rounding). */
  readonly pricing?: Omit<Pricing, "plans" | "memberships" | "vouchers">;
  /** Members every community of the preset needs (the system account volunteers quotes as). */
  readonly members?: KernelConfigInput["members"];
}

type VolunteerLists = "kinds" | "teams" | "ageBands";
const volunteerLists = <K extends VolunteerLists>(parts: readonly PresetPart[], key: K) =>
  parts.flatMap((p) => (p.volunteers?.[key] ?? []) as NonNullable<VolunteersSectionInput[K]>[number][]);

/** The volunteers section of the parts, or undefined when no part has one. */
function composeVolunteers(parts: readonly PresetPart[]): VolunteersSectionInput | undefined {
  const sections = parts.flatMap((p) => (p.volunteers ? [p.volunteers] : []));
  if (sections.length === 0) return undefined;
  const merged: VolunteersSectionInput = {};
  for (const { kinds: _k, teams: _t, ageBands: _a, ...rest } of sections) Object.assign(merged, rest);
  return {
    ...merged,
    kinds: volunteerLists(parts, "kinds"),
    teams: volunteerLists(parts, "teams"),
    ageBands: volunteerLists(parts, "ageBands"),
  };
}

type ListKey = Exclude<keyof PresetPart, "volunteers" | "lending">;
const all = <K extends ListKey>(parts: readonly PresetPart[], key: K) =>
  parts.flatMap((p) => (p[key] ?? []) as ItemOf<NonNullable<PresetPart[K]>>[]);

/** The one lending section of the parts, or undefined; throws when two parts configure lending. */
function composeLending(parts: readonly PresetPart[]): LendingConfigInput | undefined {
  const sections = parts.flatMap((p) => (p.lending ? [p.lending] : []));
  if (sections.length > 1) throw new TypeError("a preset has one lending section: two parts configure it");
  return sections[0];
}

/**
 * Builds a preset from its base and its areas, each list concatenated in the parts' order. The
 * volunteers section is present only when a part configures volunteers, the lending section
 * only when one part configures lending.
 */
export function composePreset(base: PresetBase, parts: readonly PresetPart[]): PresetConfig {
  const volunteers = composeVolunteers(parts);
  const lending = composeLending(parts);
  return {
    community: base.community,
    ...(base.members ? { members: base.members } : {}),
    places: all(parts, "places"),
    groups: all(parts, "groups"),
    resources: all(parts, "resources"),
    resourceGroups: all(parts, "resourceGroups"),
    ...(parts.some((p) => p.walking) ? { walking: all(parts, "walking") } : {}),
    booking: { ...base.booking, rules: all(parts, "rules") },
    pricing: {
      ...base.pricing,
      plans: all(parts, "plans"),
      memberships: all(parts, "memberships"),
      vouchers: all(parts, "vouchers"),
    },
    ...(volunteers ? { volunteers } : {}),
    ...(lending ? { lending } : {}),
  };
}

/** A text in both languages of a preset: `text("干衣房", "Drying room")`. */
export const text = (zh: string, en: string): LocalizedText => ({ "zh-CN": zh, en });

/** Every weekday key of `opening-hours`, Monday first. */
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

/** The same local ranges on every day of the week (for `opening-hours.weekly`). */
export function everyDay(...ranges: { from: string; to: string }[]) {
  return Object.fromEntries(WEEKDAYS.map((d) => [d, ranges])) as Record<
    (typeof WEEKDAYS)[number],
    { from: string; to: string }[]
  >;
}
