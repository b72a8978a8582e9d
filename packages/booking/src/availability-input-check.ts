import { ACTOR_KINDS, customProblem, isTimeZone } from "@linli/core";
import * as z from "zod";
import type { AvailabilityInput } from "./availability";
import { check, endAfterStart, instant, list, ordered, timeZone } from "./pure-input-fields";

/**
 * The check of `availableSlots`' input: its zod schema, and a hand check of the same
 * verdict for sound input, which the hot path (hundreds of resources a request) asks first.
 *
 * @module
 */

/** The forms of a free slot's instants (`availableSlots`' `slotInstants`): `Date`s or epoch milliseconds. */
export const SLOT_INSTANTS = ["date", "epoch-ms"] as const;

/** The longest window `availableSlots` answers for at once: a year and a day. */
export const MAX_AVAILABILITY_WINDOW_DAYS = 367;
const MAX_WINDOW_MS = MAX_AVAILABILITY_WINDOW_DAYS * 86_400_000;

/**
 * The availability input's schema (what {@link isSoundAvailabilityInput} checks by hand):
 * the verdict and the problems of a bad input.
 */
export const availabilitySchema = z
  .object({
    resource: z.object({ id: z.string().min(1), capacity: z.number().int().positive() }),
    zoneId: z.string().nullable().optional(),
    rules: list,
    kinds: z.instanceof(Map),
    timeZone,
    now: instant,
    start: instant,
    end: instant,
    bookings: list,
    who: z.object({
      actorKind: z.enum(ACTOR_KINDS),
      residentId: z.string().nullable().optional(),
      groups: z.array(z.string()).optional(),
    }),
    residentBookings: list.optional(),
    facts: z.record(z.string(), z.unknown()).optional(),
    durationMinutes: z.number().int().positive().max(100_000).optional(),
    quantity: z.number().int().positive().optional(),
    physicalCapacity: z.number().int().positive().optional(),
    defaultGranularityMinutes: z.number().int().positive().max(1440).optional(),
    slotInstants: z.enum(SLOT_INSTANTS).optional(),
  })
  .refine(ordered, endAfterStart)
  .refine(
    (v) => v.end.getTime() - v.start.getTime() <= MAX_WINDOW_MS,
    customProblem(
      "WINDOW_TOO_LONG",
      {
        "zh-CN": `查询时段最长 ${MAX_AVAILABILITY_WINDOW_DAYS} 天`,
        en: `the window is at most ${MAX_AVAILABILITY_WINDOW_DAYS} days`,
      },
      ["end"],
    ),
  );

const factsSchema = z.record(z.string(), z.unknown());
const ACTOR_KIND_SET: ReadonlySet<unknown> = new Set(ACTOR_KINDS);

type Fields = Readonly<Record<string, unknown>>;

/** What zod's `z.object` takes: an object, not null, not an array. */
const isObject = (v: unknown): v is Fields => typeof v === "object" && v !== null && !Array.isArray(v);
/** `z.date()`: a `Date` holding an instant. */
const isInstant = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());
/** `z.number().int().positive()` (with `.max(max)`), or absent when `optional`. */
const isCount = (v: unknown, optional: boolean, max = Number.MAX_SAFE_INTEGER): boolean =>
  v === undefined ? optional : Number.isSafeInteger(v) && (v as number) > 0 && (v as number) <= max;
/** `z.string().nullable().optional()`. */
const isOptionalId = (v: unknown): boolean => v === undefined || v === null || typeof v === "string";

/**
 * The fields of an availability input, each read once into an object of one fixed shape.
 * Callers often build the input fresh per call, and an object made by spreading (`{ ...base,
 * slotInstants }`) gets a hidden class of its own each time in V8, so that every property
 * read of it, an absent optional one above all, misses the inline caches; the check and the
 * sweep then read this copy instead. An optional field is read only when `in` finds it (a
 * cheaper miss than reading it absent; for an ordinary object, absent means `undefined`).
 */
function fieldsOf(input: Fields) {
  return {
    resource: input.resource,
    zoneId: "zoneId" in input ? input.zoneId : undefined,
    rules: input.rules,
    kinds: input.kinds,
    timeZone: input.timeZone,
    now: input.now,
    start: input.start,
    end: input.end,
    bookings: input.bookings,
    who: input.who,
    residentBookings: "residentBookings" in input ? input.residentBookings : undefined,
    facts: "facts" in input ? input.facts : undefined,
    durationMinutes: "durationMinutes" in input ? input.durationMinutes : undefined,
    quantity: "quantity" in input ? input.quantity : undefined,
    physicalCapacity: "physicalCapacity" in input ? input.physicalCapacity : undefined,
    defaultGranularityMinutes:
      "defaultGranularityMinutes" in input ? input.defaultGranularityMinutes : undefined,
    slotInstants: "slotInstants" in input ? input.slotInstants : undefined,
  };
}

type InputFields = ReturnType<typeof fieldsOf>;

/**
 * The fields checked by hand, one by one as {@link availabilitySchema} does: true only when
 * the schema accepts them. False means "not sure": zod then gives the verdict.
 */
function isSoundFields(input: InputFields): input is InputFields & AvailabilityInput {
  const { resource, who, start, end } = input;
  if (!isObject(resource) || !isCount(resource.capacity, false)) return false;
  if (typeof resource.id !== "string" || resource.id.length === 0) return false;
  if (!isOptionalId(input.zoneId) || !Array.isArray(input.rules) || !(input.kinds instanceof Map))
    return false;
  if (typeof input.timeZone !== "string" || !isTimeZone(input.timeZone)) return false;
  if (!isInstant(input.now) || !isInstant(start) || !isInstant(end) || !Array.isArray(input.bookings))
    return false;
  if (!isObject(who) || !ACTOR_KIND_SET.has(who.actorKind) || !isOptionalId(who.residentId)) return false;
  const whoGroups = who.groups;
  if (whoGroups !== undefined) {
    if (!Array.isArray(whoGroups)) return false;
    for (let i = 0; i < whoGroups.length; i++) if (typeof whoGroups[i] !== "string") return false;
  }
  if (input.residentBookings !== undefined && !Array.isArray(input.residentBookings)) return false;
  if (input.facts !== undefined && !factsSchema.safeParse(input.facts).success) return false;
  if (!isCount(input.durationMinutes, true, 100_000) || !isCount(input.quantity, true)) return false;
  if (!isCount(input.physicalCapacity, true) || !isCount(input.defaultGranularityMinutes, true, 1440))
    return false;
  const form = input.slotInstants;
  if (form !== undefined && form !== "date" && form !== "epoch-ms") return false;
  const span = end.getTime() - start.getTime();
  return span > 0 && span <= MAX_WINDOW_MS;
}

/**
 * The availability input checked by hand, field for field as {@link availabilitySchema} does:
 * true only for an input the schema accepts, so that the sound inputs of the hot path (the
 * query's callers, a desk asking about hundreds of resources) skip zod's walk and the objects
 * it makes. False means "not sure": zod then gives the verdict and the problems, as before.
 * A property test holds the two together (`availability-input-check.property.test.ts`).
 */
export function isSoundAvailabilityInput(input: unknown): boolean {
  return isObject(input) && isSoundFields(fieldsOf(input));
}

/**
 * The input's fields, each read once, in one object of a fixed shape, when the hand check
 * finds them sound ({@link isSoundAvailabilityInput}); else `undefined` (then check the input
 * itself with {@link checkAvailabilityInput}).
 */
export function soundAvailabilityInput(input: unknown): AvailabilityInput | undefined {
  if (!isObject(input)) return undefined;
  const fields = fieldsOf(input);
  return isSoundFields(fields) ? fields : undefined;
}

/** Throws `VALIDATION_FAILED` (every problem, zh-CN and en) unless the availability input is sound. */
export const checkAvailabilityInput = (input: unknown) =>
  check(availabilitySchema, input, "availableSlots", isSoundAvailabilityInput);
