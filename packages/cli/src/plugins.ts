import { bookingPlugin } from "@linli/booking";
import type { AnyPlugin } from "@linli/core";
import { lendingPlugin } from "@linli/lending";
import { pricingPlugin } from "@linli/pricing";
import { volunteersPlugin } from "@linli/volunteers";

/**
 * The plugins `linli` validates, explains and runs configurations with: booking, pricing,
 * volunteers and lending.
 */
export function installedPlugins(): readonly AnyPlugin[] {
  return communityPlugins();
}

/** The plugins of the communities the CLI opens, as a typed tuple. */
export type CommunityPlugins = readonly [
  ReturnType<typeof bookingPlugin>,
  ReturnType<typeof pricingPlugin>,
  ReturnType<typeof volunteersPlugin>,
  ReturnType<typeof lendingPlugin>,
];

/** The same plugins as {@link installedPlugins}, typed, for communities whose API the CLI calls. */
export function communityPlugins(): CommunityPlugins {
  return [bookingPlugin(), pricingPlugin(), volunteersPlugin(), lendingPlugin()];
}
