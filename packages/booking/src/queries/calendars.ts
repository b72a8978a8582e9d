import { defineQuery, instantSchema, LinliError, type ModelWhere } from "@linli/core";
import * as z from "zod";
import type { BookingEngine } from "../booking-engine";
import { bookingErrors } from "../booking-errors";
import { idInput } from "../booking-inputs";
import { BOOKING_STATUSES, bookingModel } from "../booking-models";
import { type IcsEvent, writeIcs } from "../ics-calendar";

const ICS_STATUS = {
  confirmed: "CONFIRMED",
  "checked-in": "CONFIRMED",
  completed: "CONFIRMED",
  "pending-approval": "TENTATIVE",
  offered: "TENTATIVE",
} as const;
/** The statuses calendars show: the keys of {@link ICS_STATUS}, typed as booking statuses. */
const ICS_STATUSES = BOOKING_STATUSES.filter((s): s is keyof typeof ICS_STATUS => s in ICS_STATUS);

const locale = z.enum(["zh-CN", "en"]).default("zh-CN");

const DAY_MS = 86_400_000;
/** The longest window a calendar covers, in days. */
export const MAX_CALENDAR_DAYS = 366;
/** The most bookings one calendar holds; a busier window is refused (`CALENDAR_TOO_LARGE`). */
export const MAX_CALENDAR_EVENTS = 5000;
/** How far back a calendar without `start` reaches, in days. */
const DEFAULT_PAST_DAYS = 31;

const windowShape = { start: instantSchema.optional(), end: instantSchema.optional() };

/**
 * The range a calendar covers: `start`/`end` as given, else from {@link DEFAULT_PAST_DAYS}
 * days ago (or `end` minus the maximum) to {@link MAX_CALENDAR_DAYS} days after the start;
 * at most {@link MAX_CALENDAR_DAYS} days, so a calendar read is bounded whatever the history.
 */
function calendarWindow(now: Date, start: Date | undefined, end: Date | undefined): [Date, Date] {
  const from =
    start ??
    new Date(end ? end.getTime() - MAX_CALENDAR_DAYS * DAY_MS : now.getTime() - DEFAULT_PAST_DAYS * DAY_MS);
  const to = end ?? new Date(from.getTime() + MAX_CALENDAR_DAYS * DAY_MS);
  const days = Math.ceil((to.getTime() - from.getTime()) / DAY_MS);
  if (days > MAX_CALENDAR_DAYS || days < 0) {
    throw LinliError.from(bookingErrors, "CALENDAR_WINDOW_TOO_LONG", { days, maxDays: MAX_CALENDAR_DAYS });
  }
  return [from, to];
}

/** Refuses a calendar that would hold more than {@link MAX_CALENDAR_EVENTS} bookings. */
function boundedEvents<T>(rows: T[]): T[] {
  if (rows.length > MAX_CALENDAR_EVENTS) {
    throw LinliError.from(bookingErrors, "CALENDAR_TOO_LARGE", { max: MAX_CALENDAR_EVENTS });
  }
  return rows;
}

/** The input of `residentCalendar`, built once: every community shares it (and its compiled parser). */
const residentCalendarInput = z.object({ ...windowShape, locale });

/**
 * `booking.residentCalendar`: a resident's bookings as an RFC 5545 calendar, over a bounded
 * window (by default from a month ago to a year ahead; see `MAX_CALENDAR_DAYS`).
 */
export const residentCalendar = (engine: BookingEngine) =>
  defineQuery({
    subject: "required",
    input: residentCalendarInput,
    run: async (cx, input): Promise<string> => {
      const [from, to] = calendarWindow(cx.now, input.start, input.end);
      const bookings = boundedEvents(
        await cx.tx.findMany(bookingModel, {
          where: [
            { field: "residentId", value: cx.subject },
            { field: "status", op: "in", value: ICS_STATUSES },
            { field: "end", op: "gt", value: from },
            { field: "start", op: "lt", value: to },
          ],
          orderBy: [{ field: "start" }, { field: "id" }],
          limit: MAX_CALENDAR_EVENTS + 1,
        }),
      );
      const events: IcsEvent[] = bookings.map((b) => {
        const name = engine.rules.resource(b.resourceId).name[input.locale];
        return {
          uid: `${b.id}@${cx.tx.communityId}.linli`,
          start: b.start,
          end: b.end,
          summary: name,
          location: name,
          description: b.note ?? undefined,
          status: ICS_STATUS[b.status as keyof typeof ICS_STATUS],
        };
      });
      return writeIcs({ name: cx.subject, timeZone: engine.timeZone, events, stamp: cx.now });
    },
  });

/** The input of `resourceCalendar`, built once: every community shares it (and its compiled parser). */
const resourceCalendarInput = z.object({
  resourceId: idInput,
  ...windowShape,
  locale,
});

/**
 * `booking.resourceCalendar`: a resource's bookings between `start` and `end` as an RFC 5545
 * calendar, without who booked. The window is bounded like the resident calendar's.
 */
export const resourceCalendar = (engine: BookingEngine) =>
  defineQuery({
    subject: "none",
    input: resourceCalendarInput,
    run: async (cx, input): Promise<string> => {
      const name = engine.rules.resource(input.resourceId).name[input.locale];
      const where: ModelWhere<typeof bookingModel>[] = [
        { field: "resourceId", value: input.resourceId },
        { field: "status", op: "in", value: ICS_STATUSES },
      ];
      const [from, to] = calendarWindow(cx.now, input.start, input.end);
      where.push({ field: "end", op: "gt", value: from }, { field: "start", op: "lt", value: to });
      const bookings = boundedEvents(
        await cx.tx.findMany(bookingModel, {
          where,
          orderBy: [{ field: "start" }, { field: "id" }],
          limit: MAX_CALENDAR_EVENTS + 1,
        }),
      );
      // Who booked is not shown: the resource calendar is for anyone to read.
      const booked = input.locale === "zh-CN" ? "已预约" : "Booked";
      const events: IcsEvent[] = bookings.map((b) => ({
        uid: `${b.id}@${cx.tx.communityId}.linli`,
        start: b.start,
        end: b.end,
        summary: `${name} · ${booked}${b.quantity > 1 ? ` ×${b.quantity}` : ""}`,
        location: name,
        status: ICS_STATUS[b.status as keyof typeof ICS_STATUS],
      }));
      return writeIcs({ name, timeZone: engine.timeZone, events, stamp: cx.now });
    },
  });
