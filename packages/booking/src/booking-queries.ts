import { type Decision, isStaffLike, LinliError, type ModelWhere, type PluginContext } from "@linli/core";
import { z } from "zod";
import { availableSlots, type FreeSlot } from "./availability";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { idInput, slotInputShape } from "./booking-inputs";
import { requireBookingAccess } from "./booking-lifecycle";
import { BOOKING_STATUSES, type Booking, bookingModel, OCCUPYING_STATUSES } from "./booking-models";
import { type IcsEvent, writeIcs } from "./ics-calendar";
import { judgePlacement } from "./judge-placement";
import { bufferUnder } from "./resource-terms";

const id = idInput;
const DAY_MS = 86_400_000;
/** The longest window availability answers at once. */
const MAX_WINDOW_DAYS = 92;

/** Free slots of one resource. */
export interface ResourceAvailability {
  readonly resourceId: string;
  readonly slots: readonly FreeSlot[];
}

/** The answer of `booking.check`: allowed or every violation, and whether approval would be needed. */
export type BookingCheck = Decision & { readonly requiresApproval: boolean };

const ICS_STATUS = {
  confirmed: "CONFIRMED",
  "checked-in": "CONFIRMED",
  completed: "CONFIRMED",
  "pending-approval": "TENTATIVE",
  offered: "TENTATIVE",
} as const;
/** The statuses calendars show: the keys of {@link ICS_STATUS}, typed as booking statuses. */
const ICS_STATUSES = BOOKING_STATUSES.filter((s): s is keyof typeof ICS_STATUS => s in ICS_STATUS);

/** The booking plugin's read-only queries. */
export function bookingQueries(ctx: PluginContext, engine: BookingEngine) {
  const { rules } = engine;
  const nameOf = (resourceId: string) => rules.resource(resourceId).name;

  const get = ctx.query({
    name: "booking.get",
    input: z.object({ bookingId: id }),
    run: async (cx, input) => {
      const booking = await cx.tx.findById(bookingModel, input.bookingId);
      if (!booking) throw LinliError.from(bookingErrors, "BOOKING_NOT_FOUND", { bookingId: input.bookingId });
      await requireBookingAccess(cx, booking, "booking.get");
      return booking;
    },
  });

  const list = ctx.query({
    name: "booking.list",
    input: z.object({
      /** A resident's bookings (themself, a delegate, or staff); staff may omit it. */
      residentId: id.optional(),
      resourceId: id.optional(),
      from: z.coerce.date().optional(),
      to: z.coerce.date().optional(),
      statuses: z.array(z.enum(BOOKING_STATUSES)).optional(),
      limit: z.number().int().positive().max(10_000).default(1000),
    }),
    run: async (cx, input): Promise<Booking[]> => {
      const residentId = input.residentId ?? (isStaffLike(cx.actor) ? undefined : cx.subject);
      if (residentId) await cx.requireActFor(residentId, "booking.list");
      else cx.requireStaff("booking.list");
      const where: ModelWhere<typeof bookingModel>[] = [];
      if (residentId) where.push({ field: "residentId", value: residentId });
      if (input.resourceId) where.push({ field: "resourceId", value: input.resourceId });
      if (input.from) where.push({ field: "end", op: "gt", value: input.from });
      if (input.to) where.push({ field: "start", op: "lt", value: input.to });
      if (input.statuses) where.push({ field: "status", op: "in", value: input.statuses });
      return cx.tx.findMany(bookingModel, {
        where,
        orderBy: [{ field: "start" }, { field: "id" }],
        limit: input.limit,
      });
    },
  });

  const availability = ctx.query({
    name: "booking.availability",
    input: z
      .object({
        resourceId: id.optional(),
        /** Every resource of a resource group (each with its own slots). */
        resourceGroupId: id.optional(),
        zoneId: id.optional(),
        start: z.coerce.date(),
        end: z.coerce.date(),
        durationMinutes: z.number().int().positive().max(1440).optional(),
        quantity: z.number().int().positive().max(1000).default(1),
      })
      .refine((x) => (x.resourceId === undefined) !== (x.resourceGroupId === undefined), {
        message: "give resourceId or resourceGroupId",
      })
      .refine((x) => x.end > x.start && x.end.getTime() - x.start.getTime() <= MAX_WINDOW_DAYS * DAY_MS, {
        message: `end after start, at most ${MAX_WINDOW_DAYS} days`,
      }),
    run: async (cx, input): Promise<ResourceAvailability[]> => {
      const resourceIds = input.resourceId ? [input.resourceId] : rules.group(input.resourceGroupId!);
      const residentId = cx.subject ?? null;
      const groups = residentId ? await cx.groupsOf(residentId, input.start) : [];
      const residentBookings = residentId
        ? await cx.tx.findMany(bookingModel, {
            where: [
              { field: "residentId", value: residentId },
              { field: "start", op: "gte", value: new Date(cx.now.getTime() - 366 * DAY_MS) },
            ],
          })
        : [];
      const out: ResourceAvailability[] = [];
      for (const resourceId of resourceIds) {
        const resource = rules.resource(resourceId);
        const resolved = rules.rulesFor(resourceId);
        const buffer = bufferUnder(resolved, rules.kinds);
        const margin = buffer.beforeMs + buffer.afterMs + DAY_MS;
        const bookings = await cx.tx.findMany(bookingModel, {
          where: [
            { field: "resourceId", value: resourceId },
            { field: "status", op: "in", value: [...OCCUPYING_STATUSES] },
            { field: "blockStart", op: "lt", value: new Date(input.end.getTime() + margin) },
            { field: "blockEnd", op: "gt", value: new Date(input.start.getTime() - margin) },
          ],
        });
        const slots = availableSlots({
          resource,
          zoneId: input.zoneId ?? null,
          rules: resolved,
          kinds: rules.kinds,
          timeZone: engine.timeZone,
          now: cx.now,
          start: input.start,
          end: input.end,
          bookings,
          who: { actorKind: cx.actor.kind, residentId, groups },
          residentBookings,
          durationMinutes: input.durationMinutes,
          quantity: input.quantity,
          physicalCapacity: rules.physicalCapacity(resourceId, input.zoneId),
          defaultGranularityMinutes: engine.options.defaultGranularityMinutes,
        });
        out.push({ resourceId, slots });
      }
      return out;
    },
  });

  const check = ctx.query({
    name: "booking.check",
    input: z.object(slotInputShape),
    run: async (cx, input): Promise<BookingCheck> => {
      const { evaluation } = await judgePlacement(
        cx,
        engine,
        { ...input, residentId: cx.subject ?? null, actorKind: cx.actor.kind, actorId: cx.actor.id },
        { lock: false },
      );
      return { ...evaluation.decision, requiresApproval: evaluation.requiresApproval };
    },
  });

  const residentCalendar = ctx.query({
    name: "booking.residentCalendar",
    input: z.object({ residentId: id.optional(), locale: z.enum(["zh-CN", "en"]).default("zh-CN") }),
    run: async (cx, input): Promise<string> => {
      const residentId = input.residentId ?? cx.subject;
      if (!residentId) throw LinliError.from(bookingErrors, "SUBJECT_REQUIRED");
      await cx.requireActFor(residentId, "booking.residentCalendar");
      const bookings = await cx.tx.findMany(bookingModel, {
        where: [
          { field: "residentId", value: residentId },
          { field: "status", op: "in", value: ICS_STATUSES },
        ],
        orderBy: [{ field: "start" }, { field: "id" }],
      });
      const events: IcsEvent[] = bookings.map((b) => ({
        uid: `${b.id}@${ctx.communityId}.linli`,
        start: b.start,
        end: b.end,
        summary: nameOf(b.resourceId)[input.locale],
        location: nameOf(b.resourceId)[input.locale],
        description: b.note ?? undefined,
        status: ICS_STATUS[b.status as keyof typeof ICS_STATUS],
      }));
      return writeIcs({ name: residentId, timeZone: engine.timeZone, events, stamp: cx.now });
    },
  });

  const resourceCalendar = ctx.query({
    name: "booking.resourceCalendar",
    input: z.object({
      resourceId: id,
      from: z.coerce.date().optional(),
      to: z.coerce.date().optional(),
      locale: z.enum(["zh-CN", "en"]).default("zh-CN"),
    }),
    run: async (cx, input): Promise<string> => {
      const name = nameOf(input.resourceId)[input.locale];
      const where: ModelWhere<typeof bookingModel>[] = [
        { field: "resourceId", value: input.resourceId },
        { field: "status", op: "in", value: ICS_STATUSES },
      ];
      if (input.from) where.push({ field: "end", op: "gt", value: input.from });
      if (input.to) where.push({ field: "start", op: "lt", value: input.to });
      const bookings = await cx.tx.findMany(bookingModel, {
        where,
        orderBy: [{ field: "start" }, { field: "id" }],
      });
      // Who booked is not shown: the resource calendar is for anyone to read.
      const booked = input.locale === "zh-CN" ? "已预约" : "Booked";
      const events: IcsEvent[] = bookings.map((b) => ({
        uid: `${b.id}@${ctx.communityId}.linli`,
        start: b.start,
        end: b.end,
        summary: `${name} · ${booked}${b.quantity > 1 ? ` ×${b.quantity}` : ""}`,
        location: name,
        status: ICS_STATUS[b.status as keyof typeof ICS_STATUS],
      }));
      return writeIcs({ name, timeZone: engine.timeZone, events, stamp: cx.now });
    },
  });

  return {
    /** One booking (its resident, their delegates, staff). */
    get,
    /** Bookings of a resident (or, for staff, of anyone), by resource, time and state. */
    list,
    /** Free slots with remaining capacity for a resource or resource group, for the acting resident. */
    availability,
    /**
     * What `book` would answer now, without booking: every violation, and whether the
     * booking would wait for approval. For the desk clerk on the phone.
     */
    check,
    /** A resident's bookings as an RFC 5545 calendar. */
    residentCalendar,
    /** A resource's bookings as an RFC 5545 calendar (without who booked). */
    resourceCalendar,
  };
}
