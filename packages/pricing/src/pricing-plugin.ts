import { type CommunityConfig, contribute, definePlugin, type Registries } from "@linli/core";
import { bookingSubscribers } from "./booking-events";
import { builtInComponents } from "./built-in-components";
import { ledgerApi } from "./ledger-api";
import { membershipApi } from "./membership-api";
import { compilePriceBook, type PriceBook } from "./price-book";
import { priceComponents } from "./price-component";
import { pricingConfigSchema } from "./pricing-config";
import { checkPricingConfig } from "./pricing-config-check";
import { pricingErrors } from "./pricing-errors";
import { pricingModels } from "./pricing-models";
import { usageApi } from "./usage-api";

/**
 * The pricing plugin: price plans per resource, eligibility tiers, monthly caps, deposits,
 * vouchers, staff waivers, memberships and a per-resident ledger, every price explained in
 * zh-CN and en. With the booking plugin installed, confirmed bookings are priced and charged
 * in the booking's own transaction, and cancellations in time are reversed.
 *
 * @example
 * ```ts
 * const community = await createCommunity({ config, storage, plugins: [pricingPlugin()] });
 * await community.pricing.charge({ actor: desk, forResident: "r1", resourceId: "drying-room" });
 * ```
 */
export function pricingPlugin() {
  // Compiled once per parsed configuration; a plugin object may serve several communities.
  const books = new WeakMap<CommunityConfig, PriceBook>();
  const bookOf = (config: CommunityConfig, registries: Registries): PriceBook => {
    let book = books.get(config);
    if (!book) {
      book = compilePriceBook(config, registries);
      books.set(config, book);
    }
    return book;
  };
  return definePlugin({
    id: "pricing" as const,
    optional: ["booking"],
    config: (registries: Registries) => pricingConfigSchema(registries.get(priceComponents)),
    checkConfig: checkPricingConfig,
    models: pricingModels,
    errors: pricingErrors,
    registries: [priceComponents],
    contributes: [contribute(priceComponents, builtInComponents)],
    on: bookingSubscribers((cx) => bookOf(cx.config, cx.registries)),
    api: (ctx) => {
      const book = () => bookOf(ctx.config, ctx.registries);
      return {
        ...usageApi(ctx, book),
        memberships: membershipApi(ctx, book),
        ledger: ledgerApi(ctx),
      };
    },
  });
}

/** The pricing API on a community: `community.pricing`. */
export type PricingApi = ReturnType<ReturnType<typeof pricingPlugin>["api"]>;
