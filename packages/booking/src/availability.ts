import type { ActorKind, Resource } from "@linli/core";
import { sweepSlots } from "./availability-sweep";
import { soundAvailabilityInput } from "./availability-input-check";
import { checkAvailabilityInput, type SLOT_INSTANTS } from "./pure-input";
import type { RuleFacts } from "./rule-facts";
import type { RuleKinds } from "./rule-book";
import type { BookingFacts, ResolvedRule } from "./rule-kind";

/** What {@link availableSlots} needs. */
export interface AvailabilityInput {
  readonly resource: Resource;
  /** A zone of the resource, when booking a zone. */
  readonly zoneId?: string | null;
  /** The rules that apply to the resource. */
  readonly rules: readonly ResolvedRule[];
  readonly kinds: RuleKinds;
  readonly timeZone: string;
  readonly now: Date;
  /** The window asked about. */
  readonly start: Date;
  readonly end: Date;
  /** Bookings holding capacity on the resource (any range; those outside the window are ignored). */
  readonly bookings: readonly BookingFacts[];
  /** Who would book: actor kind, resident and their groups (for eligibility, quotas, seasons). */
  readonly who: {
    readonly actorKind: ActorKind;
    readonly residentId?: string | null;
    readonly groups?: readonly string[];
  };
  /** The resident's own bookings, for quotas, caps and suspensions. @default [] */
  readonly residentBookings?: readonly BookingFacts[];
  /** Facts the rules read (`RuleSnapshot.facts`), loaded for the whole window. @default {} */
  readonly facts?: RuleFacts;
  /** Slot length. @default the grid's granularity */
  readonly durationMinutes?: number;
  /** Units wanted. @default 1 */
  readonly quantity?: number;
  /** Units before capacity rules (a zone's capacity). @default the resource's capacity */
  readonly physicalCapacity?: number;
  /** Grid step when no `slot-grid` rule applies. @default 15 */
  readonly defaultGranularityMinutes?: number;
  /**
   * How the slots' instants come back: `"date"`, a `Date` each ({@link FreeSlot}), or
   * `"epoch-ms"`, epoch milliseconds ({@link EpochFreeSlot}), which spares two objects per
   * slot for callers that compute with the numbers or serialize them anyway.
   * @default "date"
   */
  readonly slotInstants?: SlotInstants;
}

/** One of {@link SLOT_INSTANTS}: `Date`s (the default) or epoch milliseconds. */
export type SlotInstants = (typeof SLOT_INSTANTS)[number];

/** A bookable slot and the units still free in it. */
export interface FreeSlot {
  readonly start: Date;
  readonly end: Date;
  /** Units still free over the whole slot (capacity minus the peak in use). */
  readonly remaining: number;
}

/** A {@link FreeSlot} with its instants as epoch milliseconds (`slotInstants: "epoch-ms"`). */
export interface EpochFreeSlot {
  /** Start, epoch milliseconds (UTC). */
  readonly start: number;
  /** End (exclusive), epoch milliseconds (UTC). */
  readonly end: number;
  /** Units still free over the whole slot (capacity minus the peak in use). */
  readonly remaining: number;
}

/** The slot type for a {@link SlotInstants} form. */
export type SlotOf<F extends SlotInstants | undefined> = F extends "epoch-ms" ? EpochFreeSlot : FreeSlot;

/**
 * The free slots of one resource (or zone) in a window, honouring every rule for the given
 * resident, with the units still free in each. Pure.
 *
 * It works by interval sweep, not per-slot queries: the time rules (opening hours, closures,
 * seasons, booking window) each give their allowed intervals, which are intersected once;
 * existing bookings (with their buffers) become one occupancy step function; slots starting
 * on the slot grid (local wall times, see `slotGridStarts`: none in a skipped hour, twice in
 * a repeated one) are then read off both in one pass. Rule kinds without allowed intervals (quotas,
 * eligibility, suspensions, and any kind a plugin adds) are asked per slot by their pure
 * `evaluate`, so availability never offers what booking would refuse.
 *
 * With `slotInstants: "epoch-ms"` the slots' instants are epoch milliseconds
 * ({@link EpochFreeSlot}), the same slots in the same order.
 */
export function availableSlots<I extends AvailabilityInput>(input: I): SlotOf<I["slotInstants"]>[];
export function availableSlots(input: AvailabilityInput): (FreeSlot | EpochFreeSlot)[] {
  // Sound input is read once, by hand; anything else goes to zod, which names the problems.
  const sound = soundAvailabilityInput(input);
  if (sound) return sweepSlots(sound, sound.slotInstants === "epoch-ms");
  checkAvailabilityInput(input);
  return sweepSlots(input, input.slotInstants === "epoch-ms");
}
