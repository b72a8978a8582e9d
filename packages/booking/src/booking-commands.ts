import { isStaffLike, LinliError, type PluginContext } from "@linli/core";
import { z } from "zod";
import type { BookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { idInput, slotInputShape } from "./booking-inputs";
import { BOOKING_EVENTS, emitBookingEvent } from "./booking-events";
import {
  approveBooking,
  cancelBooking,
  checkInBooking,
  completeBooking,
  loadBooking,
  recordNoShow,
  rejectBooking,
  requireBookingAccess,
} from "./booking-lifecycle";
import { bookingModel, type WaitlistEntry } from "./booking-models";
import { dueReminders, sweepBookings } from "./booking-sweep";
import { type BookingOutcome, placeBooking } from "./place-booking";
import { bookSeries, type SeriesOutcome, SeriesRefused } from "./series-booking";
import { acceptOffer, joinWaitlist, offerFreedCapacity, withdrawEntry } from "./waitlist";

const STAFF = ["staff", "admin", "system"] as const;
const id = idInput;
const slotShape = slotInputShape;

/** The outcome of `booking.book`: a booking or every reason, plus the waitlist entry when one was taken. */
export type BookOutcome = BookingOutcome & { readonly waitlistEntry?: WaitlistEntry };

/** The booking plugin's commands (every one atomic: one transaction, its events included). */
export function bookingCommands(ctx: PluginContext, engine: BookingEngine) {
  const book = ctx.command({
    name: "booking.book",
    input: z.object({
      ...slotShape,
      note: z.string().max(500).optional(),
      /** When the only reason is a full slot, queue on the waitlist instead. @default false */
      waitlistIfFull: z.boolean().default(false),
    }),
    run: async (cx, input): Promise<BookOutcome> => {
      const residentId = cx.subject ?? null;
      const outcome = await placeBooking(cx, engine, {
        ...input,
        residentId,
        actorKind: cx.actor.kind,
        actorId: cx.actor.id,
        note: input.note ?? null,
      });
      if (!outcome.ok && outcome.waitlistable && input.waitlistIfFull && residentId) {
        const waitlistEntry = await joinWaitlist(cx, engine, { ...input, residentId });
        return { ...outcome, waitlistEntry };
      }
      return outcome;
    },
  });

  const cancel = ctx.command({
    name: "booking.cancel",
    input: z.object({ bookingId: id, reason: z.string().max(500).optional() }),
    run: (cx, input) => cancelBooking(cx, engine, input.bookingId, input.reason ?? null),
  });

  const reschedule = ctx.command({
    name: "booking.reschedule",
    input: z.object({ bookingId: id, start: z.coerce.date(), end: z.coerce.date() }),
    run: async (cx, input): Promise<BookingOutcome> => {
      const old = await loadBooking(cx, input.bookingId);
      await requireBookingAccess(cx, old, "booking.reschedule");
      if (old.status !== "confirmed" && old.status !== "pending-approval") {
        throw LinliError.from(bookingErrors, "INVALID_TRANSITION", {
          bookingId: old.id,
          status: old.status,
          action: "rescheduled",
        });
      }
      const outcome = await placeBooking(cx, engine, {
        resourceId: old.resourceId,
        zoneId: old.zoneId,
        start: input.start,
        end: input.end,
        quantity: old.quantity,
        residentId: old.residentId,
        actorKind: cx.actor.kind,
        actorId: cx.actor.id,
        note: old.note,
        replaces: old,
      });
      if (!outcome.ok) return outcome;
      const cancelled = await cx.tx.updateById(bookingModel, old.id, {
        status: "cancelled",
        cancelledAt: cx.now,
        cancelledBy: cx.actor.id,
        cancelReason: "rescheduled",
        refundable: true,
      });
      await emitBookingEvent(cx, BOOKING_EVENTS.cancelled, cancelled, { refundable: true });
      await emitBookingEvent(cx, BOOKING_EVENTS.rescheduled, cancelled, { newBookingId: outcome.booking.id });
      await offerFreedCapacity(cx, engine, old.resourceId, old.start, old.end);
      return outcome;
    },
  });

  const approve = ctx.command({
    name: "booking.approve",
    allow: STAFF,
    input: z.object({ bookingId: id }),
    run: (cx, input) => approveBooking(cx, input.bookingId),
  });

  const reject = ctx.command({
    name: "booking.reject",
    allow: STAFF,
    input: z.object({ bookingId: id, reason: z.string().max(500).optional() }),
    run: (cx, input) => rejectBooking(cx, engine, input.bookingId, input.reason ?? null),
  });

  const checkIn = ctx.command({
    name: "booking.checkIn",
    input: z.object({ bookingId: id }),
    run: (cx, input) => checkInBooking(cx, engine, input.bookingId),
  });

  const complete = ctx.command({
    name: "booking.complete",
    allow: STAFF,
    input: z.object({ bookingId: id }),
    run: async (cx, input) => completeBooking(cx, await loadBooking(cx, input.bookingId)),
  });

  const markNoShow = ctx.command({
    name: "booking.markNoShow",
    allow: STAFF,
    input: z.object({ bookingId: id }),
    run: async (cx, input) => recordNoShow(cx, engine, await loadBooking(cx, input.bookingId), "no-show"),
  });

  const sweep = ctx.command({
    name: "booking.sweep",
    allow: STAFF,
    input: z.object({}),
    run: (cx) => sweepBookings(cx, engine),
  });

  const remind = ctx.command({
    name: "booking.dueReminders",
    allow: STAFF,
    input: z.object({ leadMinutes: z.number().int().min(1).max(10_080).optional() }),
    run: (cx, input) => dueReminders(cx, engine, input.leadMinutes),
  });

  const waitlist = {
    /** Queue for a slot (for the acting resident or `forResident`). Emits `WaitlistJoined`. */
    join: ctx.command({
      name: "booking.waitlist.join",
      input: z.object(slotShape),
      run: (cx, input) => {
        if (!cx.subject) throw LinliError.from(bookingErrors, "SUBJECT_REQUIRED");
        return joinWaitlist(cx, engine, { ...input, residentId: cx.subject });
      },
    }),
    /** Accept an open offer: the held booking is confirmed. */
    accept: ctx.command({
      name: "booking.waitlist.accept",
      input: z.object({ entryId: id }),
      run: (cx, input) => acceptOffer(cx, input.entryId),
    }),
    /** Leave the waitlist, or decline an offer (it passes to the next in line). */
    withdraw: ctx.command({
      name: "booking.waitlist.withdraw",
      input: z.object({ entryId: id }),
      run: (cx, input) => withdrawEntry(cx, engine, input.entryId),
    }),
  };

  const seriesCommand = ctx.command({
    name: "booking.bookSeries",
    input: z.object({
      resourceId: id,
      zoneId: id.optional(),
      quantity: z.number().int().positive().max(1000).default(1),
      rrule: z.string().min(1).max(500),
      firstStart: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/),
      durationMinutes: z.number().int().positive().max(1440),
      exceptions: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
      policy: z.enum(["fail-series", "skip-and-report"]).optional(),
      note: z.string().max(500).optional(),
    }),
    run: (cx, input) => {
      const residentId = cx.subject ?? null;
      if (!residentId && !isStaffLike(cx.actor)) throw LinliError.from(bookingErrors, "SUBJECT_REQUIRED");
      return bookSeries(cx, engine, {
        ...input,
        residentId,
        policy: input.policy ?? engine.options.recurrencePolicy,
      });
    },
  });
  /** Books a recurring series; a failed `fail-series` comes back as a value with nothing written. */
  const bookSeriesFn = async (input: Parameters<typeof seriesCommand>[0]): Promise<SeriesOutcome> => {
    try {
      return await seriesCommand(input);
    } catch (error) {
      if (error instanceof SeriesRefused) return error.outcome;
      throw error;
    }
  };

  return {
    /**
     * Books a resource (or zone) for the acting resident, or for `forResident` (staff or a
     * delegate booking by phone; both are recorded). Returns the booking, or every violated
     * rule with code, params and zh-CN/en message. Capacity holds under concurrency.
     */
    book,
    /** Cancels a booking; `refundable` depends on the cancellation deadline. Emits `BookingCancelled`. */
    cancel,
    /** Moves a booking to a new time, atomically; refused moves leave the booking untouched. */
    reschedule,
    /** Staff approve a booking awaiting approval. Emits `BookingConfirmed`. */
    approve,
    /** Staff reject a booking awaiting approval. Emits `BookingRejected`. */
    reject,
    /** Checks in within the check-in window. */
    checkIn,
    /** Staff mark a checked-in booking completed. */
    complete,
    /** Staff record a no-show. Emits `NoShowRecorded`. */
    markNoShow,
    /** Time-driven transitions (offers expiring, missed check-ins, completions), for a scheduler. */
    sweep,
    /** Emits `BookingReminderDue` for bookings starting within the lead. */
    dueReminders: remind,
    /** Waitlist commands. */
    waitlist,
    /** Books a recurring series (RRULE with exceptions). */
    bookSeries: bookSeriesFn,
  };
}
