import * as z from "zod";

/** The longest id or key a command accepts, in UTF-16 code units. */
export const MAX_ID_LENGTH = 200;

// C0 and C1 control characters, DEL included: never part of an id on any adapter
// (PostgreSQL refuses NUL in text, memory and SQLite would store it).
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find them
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The schema of an id or key given to a command (`bookingId`, `forResident`, an actor's id,
 * an idempotency key): 1 to {@link MAX_ID_LENGTH} characters, none of them a control
 * character. Bounded so that an id copied into a message or an index stays small, and the
 * same on every adapter.
 */
export const recordIdSchema = z
  .string()
  .min(1)
  .max(MAX_ID_LENGTH)
  .refine((value) => !CONTROL.test(value), {
    params: {
      code: "CONTROL_CHARACTER",
      message: { "zh-CN": "不能包含控制字符", en: "Must not contain control characters" },
    },
  });
