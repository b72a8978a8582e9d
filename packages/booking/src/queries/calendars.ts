import { defineQuery, type ModelWhere } from "@linli/core";
import { z } from "zod";
import type { BookingEngine } from "../booking-engine";
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

/** `booking.residentCalendar`: a resident's bookings as an RFC 5545 calendar. */
export const residentCalendar = (engine: BookingEngine) =>
  defineQuery({
    subject: "required",
    input: z.object({ locale }),
    run: async (cx, input): Promise<string> => {
      const bookings = await cx.tx.findMany(bookingModel, {
        where: [
          { field: "residentId", value: cx.subject },
          { field: "status", op: "in", value: ICS_STATUSES },
        ],
        orderBy: [{ field: "start" }, { field: "id" }],
      });
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

/** `booking.resourceCalendar`: a resource's bookings between `start` and `end` as an RFC 5545 calendar, without who booked. */
export const resourceCalendar = (engine: BookingEngine) =>
  defineQuery({
    subject: "none",
    input: z.object({
      resourceId: idInput,
      start: z.coerce.date().optional(),
      end: z.coerce.date().optional(),
      locale,
    }),
    run: async (cx, input): Promise<string> => {
      const name = engine.rules.resource(input.resourceId).name[input.locale];
      const where: ModelWhere<typeof bookingModel>[] = [
        { field: "resourceId", value: input.resourceId },
        { field: "status", op: "in", value: ICS_STATUSES },
      ];
      if (input.start) where.push({ field: "end", op: "gt", value: input.start });
      if (input.end) where.push({ field: "start", op: "lt", value: input.end });
      const bookings = await cx.tx.findMany(bookingModel, {
        where,
        orderBy: [{ field: "start" }, { field: "id" }],
      });
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
