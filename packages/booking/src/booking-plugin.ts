import { contribute, definePlugin } from "@linli/core";
import { type BookingOptions, bookingConfigSchema, checkBookingConfig } from "./booking-config";
import { createBookingEngine } from "./booking-engine";
import { bookingErrors } from "./booking-errors";
import { bookingModels } from "./booking-models";
import { bookingCommands } from "./booking-commands";
import { bookingQueries } from "./booking-queries";
import { bookingRuleKinds } from "./rule-kind";
import { builtInRuleKinds } from "./rules/built-in-rule-kinds";

/**
 * The booking plugin: rules, availability and the booking lifecycle, never double-booked.
 *
 * @example
 * ```ts
 * const community = await createCommunity({ config, storage: memoryStorage(), plugins: [bookingPlugin()] });
 * const outcome = await community.booking.book({
 *   actor: { kind: "staff", id: "desk" },
 *   forResident: "r-42",
 *   resourceId: "drying-room",
 *   start: "2026-06-01T01:00:00Z",
 *   end: "2026-06-01T02:00:00Z",
 * });
 * if (!outcome.ok) for (const v of outcome.violations) console.log(v.message["zh-CN"]);
 * ```
 */
export function bookingPlugin() {
  return definePlugin({
    id: "booking",
    config: (registries) => bookingConfigSchema(registries),
    checkConfig: checkBookingConfig,
    models: bookingModels,
    errors: bookingErrors,
    registries: [bookingRuleKinds],
    contributes: [contribute(bookingRuleKinds, builtInRuleKinds)],
    api: (ctx) => {
      const engine = createBookingEngine(ctx.config, ctx.registries);
      return { ...bookingCommands(ctx, engine), ...bookingQueries(ctx, engine) };
    },
  });
}

/** The booking plugin's API on a community (`community.booking`). */
export type BookingApi = ReturnType<ReturnType<typeof bookingPlugin>["api"]>;

export type { BookingOptions };
