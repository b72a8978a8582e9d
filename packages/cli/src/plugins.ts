import { bookingPlugin } from "@linli/booking";
import type { AnyPlugin } from "@linli/core";
import { pricingPlugin } from "@linli/pricing";
import { volunteersPlugin } from "@linli/volunteers";

/**
 * The plugins `linli` validates, explains and runs configurations with: booking, pricing and
 * volunteers. Lending joins this list when it lands.
 */
export function installedPlugins(): readonly AnyPlugin[] {
  return [bookingPlugin(), pricingPlugin(), volunteersPlugin()];
}

/** The plugins of the communities the CLI opens, as a typed tuple. */
export type CommunityPlugins = readonly [
  ReturnType<typeof bookingPlugin>,
  ReturnType<typeof pricingPlugin>,
  ReturnType<typeof volunteersPlugin>,
];

/** The same plugins as {@link installedPlugins}, typed, for communities whose API the CLI calls. */
export function communityPlugins(): CommunityPlugins {
  return [bookingPlugin(), pricingPlugin(), volunteersPlugin()];
}
