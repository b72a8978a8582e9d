import { ACTOR_KINDS, coreErrors, customProblem, isTimeZone, LinliError, validate } from "@linli/core";
import * as z from "zod";

/**
 * zod checks for the exported pure functions (`availableSlots`, `evaluateBooking`,
 * `writeIcs`), for apps that keep their own storage and call them directly. They check what
 * a caller can get wrong (instants, zone, counts, the window) and only the shape of large
 * lists, so the availability sweep stays fast on 10,000 bookings. Objects are checked in
 * zod's default mode (unknown keys ignored, not copied into a parsed result that is thrown
 * away anyway): the same verdict as a loose object, without walking every key of a resource.
 */

const instant = z
  .date()
  .refine(
    (d) => !Number.isNaN(d.getTime()),
    customProblem("INVALID_INSTANT", { "zh-CN": "无效的时间点", en: "invalid date" }),
  );
const timeZone = z.string().refine(isTimeZone, {
  params: {
    code: "INVALID_TIME_ZONE",
    message: { "zh-CN": "不是有效的 IANA 时区", en: "Not an IANA time zone" },
  },
});
// Large lists (bookings) are checked for being arrays only: O(1), whatever their length.
const list = z.custom<readonly unknown[]>(
  (v) => Array.isArray(v),
  customProblem("NOT_A_LIST", { "zh-CN": "应为数组", en: "expected an array" }),
);
const ordered = <T extends { start: Date; end: Date }>(v: T) => v.end.getTime() > v.start.getTime();
const endAfterStart = customProblem(
  "END_NOT_AFTER_START",
  { "zh-CN": "结束时间须晚于开始时间", en: "end must be after start" },
  ["end"],
);

/** The forms of a free slot's instants (`availableSlots`' `slotInstants`): `Date`s or epoch milliseconds. */
export const SLOT_INSTANTS = ["date", "epoch-ms"] as const;

/** The longest window `availableSlots` answers for at once: a year and a day. */
export const MAX_AVAILABILITY_WINDOW_DAYS = 367;

const availabilitySchema = z
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
    (v) => v.end.getTime() - v.start.getTime() <= MAX_AVAILABILITY_WINDOW_DAYS * 86_400_000,
    customProblem(
      "WINDOW_TOO_LONG",
      {
        "zh-CN": `查询时段最长 ${MAX_AVAILABILITY_WINDOW_DAYS} 天`,
        en: `the window is at most ${MAX_AVAILABILITY_WINDOW_DAYS} days`,
      },
      ["end"],
    ),
  );

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

function check(schema: z.ZodType, input: unknown, fn: string): void {
  if (schema.safeParse(input).success) return;
  const result = validate(schema, input);
  const problems = result.ok ? [] : result.problems;
  const summary = problems.map((p) => `${p.path}: ${p.message.en}`).join("; ");
  throw LinliError.from(
    coreErrors,
    "VALIDATION_FAILED",
    { summary: `${fn}: ${summary}` },
    { details: { function: fn, problems } },
  );
}

/** Throws `VALIDATION_FAILED` (every problem, zh-CN and en) unless the availability input is sound. */
export const checkAvailabilityInput = (input: unknown) => check(availabilitySchema, input, "availableSlots");
/** Throws `VALIDATION_FAILED` unless the evaluation input is sound. */
export const checkEvaluationInput = (input: unknown) => check(evaluationSchema, input, "evaluateBooking");
/** Throws `VALIDATION_FAILED` unless the calendar is sound. */
export const checkIcsInput = (input: unknown) => check(icsSchema, input, "writeIcs");
