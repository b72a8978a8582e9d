import * as z from "zod";

/** The earliest instant a command accepts: 1900-01-01T00:00:00Z. */
export const MIN_INSTANT = new Date("1900-01-01T00:00:00.000Z");
/** The first instant a command refuses: 2500-01-01T00:00:00Z. */
export const MAX_INSTANT = new Date("2500-01-01T00:00:00.000Z");

/**
 * The schema of an instant given to a command (`start`, `end`, `at`, `validFrom`…): a `Date`
 * or anything `new Date(...)` reads (an ISO string), valid, from {@link MIN_INSTANT} and
 * before {@link MAX_INSTANT}. Far from the limits of `Date` (±275,760 years), so adding a
 * day, a buffer or a recurrence to an accepted instant never makes an invalid date (a raw
 * `RangeError` later), and nothing is stored in the year 275760.
 */
export const instantSchema = z.coerce
  .date()
  .min(MIN_INSTANT)
  .refine((d) => d.getTime() < MAX_INSTANT.getTime(), {
    params: {
      code: "INSTANT_OUT_OF_RANGE",
      message: {
        "zh-CN": "时间须早于 2500 年",
        en: "An instant must be before the year 2500",
      },
    },
  });
