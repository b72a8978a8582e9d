import { instantSchema, recordIdSchema } from "@linli/core";
import * as z from "zod";

/** An id in command inputs: bounded, no control characters (core's `recordIdSchema`). */
export const idInput = recordIdSchema;

/** The slot a command or query is about: a resource (or one of its zones), an interval, units. */
export const slotInputShape = {
  resourceId: idInput,
  /** A zone of the resource (the gym's cardio zone). */
  zoneId: idInput.optional(),
  start: instantSchema,
  end: instantSchema,
  /** Units (seats, machines). @default 1 */
  quantity: z.number().int().positive().max(1000).default(1),
};

/** How a booking reached the community (checked against `booking.channels` by the command). */
export const channelInput = z.string().min(1).max(50);
