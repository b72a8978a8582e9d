import { ACTOR_KINDS } from "@linli/core";
import * as z from "zod";
import { check, endAfterStart, instant, list, ordered, timeZone } from "./pure-input-fields";

export {
  checkAvailabilityInput,
  MAX_AVAILABILITY_WINDOW_DAYS,
  SLOT_INSTANTS,
} from "./availability-input-check";

/**
 * zod checks for the exported pure functions (`availableSlots`, `evaluateBooking`,
 * `writeIcs`), for apps that keep their own storage and call them directly. They check what
 * a caller can get wrong (instants, zone, counts, the window) and only the shape of large
 * lists, so the availability sweep stays fast on 10,000 bookings. Objects are checked in
 * zod's default mode (unknown keys ignored, not copied into a parsed result that is thrown
 * away anyway): the same verdict as a loose object, without walking every key of a resource.
 */

const evaluationSchema = z.object({
  request: z
    .object({
      resourceId: z.string().min(1),
      zoneId: z.string().nullable().optional(),
      start: instant,
      end: instant,
      quantity: z.number().int().positive().optional(),
      residentId: z.string().nullable().optional(),
      actorKind: z.enum(ACTOR_KINDS),
      groups: z.array(z.string()).optional(),
    })
    .refine(ordered, endAfterStart),
  now: instant,
  timeZone,
  resource: z.object({ id: z.string().min(1), capacity: z.number().int().positive() }),
  rules: list,
  kinds: z.instanceof(Map),
  snapshot: z.object({
    resourceBookings: list,
    residentBookings: list,
    facts: z.record(z.string(), z.unknown()).optional(),
  }),
  physicalCapacity: z.number().int().positive().optional(),
});

const icsSchema = z.object({
  name: z.string(),
  timeZone,
  stamp: instant,
  events: z.array(
    z
      .object({
        uid: z.string().min(1),
        start: instant,
        end: instant,
        summary: z.string(),
        description: z.string().optional(),
        location: z.string().optional(),
        status: z.enum(["CONFIRMED", "TENTATIVE", "CANCELLED"]).optional(),
      })
      .refine(ordered, endAfterStart),
  ),
});

/** Throws `VALIDATION_FAILED` unless the evaluation input is sound. */
export const checkEvaluationInput = (input: unknown) => check(evaluationSchema, input, "evaluateBooking");
/** Throws `VALIDATION_FAILED` unless the calendar is sound. */
export const checkIcsInput = (input: unknown) => check(icsSchema, input, "writeIcs");
