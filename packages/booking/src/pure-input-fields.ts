import { coreErrors, customProblem, isTimeZone, LinliError, validate } from "@linli/core";
import * as z from "zod";

/**
 * The pieces the pure functions' input checks share (see `pure-input.ts`): instants, the
 * zone, large lists checked for shape only, the end-after-start refinement, and the check
 * that turns zod's verdict into a `VALIDATION_FAILED`.
 *
 * @module
 */

/** `z.date()` holding an instant (not an invalid `Date`). */
export const instant = z
  .date()
  .refine(
    (d) => !Number.isNaN(d.getTime()),
    customProblem("INVALID_INSTANT", { "zh-CN": "无效的时间点", en: "invalid date" }),
  );
/** An IANA zone name. */
export const timeZone = z.string().refine(isTimeZone, {
  params: {
    code: "INVALID_TIME_ZONE",
    message: { "zh-CN": "不是有效的 IANA 时区", en: "Not an IANA time zone" },
  },
});
/** A large list (bookings), checked for being an array only: O(1), whatever its length. */
export const list = z.custom<readonly unknown[]>(
  (v) => Array.isArray(v),
  customProblem("NOT_A_LIST", { "zh-CN": "应为数组", en: "expected an array" }),
);
/** True when `end` is after `start`. */
export const ordered = <T extends { start: Date; end: Date }>(v: T) => v.end.getTime() > v.start.getTime();
/** The problem of an `end` not after its `start`. */
export const endAfterStart = customProblem(
  "END_NOT_AFTER_START",
  { "zh-CN": "结束时间须晚于开始时间", en: "end must be after start" },
  ["end"],
);

/**
 * Throws `VALIDATION_FAILED` (every problem, zh-CN and en, named after `fn`) unless `schema`
 * accepts the input. `sound`, when given, is asked first: a hand check that is true only for
 * input the schema accepts, which spares zod's walk on the hot path.
 */
export function check(
  schema: z.ZodType,
  input: unknown,
  fn: string,
  sound?: (input: unknown) => boolean,
): void {
  if (sound?.(input) || schema.safeParse(input).success) return;
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
