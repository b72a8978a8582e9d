import { type CommunityConfig, LinliError, type LocalizedText } from "@linli/core";
import type { PriceBook } from "./price-book";

/** A membership plan as a refusal names it. */
export interface OfferedPlan {
  /** The membership plan's id. */
  readonly id: string;
  /** Its display name. */
  readonly name: LocalizedText;
}

/**
 * "Members only" in both locales: the resource, and the plans that would let the resident
 * in. Shared by the booking refusal and the `MEMBERSHIP_REQUIRED` error of a quote.
 */
export function membersOnlyText(resource: LocalizedText, plans: readonly OfferedPlan[]): LocalizedText {
  if (plans.length === 0)
    return { "zh-CN": `${resource["zh-CN"]}仅限会员使用`, en: `${resource.en} is for members only` };
  return {
    "zh-CN": `${resource["zh-CN"]}仅限会员使用，请先办理${plans.map((p) => p.name["zh-CN"]).join("或")}`,
    en: `${resource.en} is for members only: please get a ${plans.map((p) => p.name.en).join(" or ")} first`,
  };
}

/** The membership plans covering a resource, as a refusal names them. */
export function offeredPlans(book: PriceBook, resourceId: string): OfferedPlan[] {
  return book.membershipPlansFor(resourceId).map((p) => ({ id: p.id, name: p.name }));
}

/**
 * `MEMBERSHIP_REQUIRED`: a use of a members-only resource (covered by membership plans, with
 * no price plan of its own) by a resident holding no membership that covers it.
 */
export function membershipRequired(
  config: CommunityConfig,
  book: PriceBook,
  resourceId: string,
): LinliError<"MEMBERSHIP_REQUIRED"> {
  const plans = offeredPlans(book, resourceId);
  const resource = config.resources.find((r) => r.id === resourceId);
  const name = resource?.name ?? { "zh-CN": resourceId, en: resourceId };
  // The catalog's template names ids; the message names the resource and plans in each locale.
  return new LinliError("MEMBERSHIP_REQUIRED", membersOnlyText(name, plans), {
    details: { resourceId, plans: plans.map((p) => p.id) },
  });
}
