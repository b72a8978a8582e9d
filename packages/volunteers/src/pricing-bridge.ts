import type { Actor, PluginContext } from "@linli/core";
import type { StoredPrice } from "./volunteers-models";
import { helpKindsOf, type VolunteersOptions } from "./volunteers-config";

/**
 * The part of the pricing plugin's public API this plugin uses (`community.pricing.quote`),
 * declared structurally: no import of `@linli/pricing`, which is an optional dependency.
 */
export interface PricingQuoteApi {
  /** Prices a use without recording it. */
  quote(input: { actor: Actor; forResident: string; resourceId: string; start: Date; end: Date }): Promise<{
    resourceId: string;
    planId: string | null;
    total: { amount: number; currency: string };
    lines: readonly {
      code: string;
      amount: { amount: number; currency: string };
      text: { "zh-CN": string; en: string };
      publicText: { "zh-CN": string; en: string };
      group?: string;
    }[];
  }>;
}

/** The system actor volunteers quotes as, so that the stored quote keeps the deciding group for staff. */
export const QUOTING_ACTOR: Actor = { kind: "system", id: "volunteers" };

/**
 * Quotes a request through the installed pricing plugin's public `quote` query, in its own
 * read-only transaction, before the request is written: the price of the kind's
 * `priceResource` for the requester over the request's window. Null when the kind has no
 * price resource or pricing is not installed. A failing quote fails the request (nothing written).
 */
export async function quoteRequest(
  ctx: PluginContext<VolunteersOptions>,
  request: { kind: string; requesterId: string; start: Date; end: Date },
): Promise<StoredPrice | null> {
  const resourceId = helpKindsOf(ctx.options).get(request.kind)?.priceResource;
  if (!resourceId) return null;
  const pricing = ctx.plugin<PricingQuoteApi>("pricing");
  if (!pricing) return null;
  const quote = await pricing.quote({
    actor: QUOTING_ACTOR,
    forResident: request.requesterId,
    resourceId,
    start: request.start,
    end: request.end,
  });
  return {
    resourceId: quote.resourceId,
    planId: quote.planId,
    total: { amount: quote.total.amount, currency: quote.total.currency },
    lines: quote.lines.map((l) => ({
      code: l.code,
      amount: { amount: l.amount.amount, currency: l.amount.currency },
      text: { "zh-CN": l.text["zh-CN"], en: l.text.en },
      publicText: { "zh-CN": l.publicText["zh-CN"], en: l.publicText.en },
      ...(l.group !== undefined ? { group: l.group } : {}),
    })),
  };
}
