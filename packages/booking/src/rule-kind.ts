import type { ActorKind, LocalizedText, ReportProblem, Resource, Violation } from "@linli/core";
import { defineRegistry } from "@linli/core";
import type * as z from "zod";
import type { BookingStatus } from "./booking-models";
import type { Interval } from "./interval";
import type { RuleFact, RuleFacts } from "./rule-facts";

/** An existing booking as the rules see it: plain data, no storage. */
export interface BookingFacts {
  readonly id: string;
  readonly resourceId: string;
  readonly zoneId: string | null;
  readonly residentId: string | null;
  readonly start: Date;
  readonly end: Date;
  /** The occupied interval including buffers; defaults to `start`/`end`. */
  readonly blockStart?: Date;
  readonly blockEnd?: Date;
  readonly quantity: number;
  readonly status: BookingStatus;
  /** When it was recorded as a no-show, if it was. */
  readonly noShowAt?: Date | null;
}

/** What is asked: a resource (or zone), an interval, a quantity, for whom and by whom. */
export interface BookingRequest {
  readonly resourceId: string;
  readonly zoneId?: string | null;
  readonly start: Date;
  readonly end: Date;
  /** Units (seats, machines). @default 1 */
  readonly quantity?: number;
  /** The resident the booking is for; absent for a staff booking not for a resident. */
  readonly residentId?: string | null;
  /** Who asks: a resident books for themself; staff and volunteers book on behalf. */
  readonly actorKind: ActorKind;
  /** The eligibility groups of the resident at the booking's start. Sensitive. */
  readonly groups?: readonly string[];
}

/**
 * The data a rule decides on, loaded by the service in the command's transaction (or by an
 * app that keeps its own storage).
 */
export interface RuleSnapshot {
  /** Bookings holding capacity on the requested resource around the requested interval. */
  readonly resourceBookings: readonly BookingFacts[];
  /** The resident's own bookings (every state) around the request and in the future. */
  readonly residentBookings: readonly BookingFacts[];
  /**
   * Facts other plugins load for the rule kinds that name them (`RuleKind.facts`), by fact
   * id; read them with `readFact`. Absent when no rule that applies needs any.
   */
  readonly facts?: RuleFacts;
}

/** A configured rule resolved for one resource: its id, its kind's params, and the resources it covers. */
export interface ResolvedRule {
  /** The rule's id from the configuration (what violations name). */
  readonly id: string;
  /** The rule kind's name. */
  readonly kind: string;
  /** The rule's parameters, parsed by the kind's schema. */
  readonly params: Record<string, unknown>;
  /** Every resource the rule applies to (for quotas across a group). */
  readonly targets: ReadonlySet<string>;
}

/** What a rule kind's `evaluate` receives. */
export interface RuleContext {
  /** The configured rule being evaluated. */
  readonly rule: ResolvedRule;
  readonly request: BookingRequest;
  /** The instant of the decision. */
  readonly now: Date;
  /** The community's IANA zone: local-time rules are read in it. */
  readonly timeZone: string;
  /** The resource asked for, from the kernel config. */
  readonly resource: Resource;
  readonly snapshot: RuleSnapshot;
  /** Units usable at once on the requested resource or zone, after capacity rules. */
  readonly capacity: number;
  /** Buffers around every booking of the resource, after buffer rules (ms). */
  readonly buffer: { readonly beforeMs: number; readonly afterMs: number };
}

/** What a rule kind's `allowedIntervals` receives: a window of time, not one request. */
export interface WindowContext {
  readonly rule: ResolvedRule;
  /** The window asked about (instants). */
  readonly start: Date;
  readonly end: Date;
  readonly now: Date;
  readonly timeZone: string;
  readonly resource: Resource;
  /** The request's actor kind, resident and groups (for rules that differ by who asks). */
  readonly actorKind: ActorKind;
  readonly residentId?: string | null;
  readonly groups: readonly string[];
}

/** The cancellation terms a rule sets for a booking. */
export interface CancellationTerms {
  /** Cancelling at or after this instant is late: not refundable. */
  readonly deadline: Date;
  /** Whether a late cancellation by a resident is refused (staff may still cancel). */
  readonly late: "allow" | "refuse";
}

/** The check-in window a rule sets for a booking. */
export interface CheckInTerms {
  readonly opensAt: Date;
  readonly closesAt: Date;
  /** What happens to a booking not checked in when the window closes. */
  readonly onMissed: "release" | "no-show" | "keep";
}

/**
 * A kind of booking rule: a zod schema for its parameters and a pure evaluator that returns
 * every violation with reasons. The engine runs any registered kind the same way; a
 * community plugin adds a kind by contributing one to {@link bookingRuleKinds}, without
 * touching the engine. Optional capabilities let a kind take part in availability (as
 * allowed intervals), capacity, buffers, the slot grid, approval, cancellation and check-in.
 */
export interface RuleKind<S extends z.ZodObject = z.ZodObject, K extends string = string> {
  /** The kind's name as written in the config (`kind: "opening-hours"`). */
  readonly kind: K;
  /** What the kind does, for documentation and config editors. */
  readonly description: LocalizedText;
  /** The schema of the rule's parameters (besides `id`, `kind` and `appliesTo`). */
  readonly params: S;
  /**
   * Facts this kind reads from `cx.snapshot.facts` (a resident's memberships): booking loads
   * each in the transaction whenever a rule of this kind applies (see `defineRuleFact`).
   */
  readonly facts?: readonly RuleFact[];
  /**
   * The stored data this kind's `evaluate` reads from the snapshot besides the resource's
   * bookings. Booking reads the resident's bookings (a year of lookback and their future
   * ones) only when a rule that applies to the resource reads them, so a resource whose rules
   * need none books without that read. A kind that omits `reads` is taken to read the
   * resident's bookings (a kind written before `reads` existed keeps its data). Likewise the
   * resident's eligibility groups (`request.groups`, `WindowContext.groups`) are read only
   * when a rule that applies may look at them; a kind is taken to look unless it declares
   * `groups: false`.
   */
  readonly reads?: RuleReads;
  /** Every violation of this rule by the request; empty when allowed. Pure. */
  evaluate(params: z.output<S>, cx: RuleContext): Violation[];
  /**
   * Contradictions within one configured rule that its schema does not express: a minimum
   * above the maximum, a day that does not exist (`2026-02-30`), a range that ends before it
   * starts, a lead time longer than the advance window. Each would make the rule refuse every
   * booking, or be silently ignored. Report each with a path relative to the rule (`["maxMinutes"]`,
   * `["closures", 2, "to"]`), a stable code and zh-CN and en messages; the booking plugin runs
   * it at config load, in the same pass as every other check, for every configured rule of
   * this kind whose params parsed. Pure.
   */
  check?(params: z.output<S>, report: ReportProblem): void;
  /**
   * For rules that only allow certain times (opening hours, closures, seasons, booking
   * window): the instants within `[start, end)` where bookings may lie. Availability
   * intersects these instead of asking `evaluate` slot by slot. Pure.
   */
  allowedIntervals?(params: z.output<S>, cx: WindowContext): Interval[];
  /** A cap on units usable at once (the lowest cap applies). */
  capacity?(params: z.output<S>): number;
  /** Buffers before and after every booking (the highest applies), in minutes. */
  buffer?(params: z.output<S>): { beforeMinutes: number; afterMinutes: number };
  /** The slot grid for availability: granularity and offset from local midnight, in minutes. */
  grid?(params: z.output<S>): { granularityMinutes: number; offsetMinutes: number };
  /** True when the request must wait for staff approval. */
  requiresApproval?(params: z.output<S>, cx: RuleContext): boolean;
  /** Cancellation terms for a booking (the earliest deadline applies). */
  cancellation?(params: z.output<S>, booking: BookingFacts, timeZone: string): CancellationTerms;
  /** Check-in window for a booking. */
  checkIn?(params: z.output<S>, booking: BookingFacts, timeZone: string): CheckInTerms;
}

/** What a rule kind reads from the snapshot ({@link RuleKind.reads}). */
export interface RuleReads {
  /**
   * `snapshot.residentBookings`: the resident's own bookings (quotas, caps, no-shows).
   * @default false
   */
  readonly residentBookings?: boolean;
  /**
   * `request.groups` and `WindowContext.groups`: the resident's eligibility groups (who may
   * book, seasons for some groups, approval exemptions). Unlike `residentBookings` it defaults
   * to `true`, even when `reads` is given: a kind written before `groups` existed keeps seeing
   * them. Declare `false` so that booking can skip reading the resident's grants.
   * @default true
   */
  readonly groups?: boolean;
}

/** Any rule kind (for registries and lists of kinds). */
export type AnyRuleKind = RuleKind<any, string>;

/** The registry of rule kinds: booking contributes the built-in kinds, other plugins add theirs. */
export const bookingRuleKinds = defineRegistry<AnyRuleKind>("booking.rule-kinds");

/** Whether a rule kind reads the resident's bookings: declared `true`, or `reads` omitted. */
export function readsResidentBookings(kind: Pick<AnyRuleKind, "reads">): boolean {
  return kind.reads === undefined || kind.reads.residentBookings === true;
}

/** Whether a rule kind may read the resident's groups: unless it declares `reads.groups: false`. */
export function readsGroups(kind: Pick<AnyRuleKind, "reads">): boolean {
  return kind.reads?.groups !== false;
}

/** Declares a rule kind with its params type and literal name inferred. */
export function defineRuleKind<S extends z.ZodObject, const K extends string>(
  kind: RuleKind<S, K>,
): RuleKind<S, K> {
  return kind;
}
