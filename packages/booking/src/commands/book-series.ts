import { customProblem, defineCommand, instantSchema, localParts } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { checkedChannel } from "../booking-channel";
import { channelInput, idInput } from "../booking-inputs";
import { bookSeries as placeSeries } from "../series-booking";

const MAX_OCCURRENCE_MS = 86_400_000;

/** The input of `bookSeries`, built once: every community shares it (and its compiled parser). */
const bookSeriesInput = z
  .object({
    resourceId: idInput,
    zoneId: idInput.optional(),
    quantity: z.number().int().positive().max(1000).default(1),
    rrule: z.string().min(1).max(500),
    start: instantSchema,
    end: instantSchema,
    exceptions: z
      .array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/))
      .max(366)
      .default([]),
    policy: z.enum(["fail-series", "skip-and-report"]).optional(),
    note: z.string().max(500).optional(),
    /** How the request reached the community: one of `booking.channels`. */
    channel: channelInput.optional(),
  })
  .refine(
    (x) => x.end > x.start && x.end.getTime() - x.start.getTime() <= MAX_OCCURRENCE_MS,
    customProblem("INVALID_OCCURRENCE", {
      "zh-CN": "每次的结束须晚于开始，且最长 24 小时",
      en: "end after start, at most 24 hours",
    }),
  );

/**
 * `booking.bookSeries`: books a recurring series. `start`/`end` are the first occurrence
 * (instants, like `book`); the RRULE repeats it in the community's local time, so a weekly
 * 9:00 class stays at 9:00 across DST changes. A refused `fail-series` comes back as a value
 * with nothing written. A rule outside what a series allows (`INVALID_RECURRENCE`), one that
 * would not finish within two years (`RECURRENCE_TOO_EXPENSIVE`) or one with no occurrence
 * (`EMPTY_SERIES`) is refused with nothing written.
 */
export const bookSeries = (engine: BookingEngine) =>
  defineCommand({
    input: bookSeriesInput,
    run: (cx, { start, end, channel, ...input }) => {
      const checked = checkedChannel(engine, channel);
      const local = localParts(start, engine.timeZone);
      const time = `${String(local.hour).padStart(2, "0")}:${String(local.minute).padStart(2, "0")}`;
      return placeSeries(cx, engine, {
        ...input,
        firstStart: `${local.date}T${time}`,
        durationMinutes: Math.round((end.getTime() - start.getTime()) / 60_000),
        residentId: cx.subject ?? null,
        policy: input.policy ?? engine.options.recurrencePolicy,
        channel: checked,
      });
    },
  });
