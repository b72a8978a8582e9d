import { bookingRuleKinds } from "@linli/booking";
import {
  type CommandContext,
  type CommunityConfig,
  contribute,
  definePlugin,
  type Registries,
} from "@linli/core";
import { bookingSubscriptions } from "./booking-subscriptions";
import { builtInComponents } from "./built-in-components";
import { lendingSubscriptions } from "./lending-subscriptions";
import { cancel } from "./commands/cancel-membership";
import { charge } from "./commands/charge";
import { correct } from "./commands/correct";
import { recordPayment, recordPayout } from "./commands/payments";
import { purchase } from "./commands/purchase-membership";
import { renew } from "./commands/renew-membership";
import { returnDeposit } from "./commands/return-deposit";
import { reverse } from "./commands/reverse";
import { waive } from "./commands/waive";
import { pricingEvents } from "./events";
import { requiresMembershipKind } from "./membership-rule";
import { compilePriceBook, type PriceBook } from "./price-book";
import { priceComponents } from "./price-component";
import { pricingConfigSchema } from "./pricing-config";
import { checkPricingConfig } from "./pricing-config-check";
import { pricingErrors } from "./pricing-errors";
import { pricingModels } from "./pricing-models";
import { pricingPersonalData } from "./pricing-personal-data";
import { hasValidMembership } from "./queries/has-valid-membership";
import { balance, entries } from "./queries/ledger";
import { list } from "./queries/list-memberships";
import { quote } from "./queries/quote";
import { quoteForBooking } from "./queries/quote-for-booking";

/**
 * The pricing plugin: price plans per resource, eligibility tiers, monthly caps, deposits,
 * vouchers, staff waivers, memberships and a per-resident ledger, every price explained in
 * zh-CN and en. With the booking plugin installed, confirmed bookings for a resident are
 * priced and charged in the booking's own transaction, and cancellations in time are
 * reversed; a booking for no resident is not priced. Pricing also contributes the
 * `requires-membership` booking rule kind (members-only resources such as the gym). With the
 * lending plugin installed, loans of types its `charges` price are charged at check-out
 * (deposits returned at check-in) and late returns charged (see `lendingSubscriptions`).
 *
 * @example
 * ```ts
 * const community = await createCommunity({ config, storage, plugins: [pricingPlugin()] });
 * await community.as(desk).for("r1").pricing.charge({ resourceId: "drying-room" });
 * ```
 */
export function pricingPlugin() {
  // One price book per community, compiled from its options when its API is built. Booking
  // subscribers run with the emitting command's context, whose options are booking's, so
  // they find the book by the community's parsed config (the same object in both contexts).
  // A plugin object may serve several communities.
  const books = new WeakMap<CommunityConfig, PriceBook>();
  const bookOf = (cx: CommandContext): PriceBook => {
    const book = books.get(cx.config);
    // Cannot happen through createCommunity, which builds every API before any command runs.
    if (!book) throw new Error("pricing: no price book for this community (its API was not built)");
    return book;
  };
  return definePlugin({
    id: "pricing",
    optional: ["booking", "lending"],
    config: (registries: Registries) => pricingConfigSchema(registries.get(priceComponents)),
    checkConfig: checkPricingConfig,
    models: pricingModels,
    errors: pricingErrors,
    events: pricingEvents,
    registries: [priceComponents],
    contributes: [
      contribute(priceComponents, builtInComponents),
      // Members-only resources: a booking rule kind reading memberships pricing loads.
      contribute(bookingRuleKinds, [requiresMembershipKind(bookOf)]),
    ],
    on: [...bookingSubscriptions(bookOf), ...lendingSubscriptions(bookOf)],
    personalData: pricingPersonalData,
    api: (ctx) => {
      const book = compilePriceBook(ctx.options, ctx.config, ctx.registries);
      books.set(ctx.config, book);
      return ctx.commands({
        quote: quote(book),
        charge: charge(book),
        reverse,
        returnDeposit,
        quoteForBooking,
        hasValidMembership: hasValidMembership(book),
        memberships: { purchase: purchase(book), renew: renew(book), cancel: cancel(book), list },
        ledger: { recordPayment, recordPayout, waive, correct, entries, balance },
      });
    },
  });
}

/** The pricing plugin (the type of `pricingPlugin()`). */
export type PricingPlugin = ReturnType<typeof pricingPlugin>;

/** The pricing API on a community: `community.pricing`. */
export type PricingApi = ReturnType<PricingPlugin["api"]>;
