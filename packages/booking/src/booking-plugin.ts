import { contribute, definePlugin } from "@linli/core";
import { bookingConfigSchema, checkBookingConfig } from "./booking-config";
import { createBookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { bookingModels } from "./booking-models";
import { bookingPersonalData } from "./booking-personal-data";
import { approve, reject } from "./commands/approval";
import { checkIn, complete, markNoShow } from "./commands/attendance";
import { book } from "./commands/book";
import { bookSeries } from "./commands/book-series";
import { cancel } from "./commands/cancel";
import { reschedule } from "./commands/reschedule";
import { dueReminders, sweep } from "./commands/scheduled";
import { accept, join, withdraw } from "./commands/waitlist";
import { bookingEvents } from "./events";
import { availability } from "./queries/availability";
import { residentCalendar, resourceCalendar } from "./queries/calendars";
import { check } from "./queries/check";
import { get } from "./queries/get";
import { list } from "./queries/list";
import { bookingRuleKinds } from "./rule-kind";
import { builtInRuleKinds } from "./rules/built-in-rule-kinds";
import { SeriesRefused, type SeriesOutcome } from "./series-booking";

/**
 * The booking plugin: rules, availability and the booking lifecycle, never double-booked.
 *
 * @example
 * ```ts
 * const community = await createCommunity({ config, storage: memoryStorage(), plugins: [bookingPlugin()] });
 * const outcome = await community.as(desk).for(residentId).booking.book({
 *   resourceId: "dryer-1",
 *   start: "2026-06-01T01:00:00Z",
 *   end: "2026-06-01T02:00:00Z",
 * });
 * if (!outcome.ok) for (const v of outcome.violations) console.log(v.message["zh-CN"]);
 * ```
 */
export function bookingPlugin() {
  return definePlugin({
    id: "booking",
    config: bookingConfigSchema,
    checkConfig: checkBookingConfig,
    models: bookingModels,
    errors: bookingErrors,
    events: bookingEvents,
    registries: [bookingRuleKinds],
    contributes: [contribute(bookingRuleKinds, builtInRuleKinds)],
    personalData: bookingPersonalData,
    api: (ctx) => {
      const engine = createBookingEngine(ctx.config, ctx.options, ctx.registries);
      const api = ctx.commands({
        book: book(engine),
        cancel: cancel(engine),
        reschedule: reschedule(engine),
        approve,
        reject: reject(engine),
        checkIn: checkIn(engine),
        complete,
        markNoShow: markNoShow(engine),
        sweep: sweep(engine),
        dueReminders: dueReminders(engine),
        waitlist: { join: join(engine), accept, withdraw: withdraw(engine) },
        bookSeries: bookSeries(engine),
        get,
        list,
        availability: availability(engine),
        check: check(engine),
        residentCalendar: residentCalendar(engine),
        resourceCalendar: resourceCalendar(engine),
      });
      return {
        ...api,
        /** Books a recurring series; a refused `fail-series` comes back as a value with nothing written. */
        bookSeries: async (input: Parameters<typeof api.bookSeries>[0]): Promise<SeriesOutcome> => {
          try {
            return await api.bookSeries(input);
          } catch (error) {
            if (error instanceof SeriesRefused) return error.outcome;
            throw error;
          }
        },
      };
    },
  });
}

/** The booking plugin's API on a community (`community.booking`). */
export type BookingApi = ReturnType<ReturnType<typeof bookingPlugin>["api"]>;
